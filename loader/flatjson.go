package loader

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Bounds of decodeFlatJSON: deeper or larger frontmatter is left to
// encoding/json (behind the frontmatter bounds).
const (
	flatJSONDepth = 8   // containers open at once, the top-level object included
	flatJSONKeys  = 256 // keys of the top-level object
)

// decodeFlatJSON decodes s, one JSON object and white space around it,
// into its keys and values in file order, each value as encoding/json
// gives it to an any (map[string]any, []any, string, float64, bool, nil),
// without reflection. ok is false for anything it does not decode as
// encoding/json would — invalid JSON, a key given twice at the top level,
// a number out of float64's range, a \u escape of a surrogate, nesting
// over flatJSONDepth, more than flatJSONKeys keys, s over
// MaxFrontmatterSize — and the caller then decodes s with encoding/json.
// Strings without escapes are substrings of s.
func decodeFlatJSON(s string) (pairs []fmPair, ok bool) {
	if len(s) > MaxFrontmatterSize {
		return nil, false
	}
	d := flatJSON{s: s}
	d.space()
	if !d.eat('{') {
		return nil, false
	}
	var set pairSet
	set.pairs = make([]fmPair, 0, 12)
	d.space()
	if !d.eat('}') {
		for {
			k, ok := d.key()
			if !ok {
				return nil, false
			}
			v, ok := d.value(1)
			if !ok || len(set.pairs) >= flatJSONKeys || !set.add(k, v) {
				return nil, false
			}
			if d.eat('}') {
				break
			}
			if !d.eat(',') {
				return nil, false
			}
		}
	}
	d.space()
	return set.pairs, d.i == len(d.s)
}

// flatJSON is decodeFlatJSON's reader: the text and the place in it.
type flatJSON struct {
	s string
	i int
}

func (d *flatJSON) space() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// eat skips white space and c, reporting whether c was there; only the
// white space is skipped when it was not.
func (d *flatJSON) eat(c byte) bool {
	d.space()
	if d.i < len(d.s) && d.s[d.i] == c {
		d.i++
		return true
	}
	return false
}

// key reads an object's key and the colon after it.
func (d *flatJSON) key() (string, bool) {
	d.space()
	k, ok := d.str()
	return k, ok && d.eat(':')
}

// value reads a value; depth is how many containers are open around it.
func (d *flatJSON) value(depth int) (any, bool) {
	d.space()
	if d.i >= len(d.s) {
		return nil, false
	}
	switch c := d.s[d.i]; {
	case c == '"':
		return d.str()
	case c == '{':
		return d.object(depth + 1)
	case c == '[':
		return d.array(depth + 1)
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	}
	for _, l := range [...]struct {
		word string
		v    any
	}{{"true", true}, {"false", false}, {"null", nil}} {
		if strings.HasPrefix(d.s[d.i:], l.word) {
			d.i += len(l.word)
			return l.v, true
		}
	}
	return nil, false
}

func (d *flatJSON) object(depth int) (any, bool) {
	if depth > flatJSONDepth {
		return nil, false
	}
	d.i++ // '{'
	m := map[string]any{}
	if d.eat('}') {
		return m, true
	}
	for {
		k, ok := d.key()
		if !ok {
			return nil, false
		}
		v, ok := d.value(depth)
		if !ok {
			return nil, false
		}
		m[k] = v // a key given twice: the last value wins, as in encoding/json
		if d.eat('}') {
			return m, true
		}
		if !d.eat(',') {
			return nil, false
		}
	}
}

func (d *flatJSON) array(depth int) (any, bool) {
	if depth > flatJSONDepth {
		return nil, false
	}
	d.i++ // '['
	l := []any{}
	if d.eat(']') {
		return l, true
	}
	for {
		v, ok := d.value(depth)
		if !ok {
			return nil, false
		}
		l = append(l, v)
		if d.eat(']') {
			return l, true
		}
		if !d.eat(',') {
			return nil, false
		}
	}
}

// number reads a number of JSON's grammar as a float64.
func (d *flatJSON) number() (any, bool) {
	s, start := d.s, d.i
	i := start
	if s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = skipDigits(s, i)
	default:
		return nil, false
	}
	if i < len(s) && s[i] == '.' {
		if i++; i >= len(s) || s[i] < '0' || s[i] > '9' {
			return nil, false
		}
		i = skipDigits(s, i)
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		if i++; i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return nil, false
		}
		i = skipDigits(s, i)
	}
	f, err := strconv.ParseFloat(s[start:i], 64)
	if err != nil {
		return nil, false
	}
	d.i = i
	return f, true
}

func skipDigits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// str reads a string at d.i (its opening quote).
func (d *flatJSON) str() (string, bool) {
	s := d.s
	if d.i >= len(s) || s[d.i] != '"' {
		return "", false
	}
	start := d.i + 1
	high := false
	for i := start; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			if high && !utf8.ValidString(s[start:i]) {
				return "", false
			}
			d.i = i + 1
			return s[start:i], true
		case c == '\\':
			return d.escaped(start)
		case c < 0x20:
			return "", false
		case c >= 0x80:
			high = true
		}
	}
	return "", false
}

// escaped reads the string opened at start-1 that holds an escape.
func (d *flatJSON) escaped(start int) (string, bool) {
	s := d.s
	var b strings.Builder
	b.Grow(d.i - start + 16)
	last := start
	for i := start; i < len(s); {
		c := s[i]
		switch {
		case c == '"':
			b.WriteString(s[last:i])
			out := b.String()
			if !utf8.ValidString(out) {
				return "", false
			}
			d.i = i + 1
			return out, true
		case c < 0x20:
			return "", false
		case c != '\\':
			i++
			continue
		}
		b.WriteString(s[last:i])
		if i+1 >= len(s) {
			return "", false
		}
		switch e := s[i+1]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			if i+6 > len(s) {
				return "", false
			}
			r, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
			if err != nil || r >= 0xD800 && r < 0xE000 {
				return "", false
			}
			b.WriteRune(rune(r))
			i += 4
		default:
			return "", false
		}
		i += 2
		last = i
	}
	return "", false
}
