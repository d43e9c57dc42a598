package loader

import (
	"strconv"
	"strings"
	"time"
)

// fastFrontmatter handles the common case without adrg/frontmatter's
// buffered copy: text opening with a "---" or "+++" line, closed by the
// same line, and holding flat YAML or flat TOML; or a JSON object whose
// first line is "{" and that ends at the first line "}". ok is false for anything
// else, and the caller falls back to adrg/frontmatter with the full
// decoders.
func fastFrontmatter(text string) (fm fmFields, body string, ok bool) {
	var delim string
	var decode func(string) ([]fmPair, error)
	switch {
	case strings.HasPrefix(text, "{\n"):
		return jsonPrefix(text)
	case strings.HasPrefix(text, "---\n"):
		delim, decode = "---", decodeFlatYAML
	case strings.HasPrefix(text, "+++\n"):
		delim, decode = "+++", decodeFlatTOML
	default:
		return fmFields{}, "", false
	}
	rest := text[4:]
	end, after := -1, 0
	for off := 0; off < len(rest); {
		nl := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if strings.TrimRight(line, " \t") == delim {
			end, after = off, off+len(line)
			if nl >= 0 {
				after++
			}
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return fmFields{}, "", false
	}
	pairs, err := decode(rest[:end])
	if err != nil {
		return fmFields{}, "", false
	}
	return fmFields{pairs: pairs}, rest[after:], true
}

// decodeFlatTOML decodes top-level `key = value` lines whose values are
// strings, integers, floats, booleans, dates or one-line arrays of
// strings into their keys and values, in file order. Anything else
// (tables, inline tables, multi-line values, a key given twice) returns
// errNotFlat.
func decodeFlatTOML(s string) ([]fmPair, error) {
	set := pairSet{pairs: make([]fmPair, 0, 12)}
	for s != "" {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		t := strings.TrimSpace(line)
		if t == "" || t[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(t, "=")
		if !ok {
			return nil, errNotFlat
		}
		k = strings.TrimSpace(k)
		if k == "" || !isBareKey(k) {
			return nil, errNotFlat
		}
		val, err := tomlValue(strings.TrimSpace(v))
		if err != nil {
			return nil, err
		}
		if !set.add(k, val) {
			return nil, errNotFlat
		}
	}
	return set.pairs, nil
}

func isBareKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func tomlValue(v string) (any, error) {
	if v == "" {
		return nil, errNotFlat
	}
	switch v[0] {
	case '"':
		if strings.HasPrefix(v, `"""`) {
			return nil, errNotFlat
		}
		s, rest, err := tomlBasic(v)
		if err != nil || strings.TrimSpace(rest) != "" && !strings.HasPrefix(strings.TrimSpace(rest), "#") {
			return nil, errNotFlat
		}
		return s, nil
	case '\'':
		if strings.HasPrefix(v, "'''") {
			return nil, errNotFlat
		}
		end := strings.IndexByte(v[1:], '\'')
		if end < 0 {
			return nil, errNotFlat
		}
		return v[1 : 1+end], nil
	case '[':
		return tomlStringArray(v)
	case '{':
		return nil, errNotFlat
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	switch v {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	// Each parse is tried only on what it may accept: a failed parse
	// costs an error's allocation.
	if isDecimalInt(v) {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return n, nil
		}
	}
	if mayBeDecimalFloat(v) {
		if f, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "xXoObBnN") {
			return f, nil
		}
	}
	for _, l := range [...]struct {
		layout string
		min    int // the shortest text the layout accepts
	}{{time.RFC3339Nano, len("2006-01-02T15:04:05Z")}, {"2006-01-02T15:04:05", len("2006-01-02T15:04:05")}, {"2006-01-02", len("2006-01-02")}} {
		if len(v) < l.min {
			continue
		}
		if t, err := time.Parse(l.layout, v); err == nil {
			return t, nil
		}
	}
	return nil, errNotFlat
}

// isDecimalInt reports digits after an optional sign: all that
// strconv.ParseInt(v, 10, 64) accepts.
func isDecimalInt(v string) bool {
	if v != "" && (v[0] == '+' || v[0] == '-') {
		v = v[1:]
	}
	return v != "" && skipDigits(v, 0) == len(v)
}

// mayBeDecimalFloat reports text of digits, '.', '_', an exponent, and
// signs only at the start and after the exponent's letter: all that
// strconv.ParseFloat accepts without a base prefix, an infinity or a NaN.
func mayBeDecimalFloat(v string) bool {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9' || c == '.' || c == '_' || c == 'e' || c == 'E':
		case c == '+' || c == '-':
			if i > 0 && v[i-1] != 'e' && v[i-1] != 'E' {
				return false
			}
		default:
			return false
		}
	}
	return v != ""
}

// tomlBasic reads a "basic string" at the start of v and returns it and
// what follows.
func tomlBasic(v string) (string, string, error) {
	for i := 1; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
			inner := v[1:i]
			if !strings.Contains(inner, `\`) {
				return inner, v[i+1:], nil
			}
			if strings.Contains(inner, `\U`) || strings.Contains(inner, `\x`) || strings.Contains(inner, `\'`) {
				return "", "", errNotFlat
			}
			s, err := strconv.Unquote(v[:i+1])
			if err != nil {
				return "", "", errNotFlat
			}
			return s, v[i+1:], nil
		}
	}
	return "", "", errNotFlat
}

// tomlStringArray reads a one-line array of basic strings.
func tomlStringArray(v string) (any, error) {
	rest := strings.TrimSpace(v[1:])
	out := []any{}
	for {
		if strings.HasPrefix(rest, "]") {
			if tail := strings.TrimSpace(rest[1:]); tail != "" && tail[0] != '#' {
				return nil, errNotFlat
			}
			return out, nil
		}
		if !strings.HasPrefix(rest, `"`) {
			return nil, errNotFlat
		}
		s, after, err := tomlBasic(rest)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
		rest = strings.TrimSpace(after)
		if strings.HasPrefix(rest, ",") {
			rest = strings.TrimSpace(rest[1:])
		} else if !strings.HasPrefix(rest, "]") {
			return nil, errNotFlat
		}
	}
}
