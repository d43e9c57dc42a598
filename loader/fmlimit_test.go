package loader

import (
	"strconv"
	"strings"
	"testing"
)

// overBound returns postings whose frontmatter is over a bound, by name,
// each of a class the parsers once crashed or stalled on: deep arrays,
// inline tables and flow collections, long dotted keys and headers, deep
// YAML blocks, and frontmatter over the size caps. Each has the title
// "Deep" on a line of its own. They are generated, not stored.
func overBound() map[string]string {
	toml := func(fm string) string { return "+++\ntitle = \"Deep\"\n" + fm + "\n+++\n\nBody.\n" }
	yaml := func(fm string) string { return "---\ntitle: Deep\n" + fm + "\n---\n\nBody.\n" }
	json := func(fm string) string { return "{\n\"title\": \"Deep\",\n\"a\": " + fm + "\n}\n\nBody.\n" }
	nest := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "1" + strings.Repeat(close, n)
	}
	dots := func(n int) string { return strings.Repeat("a.", n-1) + "a" }
	d, t := MaxFrontmatterDepth+1, MaxTOMLKeyPath+1
	var blocks, tables strings.Builder
	for i := range d {
		blocks.WriteString(strings.Repeat("  ", i) + "k:\n")
	}
	for i := 0; tables.Len() <= MaxTOMLSize; i++ {
		tables.WriteString("[t" + strconv.Itoa(i) + "]\n")
	}
	return map[string]string{
		"toml 800k open brackets":    toml("a = " + strings.Repeat("[", 800_000)),
		"toml nested arrays":         toml("a = " + nest("[", "]", t)),
		"toml nested inline tables":  toml("a = " + nest("{a=", "}", t)),
		"toml arrays of tables":      toml("a = " + nest("[{a=", "}]", t/2+1)),
		"toml dotted key":            toml(dots(t) + " = 1"),
		"toml dotted key and arrays": toml(dots(t/2) + " = " + nest("[", "]", t/2+1)),
		"toml 80 KB dotted header":   toml("[" + dots(40_000) + "]"),
		"toml table header":          toml("[" + dots(t) + "]"),
		"toml array of tables":       toml("[[" + dots(t) + "]]"),
		"toml header and key":        toml("[" + dots(t/2) + "]\n" + dots(t/2+1) + " = 1"),
		"toml 300k-part key":         toml(dots(300_000) + " = 1"),
		"toml over the size cap":     toml(tables.String()),
		"yaml 800k open brackets":    yaml("a: " + strings.Repeat("[", 800_000)),
		"yaml flow sequences":        yaml("a: " + nest("[", "]", d)),
		"yaml flow mappings":         yaml("a: " + nest("{a: ", "}", d)),
		"yaml block mappings":        yaml(blocks.String()),
		"yaml block sequences":       yaml("a:\n" + strings.Repeat("- ", d) + "x"),
		"yaml over the size cap":     yaml("a:\n" + strings.Repeat("- xxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", MaxFrontmatterSize/32+1)),
		"json 800k open brackets":    json(strings.Repeat("[", 800_000)),
		"json arrays":                json(nest("[", "]", d)),
		"json objects":               json(nest(`{"a":`, "}", d)),
		"json over the size cap":     json(`"` + strings.Repeat("x", MaxFrontmatterSize) + `"`),
	}
}

func TestFrontmatterOverABoundLoadsAsRawText(t *testing.T) {
	for name, text := range overBound() {
		p := Parse("deep.md", []byte(text))
		if !hasWarning(p.Warnings(), WarnNotParsed) {
			t.Errorf("%s: warnings %q, want %q", name, p.Warnings(), WarnNotParsed)
		}
		if p.Title != "Deep" {
			t.Errorf("%s: title %.40q, want it from the title line", name, p.Title)
		}
		if !strings.HasPrefix(p.Body, "```") || !strings.Contains(p.Body, text[4:28]) || !strings.HasSuffix(p.Body, "Body.\n") {
			t.Errorf("%s: body %.80q…, want the raw frontmatter fenced, then the body", name, p.Body)
		}
	}
}

func TestFrontmatterAtTheBoundsParses(t *testing.T) {
	nest := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "1" + strings.Repeat(close, n)
	}
	d, k := MaxFrontmatterDepth, MaxTOMLKeyPath
	for name, text := range map[string]string{
		"toml arrays":        "+++\ntitle = \"Edge\"\na = " + nest("[", "]", k-1) + "\n+++\n",
		"toml inline tables": "+++\ntitle = \"Edge\"\na = " + nest("{a=", "}", k-1) + "\n+++\n",
		"toml dotted":        "+++\ntitle = \"Edge\"\n[" + strings.Repeat("a.", k/2-1) + "a]\n" + strings.Repeat("b.", k/2-1) + "b = 1\n+++\n",
		"toml strings":       "+++\ntitle = \"Edge\"\na = \"[[[[[[[[[[{{{{{{{{{{....\"\nb = '[[[[[[[[[[[['\nc = \"\"\"\n[[[[[[[[[[\n\"\"\"\n# [[[[[[[[[[[[\n+++\n",
		"yaml flow":          "---\ntitle: Edge\na: " + nest("[", "]", d-1) + "\n---\n",
		"yaml blocks":        "---\ntitle: Edge\na:\n" + strings.Repeat("- ", d-1) + "x\n---\n",
		"yaml text":          "---\ntitle: Edge\na: C++ [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nb: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\nc: |\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nd: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n---\n",
		"json":               "{\n\"title\": \"Edge\",\n\"a\": " + nest("[", "]", d-1) + ",\n\"b\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[\"\n}\n\n",
	} {
		p := Parse("edge.md", []byte(text))
		if p.Title != "Edge" || len(p.Warnings()) > 0 {
			t.Errorf("%s: title %q, warnings %q; want it parsed", name, p.Title, p.Warnings())
		}
	}
}

func hasWarning(warns []string, prefix string) bool {
	for _, w := range warns {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}
