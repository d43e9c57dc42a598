package loader

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math/bits"
	"slices"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// errIncomplete is skipJSONValue's answer when the buffer ends inside the
// value: read more and scan again.
var errIncomplete = errors.New("json value incomplete")

// errSyntax is skipJSONValue's answer for bytes that are no JSON value.
var errSyntax = errors.New("not json")

// maxJSONDepth bounds nesting, so a hostile file cannot make the scanner
// or encoding/json work without end.
const maxJSONDepth = 200

// skipJSONSpace returns the index of the first byte at or after i that is not
// JSON white space.
func skipJSONSpace(b []byte, i int) int {
	for i < len(b) {
		// Every white space byte is at most ' ': most bytes, past it, are
		// told by one comparison.
		if c := b[i]; c > ' ' || c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return i
		}
		i++
	}
	return i
}

// skipJSONValue returns the end of the JSON value starting at b[i] (white
// space before it allowed). It checks the structure loosely (brackets,
// strings, literals), fast enough to find element boundaries in a big
// file: strings are skipped with bytes.IndexByte.
func skipJSONValue(b []byte, i int) (int, error) {
	i = skipJSONSpace(b, i)
	if i >= len(b) {
		return i, errIncomplete
	}
	switch c := b[i]; {
	case c == '"':
		return skipJSONString(b, i)
	case c == '{' || c == '[':
		return skipJSONContainer(b, i, maxJSONDepth)
	case c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n':
		j := i
		for j < len(b) && isLiteralByte(b[j]) {
			j++
		}
		if j == len(b) {
			return j, errIncomplete
		}
		return j, nil
	}
	return i, errSyntax
}

func isLiteralByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'E'
}

// skipJSONString returns the end of the string starting at b[i] == '"'.
func skipJSONString(b []byte, i int) (int, error) {
	j := i + 1
	for {
		k := indexQuote(b, j)
		if k < 0 {
			return len(b), errIncomplete
		}
		j = k
		n := 0
		for m := j - 1; m > i && b[m] == '\\'; m-- {
			n++
		}
		j++
		if n%2 == 0 {
			return j, nil
		}
	}
}

// shortString is how far indexQuote looks, eight bytes at a time, before
// it calls bytes.IndexByte: most strings of a record (its keys, names,
// dates) end sooner, and the call costs more than the loop.
const shortString = 32

// indexQuote returns the index of the first '"' in b at or after j, -1
// when there is none.
func indexQuote(b []byte, j int) int {
	end := min(len(b), j+shortString)
	for ; j+8 <= end; j += 8 {
		if k := quoteIn(binary.LittleEndian.Uint64(b[j:])); k < 8 {
			return j + k
		}
	}
	for ; j < end; j++ {
		if b[j] == '"' {
			return j
		}
	}
	if k := bytes.IndexByte(b[end:], '"'); k >= 0 {
		return end + k
	}
	return -1
}

// quoteIn returns the index of the first '"' among the eight bytes of x
// (the first in memory in its low byte), 8 when there is none. A byte of
// x ^ "…" is zero where x has a quote; (y - 0x01…) &^ y & 0x80… sets the
// high bit of the first zero byte of y (and maybe of later ones, through
// the borrow), and of no byte before it.
func quoteIn(x uint64) int {
	return bits.TrailingZeros64(zeroBytes(x^swarLo*'"')) / 8
}

// skipJSONContainer returns the end of the object or array starting at
// b[i], which may nest limit levels (at most maxJSONDepth).
func skipJSONContainer(b []byte, i, limit int) (int, error) {
	var stack [maxJSONDepth]byte
	depth := 0
	for j := i; j < len(b); {
		switch c := b[j]; c {
		case '"':
			e, err := skipJSONString(b, j)
			if err != nil {
				return e, err
			}
			j = e
			continue
		case '{', '[':
			if depth == limit {
				return j, errSyntax
			}
			stack[depth] = c + 2 // '{'+2 == '}', '['+2 == ']'
			depth++
		case '}', ']':
			if depth == 0 || stack[depth-1] != c {
				return j, errSyntax
			}
			depth--
			if depth == 0 {
				return j + 1, nil
			}
		}
		j++
	}
	return len(b), errIncomplete
}

// member is one key of a JSON object and its value, as offsets from the
// object's first byte: the key's raw string (quotes included) from ks to
// ke, the value's raw bytes from vs to ve.
type member struct{ ks, ke, vs, ve uint32 }

// scanMembers reads the object at b[0] == '{' as objectFieldsRaw does,
// appending its members to ms, and returns its end, which is the end
// skipJSONValue gives it: its values nest one level less than
// maxJSONDepth. The error is errIncomplete when b ends inside the object,
// errSyntax when objectFieldsRaw would refuse it (skipJSONValue may
// still delimit it: ask it).
func scanMembers(b []byte, ms []member) (int, []member, error) {
	return scanMembersLike(b, ms, nil, nil)
}

// maxRepeat bounds the remembered values scanMembersLike compares with,
// so that one that differs late costs little more than its scan.
const maxRepeat = 512

// scanMembersLike is scanMembers for an object that may repeat, byte for
// byte, members of an earlier one: prev, whose members pms scanMembers
// gave (see scanMembersHinted).
func scanMembersLike(b []byte, ms []member, prev []byte, pms []member) (int, []member, error) {
	end, ms, _, err := scanMembersHinted(b, ms, prev, pms, ^uint64(0))
	return end, ms, err
}

// scanMembersHinted is scanMembersLike told by the bits of rep which of
// the first 64 values to compare with prev's, and which to scan at once;
// it also returns which of them were the same as prev's (same). What
// lies before the n-th value since the end of the one before it (the
// comma, the key, the colon and their white space; for the first, what
// follows the brace) is compared with prev's, together with the value
// when it is to be compared (bit n of rep set, or n ≥ 64) and it is a
// string or a container of at most maxRepeat bytes: a token that starts
// with the bytes of one that was whole ends where that one did, as its
// scan reads nothing past its end, and the same bytes before a value
// that starts with no white space scan alike. A stretch that is not the
// same is scanned. What rep says changes no result, only the work.
func scanMembersHinted(b []byte, ms []member, prev []byte, pms []member, rep uint64) (end int, _ []member, same uint64, err error) {
	gs := 1           // where prev's stretch before its next value starts
	for pos := 1; ; { // the end of the last value (of the brace before the first)
		n := len(ms)
		var pm member
		if n < len(pms) {
			pm = pms[n]
		}
		ks, ke, vs := pos+int(pm.ks)-gs, pos+int(pm.ke)-gs, pos+int(pm.vs)-gs
		ve := vs + int(pm.ve-pm.vs)
		if pv := prev[pm.vs:pm.ve]; repeatable(pv) && (n >= 64 || rep>>n&1 != 0) && hasBytesAt(b, pos, prev[gs:pm.ve]) {
			if n < 64 {
				same |= 1 << n
			}
		} else {
			if pm.ve == 0 || vs >= len(b) || !hasBytesAt(b, pos, prev[gs:pm.vs]) || isJSONSpace(b[vs]) {
				if ks, ke, vs, err = scanGap(b, pos, n, prev, pm); err != nil || ks < 0 {
					return vs, ms, same, err
				}
			}
			if c := b[vs]; c == '{' || c == '[' {
				ve, err = skipJSONContainer(b, vs, maxJSONDepth-1)
			} else {
				ve, err = skipJSONValue(b, vs)
			}
			if err != nil {
				return ve, ms, same, err
			}
		}
		ms = append(ms, member{uint32(ks), uint32(ke), uint32(vs), uint32(ve)})
		pos, gs = ve, int(pm.ve)
	}
}

// repeatable reports a value scanMembersHinted may compare with: a
// string or a container of at most maxRepeat bytes.
func repeatable(v []byte) bool {
	return len(v) > 0 && len(v) <= maxRepeat && (v[0] == '"' || v[0] == '{' || v[0] == '[')
}

// scanGap scans b from pos, the end of the value before the n-th member
// (of the brace before the first), to the start of the n-th value,
// comparing the key with pm's in prev (pm is zero when prev has no n-th
// member). It returns where the key starts and ends and the value
// starts; ks is -1 at the end of the object, whose end vs then is; on an
// error vs is where the scan stopped.
func scanGap(b []byte, pos, n int, prev []byte, pm member) (ks, ke, vs int, err error) {
	j := skipJSONSpace(b, pos)
	if j >= len(b) {
		return 0, 0, j, errIncomplete
	}
	switch {
	case b[j] == '}':
		return -1, 0, j + 1, nil
	case n == 0:
	case b[j] != ',':
		return 0, 0, j, errSyntax
	default:
		if j = skipJSONSpace(b, j+1); j >= len(b) {
			return 0, 0, j, errIncomplete
		}
	}
	if b[j] != '"' {
		return 0, 0, j, errSyntax
	}
	ke = j + int(pm.ke-pm.ks)
	if pm.ke == 0 || !hasBytesAt(b, j, prev[pm.ks:pm.ke]) {
		if ke, err = skipJSONString(b, j); err != nil {
			return 0, 0, ke, err
		}
	}
	k := skipJSONSpace(b, ke)
	if k >= len(b) {
		return 0, 0, k, errIncomplete
	}
	if b[k] != ':' {
		return 0, 0, k, errSyntax
	}
	vs = skipJSONSpace(b, k+1)
	if vs >= len(b) {
		return 0, 0, vs, errIncomplete
	}
	return j, ke, vs, nil
}

// isJSONSpace reports whether c is JSON white space.
func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// hasBytesAt reports whether b holds p from i on.
func hasBytesAt(b []byte, i int, p []byte) bool {
	return len(b)-i >= len(p) && string(b[i:i+len(p)]) == string(p)
}

// objectFieldsRaw calls fn with each key of the JSON object raw, as its
// raw JSON string (quotes included, so a caller can look a key up without
// decoding it), and the raw bytes of its value, in order. It returns
// errSyntax when raw is no object.
func objectFieldsRaw(raw []byte, fn func(rawKey, val []byte) error) error {
	i := skipJSONSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return errSyntax
	}
	i = skipJSONSpace(raw, i+1)
	if i < len(raw) && raw[i] == '}' {
		return nil
	}
	for i < len(raw) {
		if raw[i] != '"' {
			return errSyntax
		}
		e, err := skipJSONString(raw, i)
		if err != nil {
			return errSyntax
		}
		key := raw[i:e]
		i = skipJSONSpace(raw, e)
		if i >= len(raw) || raw[i] != ':' {
			return errSyntax
		}
		vs := skipJSONSpace(raw, i+1)
		ve, err := skipJSONValue(raw, vs)
		if err != nil {
			return errSyntax
		}
		if err := fn(key, raw[vs:ve]); err != nil {
			return err
		}
		i = skipJSONSpace(raw, ve)
		if i >= len(raw) {
			return errSyntax
		}
		switch raw[i] {
		case ',':
			i = skipJSONSpace(raw, i+1)
		case '}':
			return nil
		default:
			return errSyntax
		}
	}
	return errSyntax
}

// plainText reports whether in, the bytes of a JSON string within its
// quotes, needs no decoding: it holds no backslash and is valid UTF-8.
// ASCII is looked at eight bytes at a time for both at once.
func plainText(in []byte) bool {
	i := 0
	for ; i+8 <= len(in); i += 8 {
		w := binary.LittleEndian.Uint64(in[i:])
		if w&swarHi != 0 {
			break
		}
		if zeroBytes(w^swarLo*'\\') != 0 {
			return false
		}
	}
	for ; i < len(in); i++ {
		switch c := in[i]; {
		case c >= utf8.RuneSelf:
			return bytes.IndexByte(in[i:], '\\') < 0 && utf8.Valid(in[i:])
		case c == '\\':
			return false
		}
	}
	return true
}

// zeroBytes sets the high bit of the first zero byte of y, and maybe of
// later ones through the borrow, but of no byte when none is zero.
func zeroBytes(y uint64) uint64 { return (y - swarLo) &^ y & swarHi }

// decodeString decodes a raw JSON string; the common case of no escapes
// and valid UTF-8 is a plain copy.
func decodeString(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	in := raw[1 : len(raw)-1]
	if plainText(in) {
		return string(in), true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false
	}
	return s, true
}

// Bounds on decoding one value (a record's field, a JSON-LD block): it
// may nest maxDecodeDepth levels and hold maxDecodeValues values. A value
// over them is not decoded: each level rescans what it holds, and each
// value is an allocation, so an unbounded one could take seconds and
// hundreds of MB from a single 16 MiB record.
const (
	maxDecodeDepth  = MaxFrontmatterDepth
	maxDecodeValues = 100_000
)

// decodeBudget counts down the values one decode may still make; over is
// set once it ran out or the value nested too deep.
type decodeBudget struct {
	left int
	over bool
}

func newDecodeBudget() *decodeBudget { return &decodeBudget{left: maxDecodeValues} }

// take spends one value at depth; false when over a bound.
func (b *decodeBudget) take(depth int) bool {
	if b.left--; b.left < 0 || depth > maxDecodeDepth {
		b.over = true
	}
	return !b.over
}

// decodeValue decodes one raw JSON value as encoding/json would into an
// any, with fast paths for strings, numbers and literals; a container
// over the decode bounds gives false.
func decodeValue(raw []byte) (any, bool) {
	v, ok, _ := decodeBounded(raw)
	return v, ok
}

// decodeBounded is decodeValue that also reports a value left undecoded
// because it was over the decode bounds (maxDecodeDepth, maxDecodeValues).
func decodeBounded(raw []byte) (v any, ok, over bool) {
	if len(raw) > 0 && (raw[0] == '{' || raw[0] == '[') {
		if !withinDecodeBounds(raw) {
			return nil, false, true
		}
		b := newDecodeBudget()
		v, ok = decodeAny(raw, 0, b)
		return v, ok, b.over
	}
	v, ok = decodeScalar(raw)
	return v, ok, false
}

// withinDecodeBounds reports whether the container raw nests at most
// maxDecodeDepth levels and holds at most maxDecodeValues values, counted
// in one pass over it (decodeAny rescans each level, so it must not meet
// a value that is over them). It may count more values than there are.
// raw is a whole container as skipJSONValue delimits it: each level
// takes two brackets and each value a byte, so a short one is within
// them unread.
func withinDecodeBounds(raw []byte) bool {
	if len(raw) < maxDecodeValues && len(raw) <= 2*maxDecodeDepth {
		return true
	}
	// Fewer brackets than the depth bound, strings' included, cannot nest
	// over it; and values are fewer than bytes.
	if len(raw) < maxDecodeValues && bytes.Count(raw, []byte{'{'})+bytes.Count(raw, []byte{'['}) <= maxDecodeDepth {
		return true
	}
	depth, values := 0, 1
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '"':
			e, err := skipJSONString(raw, i)
			if err != nil {
				return true // decodeAny refuses it
			}
			i = e - 1
		case '[', '{':
			if depth++; depth > maxDecodeDepth {
				return false
			}
			values++
		case ']', '}':
			depth--
		case ',':
			values++
		}
		if values > maxDecodeValues {
			return false
		}
	}
	return true
}

// decodeScalar decodes a raw JSON value that is no container, with fast
// paths for strings, numbers and literals.
func decodeScalar(raw []byte) (any, bool) {
	if len(raw) == 0 {
		return nil, false
	}
	switch c := raw[0]; {
	case c == '"':
		return decodeString(raw)
	case c == '-' || (c >= '0' && c <= '9'):
		f, err := strconv.ParseFloat(unsafe.String(unsafe.SliceData(raw), len(raw)), 64)
		return f, err == nil
	case bytes.Equal(raw, []byte("true")):
		return true, true
	case bytes.Equal(raw, []byte("false")):
		return false, true
	case bytes.Equal(raw, []byte("null")):
		return nil, true
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, false
	}
	return v, true
}

// decodeAny decodes a raw JSON value (already delimited by
// skipJSONValue) into the types encoding/json gives an any: objects as
// map[string]any (keys folded with normKey, as the field readers look
// them up), arrays as []any, strings, float64, bool and nil. It scans
// once, without reflection, spending b (see decodeBudget): false when the
// value is over its bounds.
func decodeAny(raw []byte, depth int, b *decodeBudget) (any, bool) {
	raw = raw[skipJSONSpace(raw, 0):]
	if len(raw) == 0 || !b.take(depth) {
		return nil, false
	}
	switch raw[0] {
	case '{':
		return decodeObject(raw, depth, b)
	case '[':
		if l, ok := decodeArray(raw, func(e []byte) (any, bool) { return decodeAny(e, depth+1, b) }); ok {
			return l, true
		}
		return nil, false
	}
	return decodeScalar(raw)
}

// decodeArray decodes the raw JSON array raw (starting at its '['), each
// element with elem: false when raw is not a whole array or elem fails.
func decodeArray(raw []byte, elem func([]byte) (any, bool)) ([]any, bool) {
	var l []any
	i := skipJSONSpace(raw, 1)
	if i < len(raw) && raw[i] == ']' {
		return []any{}, true
	}
	for i < len(raw) {
		e, err := skipJSONValue(raw, i)
		if err != nil {
			return nil, false
		}
		x, ok := elem(raw[i:e])
		if !ok {
			return nil, false
		}
		l = append(l, x)
		i = skipJSONSpace(raw, e)
		if i >= len(raw) {
			return nil, false
		}
		if raw[i] == ']' {
			return l, true
		}
		if raw[i] != ',' {
			return nil, false
		}
		i = skipJSONSpace(raw, i+1)
	}
	return nil, false
}

// decodeObject is decodeAny of an object: a *jsonObject, or a
// map[string]any when it has more than maxJSONObjectFields keys. A key
// seen twice keeps its last value.
func decodeObject(raw []byte, depth int, b *decodeBudget) (any, bool) {
	var buf [8]objField
	fields := buf[:0]
	var m map[string]any
	var kb [64]byte
	err := objectFieldsRaw(raw, func(rk, v []byte) error {
		k, ok := objectKey(kb[:0], rk)
		if !ok {
			return errSyntax
		}
		x, ok := decodeAny(v, depth+1, b)
		if !ok {
			return errSyntax
		}
		if m != nil {
			m[k] = x
			return nil
		}
		for i := range fields {
			if fields[i].k == k {
				fields[i].v = x
				return nil
			}
		}
		if len(fields) < maxJSONObjectFields {
			fields = append(fields, objField{k, x})
			return nil
		}
		m = make(map[string]any, 2*maxJSONObjectFields)
		for _, f := range fields {
			m[f.k] = f.v
		}
		m[k] = x
		return nil
	})
	switch {
	case err != nil:
		return nil, false
	case m != nil:
		return m, true
	}
	return &jsonObject{f: slices.Clone(fields)}, true
}

// objectKey is the normKey form of a raw JSON key, taken from knownKeys
// or nestedKeys when it is one of them (no allocation).
func objectKey(buf, rawKey []byte) (string, bool) {
	buf, ok := foldRawKey(buf, rawKey)
	if !ok {
		k, ok := decodeString(rawKey)
		return normKey(k), ok
	}
	if k, ok := nestedKeys[string(buf)]; ok {
		return k, true
	}
	if kk, ok := knownKeys[string(buf)]; ok {
		return kk.key, true
	}
	return string(buf), true
}

// nestedKeys are keys the field readers look for inside a record's
// values (an organisation's name, a place's address, a pay range's
// bounds), mapped to themselves.
var nestedKeys = func() map[string]string {
	m := map[string]string{}
	for _, k := range []string{"name", "legalname", "id", "address", "addresslocality", "city", "addressregion",
		"region", "state", "addresscountry", "country", "value", "minvalue", "maxvalue", "min", "max", "unittext",
		"unit", "period", "mincents", "maxcents", "currencytype", "compensationtiersummary",
		"scrapeablecompensationsalarysummary", "summary", "sameas", "commitment", "team", "department",
		"alllocations", "content"} {
		m[k] = k
	}
	return m
}()
