package config

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// decoder collects the problems of one config file while its values are
// read. Every problem names a key; its line comes from lineOf.
type decoder struct {
	file  string
	md    *toml.MetaData // of the decode into rawFile: tracks what was read
	lines lineFinder
	home  string
	probs []Problem
}

// fail records a problem of kind at key.
func (d *decoder) fail(key toml.Key, kind error, format string, args ...any) {
	d.probs = append(d.probs, Problem{File: d.file, Line: d.lines.lineOf(key), Key: key.String(), Msg: fmt.Sprintf(format, args...), Kind: kind})
}

// value returns the TOML value behind p as plain Go values (string, int64,
// float64, bool, []any, map[string]any, ...).
func (d *decoder) value(p toml.Primitive) any {
	var v any
	if err := d.md.PrimitiveDecode(p, &v); err != nil {
		return nil
	}
	return v
}

// table returns the entries of the table at key, or false (and a problem)
// when the value is not a table. Reading the entries marks them as read.
func (d *decoder) table(p toml.Primitive, key toml.Key) (map[string]toml.Primitive, bool) {
	if v := d.value(p); !isTable(v) {
		d.fail(key, ErrType, "want a table, got %s", kindOf(v))
		return nil, false
	}
	var m map[string]toml.Primitive
	if err := d.md.PrimitiveDecode(p, &m); err != nil {
		d.fail(key, ErrType, "want a table: %v", err)
		return nil, false
	}
	return m, true
}

// str returns the string at key, or false (and a problem). An empty string
// is a bad value.
func (d *decoder) str(p toml.Primitive, key toml.Key) (string, bool) {
	s, ok := d.value(p).(string)
	if !ok {
		d.fail(key, ErrType, "want a string, got %s", kindOf(d.value(p)))
		return "", false
	}
	if strings.TrimSpace(s) == "" {
		d.fail(key, ErrValue, "is empty")
		return "", false
	}
	return s, true
}

// strs returns the list of strings at key; a lone string is a list of one.
// Any element that is not a non-empty string is a problem, and false.
func (d *decoder) strs(p toml.Primitive, key toml.Key) ([]string, bool) {
	switch v := d.value(p).(type) {
	case string:
		return d.strs1([]any{v}, key)
	case []any:
		return d.strs1(v, key)
	default:
		d.fail(key, ErrType, "want a list of strings, got %s", kindOf(v))
		return nil, false
	}
}

func (d *decoder) strs1(vs []any, key toml.Key) ([]string, bool) {
	out := make([]string, 0, len(vs))
	for i, e := range vs {
		s, ok := e.(string)
		if !ok {
			d.fail(key, ErrType, "item %d: want a string, got %s", i+1, kindOf(e))
			return nil, false
		}
		if strings.TrimSpace(s) == "" {
			d.fail(key, ErrValue, "item %d is empty", i+1)
			return nil, false
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		d.fail(key, ErrValue, "is an empty list")
		return nil, false
	}
	return out, true
}

// oneOf returns the string at key if it is one of names.
func (d *decoder) oneOf(p toml.Primitive, key toml.Key, names ...string) (string, bool) {
	s, ok := d.str(p, key)
	if !ok {
		return "", false
	}
	if !slices.Contains(names, s) {
		d.fail(key, ErrValue, "%q is not one of %s", s, strings.Join(names, ", "))
		return "", false
	}
	return s, true
}

// path returns the path at key with ~ expanded.
func (d *decoder) path(s string, key toml.Key) (string, bool) {
	p, err := expandHome(s, d.home)
	if err != nil {
		d.fail(key, ErrValue, "%s: %v", s, err)
		return "", false
	}
	return p, true
}

// unknown reports the keys of the file that no setting read, leaving out
// those under a key that already has a problem.
func (d *decoder) unknown() {
	bad := map[string]bool{}
	for _, p := range d.probs {
		bad[p.Key] = true
	}
	for _, k := range d.md.Undecoded() {
		if underAny(k, bad) {
			continue
		}
		bad[k.String()] = true
		parent := k[:len(k)-1]
		where := "the file's top level"
		if len(parent) > 0 {
			where = "[" + parent.String() + "]"
		}
		if s, ok := suggest(k[len(k)-1], knownKeys(parent)); ok {
			d.fail(k, ErrUnknownKey, "unknown key in %s; did you mean %s?", where, s)
			continue
		}
		d.fail(k, ErrUnknownKey, "unknown key in %s (see jobdeck config init for the keys)", where)
	}
}

// underAny reports whether k or one of its parents is in keys.
func underAny(k toml.Key, keys map[string]bool) bool {
	for i := len(k); i > 0; i-- {
		if keys[k[:i].String()] {
			return true
		}
	}
	return false
}

func isTable(v any) bool {
	_, ok := v.(map[string]any)
	return ok
}

// kindOf names the TOML type of v for a message.
func kindOf(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "a list of tables"
	case nil:
		return "nothing"
	}
	return "a date"
}

// lineFinder finds the line of any key of a file. The TOML library keeps
// key positions private but puts them in the [toml.ParseError] of a value
// that refuses to decode; lineFinder decodes a key's value into [lineProbe],
// which always refuses, and reads the position. It works on its own decode
// of the file, so what it reads does not count as read by the settings.
type lineFinder struct {
	md  toml.MetaData
	top map[string]toml.Primitive
}

// errProbe is lineProbe's refusal.
var errProbe = errors.New("line probe")

// lineProbe is a TOML value that never decodes.
type lineProbe struct{}

// UnmarshalTOML refuses every value.
func (lineProbe) UnmarshalTOML(any) error { return errProbe }

func newLineFinder(data string) lineFinder {
	var f lineFinder
	f.md, _ = toml.Decode(data, &f.top)
	return f
}

// lineOf returns the line key is defined on, or of its nearest parent
// whose line is known (an implicit table has none); 0 when none is.
func (f *lineFinder) lineOf(key toml.Key) int {
	line, m := 0, f.top
	for i, k := range key {
		p, ok := m[k]
		if !ok {
			break
		}
		var pe toml.ParseError
		if err := f.md.PrimitiveDecode(p, &lineProbe{}); errors.As(err, &pe) && pe.Position.Line > 0 {
			line = pe.Position.Line
		}
		if i == len(key)-1 {
			break
		}
		var sub map[string]toml.Primitive
		if f.md.PrimitiveDecode(p, &sub) != nil {
			break
		}
		m = sub
	}
	return line
}

// nilIfEmpty returns m, or nil when it has no entries, so that a table
// with nothing right in it leaves its setting at the default.
func nilIfEmpty[V any](m map[string]V) map[string]V {
	if len(m) == 0 {
		return nil
	}
	return m
}
