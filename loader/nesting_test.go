package loader

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestNestingScans(t *testing.T) {
	d, k := MaxFrontmatterDepth, MaxTOMLKeyPath
	open := func(s string, n int) string { return strings.Repeat(s, n) }
	for _, c := range []struct {
		name  string
		check func([]byte) error
		text  string
		deep  bool
	}{
		{"json at the bound", checkJSONDepth, open("[", d), false},
		{"json over", checkJSONDepth, open("[", d+1), true},
		{"json closed in between", checkJSONDepth, open("[]", 3*d), false},
		{"json strings", checkJSONDepth, `{"a": "` + open("[", 2*d) + `\"` + open("{", d) + `"}`, false},
		{"toml header at the bound", checkTOMLDepth, "[" + open("a.", k-1) + "a]", false},
		{"toml header over", checkTOMLDepth, "[" + open("a.", k) + "a]", true},
		{"toml quoted header parts", checkTOMLDepth, `["a.b.c.d.e.f.g.h.i"."x"]`, false},
		{"toml key at the bound", checkTOMLDepth, open("a.", k-1) + "a = 1", false},
		{"toml key over", checkTOMLDepth, open("a .", k) + "a = 1", true},
		{"toml floats are no key parts", checkTOMLDepth, "a = [" + open("1.5, ", 3*k) + "]", false},
		{"toml header plus key over", checkTOMLDepth, "[a.b.c.d]\ne.f.g.h.i = 1", true},
		{"toml header resets", checkTOMLDepth, "[a.b.c.d]\nx = 1\n[e]\nf.g.h.i.j.k.l = 1", false},
		{"toml arrays over", checkTOMLDepth, "a = " + open("[", k), true},
		{"toml multi-line array", checkTOMLDepth, "a = [\n" + open("[\n", k-2) + "1" + open("]\n", k-2) + "]", false},
		{"toml inline tables over", checkTOMLDepth, "a = " + open("{b = ", k), true},
		{"toml inline dotted keys over", checkTOMLDepth, "a = {b.c.d = {e.f.g = {h.i = 1}}}", true},
		{"toml strings and comments", checkTOMLDepth, "a = \"" + open("[", 2*k) + "\\\"\"\nb = '" + open("{", 2*k) + "'\n# " + open("[", 2*k) + "\nc = \"\"\"\n" + open("[", 2*k) + "\"\"\"\"\n", false},
		{"toml literal multi-line", checkTOMLDepth, "a = '''\n" + open("[", 2*k) + "\n'''\nb = " + open("[", k), true},
		{"yaml flow at the bound", checkYAMLDepth, "a: " + open("[", d-1), false},
		{"yaml flow over", checkYAMLDepth, "a: " + open("[", d), true},
		{"yaml flow across lines", checkYAMLDepth, "a: [\n" + open(" [\n", d), true},
		{"yaml block mappings", checkYAMLDepth, yamlBlocks(d + 1), true},
		{"yaml block mappings at the bound", checkYAMLDepth, yamlBlocks(d), false},
		{"yaml siblings", checkYAMLDepth, open("a: 1\n", 3*d) + open("- x\n", 3*d), false},
		{"yaml sequences on a line", checkYAMLDepth, "a:\n" + open("- ", d) + "x", true},
		{"yaml sequences at a key's column", checkYAMLDepth, "a:\n- b:\n  - c:\n    - d: 1\nz: 1", false},
		{"yaml plain scalar text", checkYAMLDepth, "a: C++ " + open("[", 2*d) + "\nb: x" + open("{", 2*d), false},
		{"yaml quoted", checkYAMLDepth, "a: '" + open("[", 2*d) + "''x'\nb: \"" + open("[", 2*d) + "\\\"\"", false},
		{"yaml quote across lines", checkYAMLDepth, "a: \"x\n  " + open("[", 2*d) + "\"\nb: 1", false},
		{"yaml quote in a plain scalar", checkYAMLDepth, "a: rock\n  'n roll\nb: " + open("[", d), true},
		{"yaml anchor before a quote", checkYAMLDepth, "a: &x '" + open("[", 2*d) + "'", false},
		{"yaml block scalar", checkYAMLDepth, "a: |\n  " + open("[", 2*d) + "\n  \"\nb: 1", false},
		{"yaml after a block scalar", checkYAMLDepth, "a: >-\n  text\nb: " + open("[", d), true},
		{"yaml comments", checkYAMLDepth, "# " + open("[", 2*d) + "\na: 1 # " + open("{", 2*d), false},
	} {
		err := c.check([]byte(c.text))
		if (err != nil) != c.deep || (err != nil && !errors.Is(err, ErrFrontmatterLimit)) {
			t.Errorf("%s: err %v, want refused %v", c.name, err, c.deep)
		}
	}
}

// yamlBlocks is n mappings nested by indentation.
func yamlBlocks(n int) string {
	var sb strings.Builder
	for i := range n {
		sb.WriteString(strings.Repeat("  ", i) + "k:\n")
	}
	return sb.String()
}

// FuzzNestingScans checks that the scans never count less than the
// parsers nest: whatever a scan accepts decodes (when it decodes) to a
// value no deeper than the bound. YAML aliases are left out: they nest
// what the scan sees apart, and the decoded value is checked again.
func FuzzNestingScans(f *testing.F) {
	for _, s := range []string{
		"a = [[1]]", "[a.b]\nc.d = {e = [1]}", "a = \"\"\"\n[[\n\"\"\"", "a: [[1]]", "a:\n- - x", "a: '[['\nb: [1]",
		`{"a": [{"b": "[["}]}`, "a: |\n  [[\nb: [[1]]", "a = '''[['''\nb = [[1]]", "a: \"x\n  [[\"\nb: [[1]]",
	} {
		f.Add(s)
	}
	for _, s := range overBound() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > MaxTOMLSize {
			return
		}
		b := []byte(s)
		var m map[string]any
		if checkTOMLDepth(b) == nil && toml.Unmarshal(b, &m) == nil {
			if n := valueDepth(m, 1<<20); n > MaxTOMLKeyPath {
				t.Errorf("TOML scan passed %q, which nests %d deep", s, n)
			}
		}
		var v any
		if checkJSONDepth(b) == nil && json.Unmarshal(b, &v) == nil {
			if n := valueDepth(v, 1<<20); n > MaxFrontmatterDepth {
				t.Errorf("JSON scan passed %q, which nests %d deep", s, n)
			}
		}
		m = map[string]any{}
		if !strings.Contains(s, "*") && checkYAMLDepth(b) == nil && unmarshalYAMLFull(b, &m) == nil {
			if n := valueDepth(m, 1<<20); n > MaxFrontmatterDepth {
				t.Errorf("YAML scan passed %q, which nests %d deep", s, n)
			}
		}
	})
}
