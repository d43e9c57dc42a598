package loader

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestDecodeFlatYAMLMatchesYAMLv2(t *testing.T) {
	flat := "title: \"Quoted \\\"x\\\" \\u00e9\"\nplain: some words here\nsingle: 'it''s'\nnum: 42\nf: 1.5\nb: true\nnull_v: ~\nempty:\nurl: https://a.example/x?y=1\n# comment\n\n"
	pairs, err := decodeFlatYAML(flat)
	if err != nil {
		t.Fatal(err)
	}
	fast := fmFields{pairs: pairs}.asMap()
	slow := map[string]any{}
	if err := unmarshalYAMLSlow([]byte(flat), slow); err != nil {
		t.Fatal(err)
	}
	if len(fast) != len(slow) {
		t.Fatalf("fast %v\nslow %v", fast, slow)
	}
	for k, v := range slow {
		if fast[k] != v {
			t.Errorf("%s: fast %#v, yaml.v2 %#v", k, fast[k], v)
		}
	}
	for _, notFlat := range []string{"a:\n  - x\n", "a: [1, 2]\n", "a: &x 1\n", "a: |\n  text\n", "a: yes\n",
		"- item\n", "a: b: c\n", "a: x # comment\n", "a: 1\na: 2\n", "a: \"unterminated\n", "a: 0x1F\n"} {
		if _, err := decodeFlatYAML(notFlat); err == nil {
			t.Errorf("decodeFlatYAML(%q) accepted", notFlat)
		}
	}
}

func unmarshalYAMLSlow(data []byte, m map[string]any) error {
	mp := &m
	return unmarshalYAMLFull(data, mp)
}

func TestDecodeFlatTOML(t *testing.T) {
	pairs, err := decodeFlatTOML("title = \"A \\\"q\\\"\"\nlit = 'raw\\n'\nn = 7\nok = true\nd = 2024-03-15\nts = 2024-03-15T10:00:00Z\ntags = [\"a\", \"b\" ] # c\n")
	if err != nil {
		t.Fatal(err)
	}
	m := fmFields{pairs: pairs}.asMap()
	if m["title"] != `A "q"` || m["lit"] != `raw\n` || m["n"] != int64(7) || m["ok"] != true {
		t.Errorf("scalars: %#v", m)
	}
	if d, ok := m["d"].(time.Time); !ok || d.Format(time.DateOnly) != "2024-03-15" {
		t.Errorf("date: %#v", m["d"])
	}
	if l, ok := m["tags"].([]any); !ok || len(l) != 2 || l[1] != "b" {
		t.Errorf("tags: %#v", m["tags"])
	}
	for _, notFlat := range []string{"[table]\n", "a = {x = 1}\n", "a = \"\"\"\nmulti\n\"\"\"\n", "a = [1, 2]\n", "\"quoted key\" = 1\n"} {
		if _, err := decodeFlatTOML(notFlat); err == nil {
			t.Errorf("decodeFlatTOML(%q) accepted", notFlat)
		}
	}
}

func TestSplitFrontmatterTraps(t *testing.T) {
	for _, c := range []struct {
		name, text string
		kind       fmKind
		title      any
		bodyStart  string
	}{
		{"yaml", "---\ntitle: A\n---\nbody", fmFound, "A", "body"},
		{"yaml after blank lines", "\n\n---\ntitle: A\n---\nbody", fmFound, "A", "body"},
		{"yaml nested (slow path)", "---\ntitle: A\ntags:\n  - x\n---\nbody", fmFound, "A", "body"},
		{"toml", "+++\ntitle = \"T\"\n+++\nbody", fmFound, "T", "body"},
		{"toml table (slow path)", "+++\ntitle = \"T\"\n[x]\ny = 1\n+++\nbody", fmFound, "T", "body"},
		{"json with blank line", "{\n\"title\": \"J\"\n}\n\nbody", fmFound, "J", "\nbody"},
		{"json without blank line", "{\n\"title\": \"J\"\n}\nbody", fmFound, "J", "body"},
		{"leading rule", "---\n\nJust prose.\n\n---\n\nMore.", fmNone, nil, "---"},
		{"unclosed", "---\ntitle: A\nno end", fmUnclosed, nil, "---"},
		{"unclosed but decodes", "---\ntitle: A\ncompany: B\n", fmUnclosed, "A", "---"},
		{"unclosed toml", "+++\ntitle = \"T\"\n", fmUnclosed, "T", "+++"},
		{"malformed", "---\ntitle: [oops\n---\nbody", fmMalformed, nil, "---"},
		{"no frontmatter", "# Title\n", fmNone, nil, "# Title"},
	} {
		fm, body, kind, err := splitFrontmatter(c.text)
		if kind != c.kind || (kind != fmUnclosed && (kind == fmMalformed) != (err != nil)) {
			t.Errorf("%s: kind %v err %v, want kind %v", c.name, kind, err, c.kind)
			continue
		}
		if c.title != nil && fm.value("title") != c.title {
			t.Errorf("%s: title %#v, want %#v", c.name, fm.value("title"), c.title)
		}
		if len(body) < len(c.bodyStart) || body[:len(c.bodyStart)] != c.bodyStart {
			t.Errorf("%s: body %q, want it to start with %q", c.name, body, c.bodyStart)
		}
	}
}

// TestTOMLNumberChecks holds the checks tomlValue makes before a parse to
// what the parse accepts.
func TestTOMLNumberChecks(t *testing.T) {
	for _, v := range []string{"0", "-1", "+7", "007", "1_000", "1.5", ".5", "5.", "1e3", "1E+3", "-1e-3", "1e", "e1", "+", "-",
		"inf", "+inf", "nan", "0x1F", "0x1p-2", "0o7", "0b1", "2024-03-15", "1-2", "1e+-2", "99999999999999999999", "1.5.5", "", " 1", "Infinity"} {
		_, errInt := strconv.ParseInt(v, 10, 64)
		if errInt == nil && !isDecimalInt(v) {
			t.Errorf("isDecimalInt(%q) false, and ParseInt accepts it", v)
		}
		_, errFloat := strconv.ParseFloat(v, 64)
		if errFloat == nil && !strings.ContainsAny(v, "xXoObBnN") && !mayBeDecimalFloat(v) {
			t.Errorf("mayBeDecimalFloat(%q) false, and ParseFloat accepts it", v)
		}
	}
}

func FuzzTOMLNumberChecks(f *testing.F) {
	f.Add("1e+3")
	f.Fuzz(func(t *testing.T, v string) {
		if _, err := strconv.ParseInt(v, 10, 64); err == nil && !isDecimalInt(v) {
			t.Errorf("isDecimalInt(%q) false, and ParseInt accepts it", v)
		}
		if _, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "xXoObBnN") && !mayBeDecimalFloat(v) {
			t.Errorf("mayBeDecimalFloat(%q) false, and ParseFloat accepts it", v)
		}
		for _, l := range []struct {
			layout string
			min    int
		}{{time.RFC3339Nano, 20}, {"2006-01-02T15:04:05", 19}, {"2006-01-02", 10}} {
			if _, err := time.Parse(l.layout, v); err == nil && len(v) < l.min {
				t.Errorf("time.Parse(%q, %q) accepts %d bytes", l.layout, v, len(v))
			}
		}
	})
}
