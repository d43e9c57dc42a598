package loader

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v2"
)

// errNotFlat tells the fast YAML decoder to hand over to the real parser.
var errNotFlat = errors.New("not flat yaml")

// fmKind is the kind of frontmatter a file opened with.
type fmKind int

const (
	fmNone fmKind = iota
	fmFound
	fmMalformed
	fmUnclosed // opened and never closed (a file cut at the size cap, say)
)

// The decoders of the three frontmatter languages, each behind the size
// and depth bounds (see bounded).
var (
	decodeTOML = bounded(MaxTOMLSize, checkTOMLDepth, toml.Unmarshal)
	decodeJSON = bounded(MaxFrontmatterSize, checkJSONDepth, json.Unmarshal)
	decodeYAML = bounded(MaxFrontmatterSize, checkYAMLDepth, unmarshalYAMLFull)
)

// formats are the frontmatter formats jobdeck reads, as adrg/frontmatter's
// defaults but with a fast decoder for flat YAML and the bounded decoders.
var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", unmarshalYAML),
	frontmatter.NewFormat("---yaml", "---", unmarshalYAML),
	frontmatter.NewFormat("+++", "+++", decodeTOML),
	frontmatter.NewFormat("---toml", "---", decodeTOML),
	frontmatter.NewFormat(";;;", ";;;", decodeJSON),
	frontmatter.NewFormat("---json", "---", decodeJSON),
	{Start: "{", End: "}", Unmarshal: decodeJSON, UnmarshalDelims: true, RequiresNewLine: true},
}

// decoderFor returns the decoder of the frontmatter a file opening with
// the line first holds, or nil when that line opens no frontmatter.
func decoderFor(first string) func([]byte, any) error {
	switch first {
	case "---", "---yaml":
		return unmarshalYAML
	case "+++", "---toml":
		return decodeTOML
	case ";;;", "---json", "{":
		return decodeJSON
	}
	return nil
}

// splitFrontmatter separates frontmatter from the body of text (already
// repaired: no BOM, LF newlines). It returns the decoded fields, the body,
// and whether frontmatter was found, absent, malformed or unclosed.
// Malformed frontmatter gives the whole text as body and err set; so does
// unclosed frontmatter, with the fields decoded from what there is of it
// (err set when that does not decode either).
func splitFrontmatter(text string) (fmFields, string, fmKind, error) {
	first, rest := firstLine(text)
	decode := decoderFor(first)
	if decode == nil {
		return fmFields{}, text, fmNone, nil
	}
	if first == "---" && !looksLikeYAML(rest) {
		// A leading horizontal rule, not frontmatter.
		return fmFields{}, text, fmNone, nil
	}
	if fm, body, ok := fastFrontmatter(text); ok {
		return fm, body, fmFound, nil
	}
	m := map[string]any{}
	body, err := frontmatter.Parse(strings.NewReader(text), &m, formats...)
	if err != nil {
		return fmFields{}, text, fmMalformed, err
	}
	if len(body) < len(text) {
		return fmFields{m: m}, string(body), fmFound, nil
	}
	if first == "{" {
		// JSON frontmatter whose "}" is not followed by a blank line.
		if fm, body, ok := jsonPrefix(text); ok {
			return fm, body, fmFound, nil
		}
	}
	block, _, closed := splitBlock(text)
	if closed {
		return fmFields{}, text, fmNone, nil
	}
	m = map[string]any{}
	return fmFields{m: m}, text, fmUnclosed, decode([]byte(block), &m)
}

// firstLine returns the first non-blank line of s, trimmed, and what
// follows it.
func firstLine(s string) (string, string) {
	for s != "" {
		line, rest, _ := strings.Cut(s, "\n")
		if t := strings.TrimSpace(line); t != "" {
			return t, rest
		}
		s = rest
	}
	return "", ""
}

// looksLikeYAML reports whether the text after an opening "---" starts
// like a YAML mapping ("key:" or a closing "---") rather than prose under
// a horizontal rule.
func looksLikeYAML(rest string) bool {
	line, _ := firstLine(rest)
	if line == "---" || strings.HasPrefix(line, "#") {
		return true
	}
	k, _, ok := strings.Cut(line, ":")
	if !ok || k == "" {
		return false
	}
	k = strings.Trim(k, `"'`)
	for _, r := range k {
		if !(r == '_' || r == '-' || r == ' ' || r == '.' || r == '@' || r == '$' ||
			r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// jsonPrefix decodes a JSON object that ends at the first line holding
// only "}": flat JSON by hand (see decodeFlatJSON), else with
// encoding/json.
func jsonPrefix(text string) (fmFields, string, bool) {
	off := 0
	for off < len(text) {
		line, _, _ := strings.Cut(text[off:], "\n")
		end := off + len(line)
		if strings.TrimSpace(line) == "}" {
			var fm fmFields
			if pairs, ok := decodeFlatJSON(text[:end]); ok {
				fm.pairs = pairs
			} else {
				fm.m = map[string]any{}
				if err := decodeJSON([]byte(text[:end]), &fm.m); err != nil {
					return fmFields{}, "", false
				}
			}
			if end < len(text) {
				end++
			}
			return fm, text[end:], true
		}
		off = end + 1
	}
	return fmFields{}, "", false
}

// unmarshalYAML decodes flat "key: value" YAML by hand, fast, and falls
// back to gopkg.in/yaml.v2 for anything it does not fully understand.
func unmarshalYAML(data []byte, v any) error {
	if mp, ok := v.(*map[string]any); ok {
		if pairs, err := decodeFlatYAML(string(data)); err == nil {
			for _, p := range pairs {
				(*mp)[p.k] = p.v
			}
			return nil
		}
	}
	return decodeYAML(data, v)
}

// unmarshalYAMLFull decodes YAML with gopkg.in/yaml.v2 into v; into a
// *map[string]any with the keys rendered as strings.
func unmarshalYAMLFull(data []byte, v any) error {
	mp, ok := v.(*map[string]any)
	if !ok {
		return yaml.Unmarshal(data, v)
	}
	var raw map[any]any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return err
	}
	for k, val := range raw {
		if ks, ok := k.(string); ok {
			(*mp)[ks] = val
		} else {
			(*mp)[scalarText(k)] = val
		}
	}
	return nil
}

// decodeFlatYAML decodes lines of `key: scalar` (plain, "double" or
// 'single' quoted), blank lines and comments into their keys and values,
// in file order. Anything else — nesting, lists, anchors, block scalars,
// unusual escapes, a key given twice — returns errNotFlat.
func decodeFlatYAML(s string) ([]fmPair, error) {
	set := pairSet{pairs: make([]fmPair, 0, 12)}
	for s != "" {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		t := strings.TrimRight(line, " \t")
		if t == "" || t[0] == '#' {
			continue
		}
		if t[0] == ' ' || t[0] == '\t' || t[0] == '-' || t[0] == '"' || t[0] == '\'' || t[0] == '?' || t[0] == '[' || t[0] == '{' {
			return nil, errNotFlat
		}
		i := strings.Index(t, ":")
		if i <= 0 || (i+1 < len(t) && t[i+1] != ' ' && t[i+1] != '\t') {
			return nil, errNotFlat
		}
		key := t[:i]
		if hasByteOf(key, &yamlKeyStops) {
			return nil, errNotFlat
		}
		val, err := flatScalar(strings.TrimSpace(t[i+1:]))
		if err != nil {
			return nil, err
		}
		if !set.add(key, val) {
			return nil, errNotFlat
		}
	}
	return set.pairs, nil
}

// yamlKeyStops are the bytes a flat YAML key must not hold.
var yamlKeyStops = byteSet("#&*!|>%@`{}[],")

// byteSet returns the set of the bytes of s.
func byteSet(s string) (set [256]bool) {
	for i := 0; i < len(s); i++ {
		set[s[i]] = true
	}
	return set
}

// hasByteOf reports whether s holds a byte of set.
func hasByteOf(s string, set *[256]bool) bool {
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return true
		}
	}
	return false
}

// flatScalar decodes one YAML scalar the way yaml.v2 would for the cases
// it accepts: quoted strings, null, true/false, integers, floats and
// plain strings.
func flatScalar(v string) (any, error) {
	if v == "" {
		return nil, nil
	}
	switch v[0] {
	case '"':
		if len(v) < 2 || v[len(v)-1] != '"' {
			return nil, errNotFlat
		}
		inner := v[1 : len(v)-1]
		if !strings.ContainsAny(inner, `"\`) {
			return inner, nil
		}
		s, err := strconv.Unquote(v)
		if err != nil || strings.Contains(inner, `\x`) || strings.Contains(inner, `\U`) {
			return nil, errNotFlat
		}
		return s, nil
	case '\'':
		if len(v) < 2 || v[len(v)-1] != '\'' {
			return nil, errNotFlat
		}
		inner := v[1 : len(v)-1]
		if strings.Contains(strings.ReplaceAll(inner, "''", ""), "'") {
			return nil, errNotFlat
		}
		return strings.ReplaceAll(inner, "''", "'"), nil
	case '[', '{', '&', '*', '!', '|', '>', '%', '@', '`', '#':
		return nil, errNotFlat
	}
	if strings.Contains(v, " #") || strings.Contains(v, ": ") || strings.HasSuffix(v, ":") {
		return nil, errNotFlat
	}
	switch v {
	case "~", "null", "Null", "NULL":
		return nil, nil
	case "true", "True", "TRUE":
		return true, nil
	case "false", "False", "FALSE":
		return false, nil
	case "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N":
		return nil, errNotFlat // YAML 1.1 booleans: let yaml.v2 decide
	}
	if c := v[0]; c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9') {
		if n, err := strconv.Atoi(v); err == nil {
			return n, nil
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "_xXoObB") {
			return f, nil
		}
		return nil, errNotFlat
	}
	return v, nil
}

// scanKeyValues reports "Key: value" lines (and bullets holding them)
// among the first maxLines non-blank lines of text to set; it is the
// lenient reader for plain text and for malformed frontmatter.
// al holds the user's aliases (nil: the built-in ones only).
func scanKeyValues(text string, maxLines int, al *aliasSet, set func(f field, v string)) {
	n := 0
	for text != "" && n < maxLines {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		t := strings.TrimSpace(line)
		if t == "" || t == "---" || t == "+++" {
			continue
		}
		n++
		t = strings.TrimSpace(stripBullet(t))
		k, v, ok := strings.Cut(t, ":")
		if !ok || len(k) > 32 || strings.HasPrefix(v, "//") {
			continue
		}
		key := strings.TrimSpace(strings.Trim(k, `"'*`))
		n, f, _ := fieldOf(key, al)
		v = strings.TrimSpace(strings.Trim(strings.TrimSpace(v), `"',[]{}`))
		if f == fNone || v == "" || !plausibleLine(f, n, v) {
			continue
		}
		set(f, v)
	}
}

// plausibleLine filters "Key: value" lines of free text: a title only
// from "Title:" or "Job title:" (a "Role:" line is usually prose), and
// short values only for the one-line fields.
func plausibleLine(f field, key, v string) bool {
	switch f {
	case fTitle:
		return (key == "title" || key == "jobtitle") && len(v) <= 150
	case fCompany, fLocation, fType, fSalary:
		return len(v) <= 150
	}
	return true
}

// scanTOMLKeyValues reports the top-level `key = value` lines among the
// first maxLines non-blank lines of text to set, keys read with the
// user's aliases al: the lenient reader for TOML that did not decode.
func scanTOMLKeyValues(text string, maxLines int, al *aliasSet, set func(f field, v string)) {
	for n := 0; text != "" && n < maxLines; {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		n++
		k, v, ok := strings.Cut(t, "=")
		k = strings.TrimSpace(k)
		if !ok || !isBareKey(k) {
			continue
		}
		f, _ := al.lookup(k)
		if f == fNone {
			continue
		}
		if val, err := tomlValue(strings.TrimSpace(v)); err == nil && !isEmptyValue(val) {
			set(f, scalarText(val))
		}
	}
}
