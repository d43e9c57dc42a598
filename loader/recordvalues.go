package loader

import (
	"bytes"
	"strings"
	"unsafe"

	"github.com/jobdeck/jobdeck/model"
)

// recordValues are the values of one record by key (in normKey form),
// as the field readers ask for them: a record decoded whole into m, or a
// JSON record whose values are kept raw in j and each decoded when first
// asked for, so that a key that fills no field, or loses to a better
// alias, is never decoded. A value is nil for a key the record does not
// have. memo, when set, gives what the file's records share (see
// [recordMemo]): for a JSON record, its values decoded once.
type recordValues struct {
	m    map[string]any
	j    []jsonValue
	memo *recordMemo
}

// mapValues are the values of a record decoded whole.
func mapValues(m map[string]any) *recordValues { return &recordValues{m: m} }

// jsonValue is one key of a JSON record and its value.
type jsonValue struct {
	key  string // normKey form
	f    field  // the field the key fills, fNone when none
	prio int    // the key's priority for f
	raw  []byte // the value undecoded (kept once done, while the record is read)
	v    any
	s    string // the value when it is a string read by stringValueAt (str set)
	str  bool
	bad  bool // not decodable, or dropped: no value
	done bool
	// plain: raw is a string without escapes and valid UTF-8, as
	// stringEmptyAt found (false: not known).
	plain bool
	// clean: raw is such a string that cleanField also leaves as it is
	// (see isPlainFieldText), as stringEmptyAt found.
	clean bool
}

// value returns the value of key k, nil when there is none.
func (r *recordValues) value(k string) any { return r.valueAt(r.index(k), k) }

// index returns the place in j of key k, -1 when the record has none or
// was decoded whole.
func (r *recordValues) index(k string) int {
	for i := range r.j {
		if r.j[i].key == k {
			return i
		}
	}
	return -1
}

// valueAt is value(k) for key k at place i of j (see index).
func (r *recordValues) valueAt(i int, k string) any {
	if r.m != nil {
		return r.m[k]
	}
	if i < 0 {
		return nil
	}
	e := &r.j[i]
	if !e.done {
		e.v, e.done = r.memo.decode(e.raw)
		e.bad, e.done = !e.done, true
	}
	switch {
	case e.bad:
		return nil
	case e.str:
		return e.s
	}
	return e.v
}

// rawAt returns the raw JSON of the value of the key at place i of j,
// nil when it has none (i < 0: the record has no such key, or was
// decoded whole).
func (r *recordValues) rawAt(i int) []byte {
	if i < 0 || r.j[i].bad {
		return nil
	}
	return r.j[i].raw
}

// stringValueAt returns the value of the key at place i of j when it
// is a string, decoded without boxing it in an any; false otherwise (ask
// valueAt), and for a record decoded whole (i < 0).
func (r *recordValues) stringValueAt(i int) (string, bool) {
	if i < 0 {
		return "", false
	}
	e := &r.j[i]
	if !e.done && len(e.raw) > 0 && e.raw[0] == '"' {
		e.s, e.str = decodeString(e.raw)
		e.bad, e.done = !e.str, true
	}
	return e.s, e.str
}

// stringEmptyAt reports, for a JSON record whose key at place i of j
// holds a string, whether that string is empty or white space (or does
// not decode: no value) with ok set; a string without escapes is looked
// at undecoded, so one that loses to a better key is never decoded. ok
// is false for any other value (ask valueAt). With clean set (for a
// field that ownTextField names) it also finds, in the same pass, whether
// cleanField leaves the string as it is (see jsonValue.clean).
func (r *recordValues) stringEmptyAt(i int, clean bool) (empty, ok bool) {
	if i < 0 {
		return false, false
	}
	e := &r.j[i]
	if !e.done && len(e.raw) >= 2 && e.raw[0] == '"' {
		in := e.raw[1 : len(e.raw)-1]
		if e.clean || clean && !e.plain && isPlainFieldText(in) {
			e.plain, e.clean = true, true
			return len(in) == 0, true // no white space at its ends
		}
		if e.plain || plainText(in) {
			e.plain = true
			return len(bytes.TrimSpace(in)) == 0, true
		}
	}
	if s, ok := r.stringValueAt(i); ok {
		return strings.TrimSpace(s) == "", true
	}
	return e.bad, e.bad
}

// setField is setField(p, f, v) for the value v of the key at place i
// of j, through the memo when there is one (see [recordMemo.setField]).
func (r *recordValues) setField(p *model.Posting, f field, i int, v any) {
	if raw := r.rawAt(i); r.memo != nil && raw != nil {
		r.memo.setField(p, f, raw, v)
		return
	}
	setField(p, f, v)
}

// setString is setField(p, f, s) for the string s the key at place i of
// j holds (stringEmptyAt said it is one): a title or a URL kept as it is
// decoded (see [recordMemo.ownString]), a date read from the raw bytes
// without a copy when it needs no decoding, a field the memo remembers
// taken from it.
func (r *recordValues) setString(p *model.Posting, f field, i int) {
	switch {
	case ownTextField(f):
		s, _ := r.ownStringAt(i)
		if !r.j[i].clean {
			s = cleanOwnField(s)
		}
		setOwnText(p, f, s)
		return
	case f == fDate:
		if v, ok := r.plainStringAt(i); ok {
			p.Date = r.memo.date(v)
			return
		}
	}
	s, _ := r.stringValueAt(i)
	raw := r.rawAt(i)
	if !r.memo.recalled(p, f, raw) {
		r.memo.setAndRemember(p, f, raw, s)
	}
}

// ownStringAt is stringValueAt, with a string that needs no more than a
// copy made in the memo's slab (see [recordMemo.ownString]).
func (r *recordValues) ownStringAt(i int) (string, bool) {
	e := &r.j[i]
	switch {
	case e.done || len(e.raw) == 0 || e.raw[0] != '"':
	case e.plain && r.memo != nil:
		e.s, e.str = r.memo.slab.text.copyOf(e.raw[1:len(e.raw)-1]), true
		e.done = true
	default:
		e.s, e.str = r.memo.ownString(e.raw)
		e.bad, e.done = !e.str, true
	}
	return r.stringValueAt(i)
}

// plainStringAt returns the string the key at place i of j holds when it
// is not decoded yet and needs no decoding, as a view of its raw bytes:
// valid only while the record is read, and not kept in j.
func (r *recordValues) plainStringAt(i int) (string, bool) {
	e := &r.j[i]
	if e.done || len(e.raw) < 2 || e.raw[0] != '"' {
		return "", false
	}
	in := e.raw[1 : len(e.raw)-1]
	if !e.plain && !plainText(in) {
		return "", false
	}
	return unsafe.String(unsafe.SliceData(in), len(in)), true
}

// composedSalary is cleanField(composeSalary(r)), through the memo when
// there is one, by the raw values of the keys composeSalary reads (see
// salaryKeyIndex).
func (r *recordValues) composedSalary() string {
	if r.memo == nil || r.m != nil { // a record decoded whole has no raw values
		return cleanField(composeSalary(r))
	}
	var kb [memoValueLen]byte
	key := kb[:0]
	for i := range r.j {
		e := &r.j[i]
		n := salaryKeyIndex(e.key)
		switch {
		case n == 0 || e.bad: // a bad value is no value
			continue
		case e.raw == nil || len(key)+len(e.raw)+3 > len(kb):
			return cleanField(composeSalary(r))
		}
		key = append(key, n, byte(len(e.raw)>>8), byte(len(e.raw)))
		key = append(key, e.raw...)
	}
	if d, ok := r.memo.derivedOf(memoSalaryKeys, key); ok {
		return d.s
	}
	s := cleanField(composeSalary(r))
	r.memo.remember(memoSalaryKeys, key, derivedValue{s: s, ok: true})
	return s
}

// drop removes key k.
func (r *recordValues) drop(k string) {
	if r.m != nil {
		delete(r.m, k)
		return
	}
	for i := range r.j {
		if r.j[i].key == k {
			r.j[i] = jsonValue{key: k, bad: true, done: true}
		}
	}
}

// each calls fn with each key that may have a value, its place in j (-1
// for a record decoded whole), the field it fills by al (fNone when none)
// and its priority.
func (r *recordValues) each(al *aliasSet, fn func(i int, k string, f field, prio int)) {
	if r.m != nil {
		for k := range r.m {
			f, prio := al.lookup(k)
			fn(-1, k, f, prio)
		}
		return
	}
	for i := range r.j {
		if e := &r.j[i]; !e.bad {
			fn(i, e.key, e.f, e.prio)
		}
	}
}

// addJSONValue adds e, a key of a JSON record with its raw value, to
// the record's values: a later key replaces an earlier one that folds
// the same, unless its value does not decode (e.bad: over the decode
// bounds, which the caller checked).
func addJSONValue(vals []jsonValue, e jsonValue) []jsonValue {
	for i := range vals {
		if vals[i].key != e.key {
			continue
		}
		if !e.bad {
			if v, ok := decodeValue(e.raw); ok {
				e.v, e.raw, e.done = v, nil, true
				vals[i] = e
			}
		}
		return vals
	}
	return append(vals, e)
}
