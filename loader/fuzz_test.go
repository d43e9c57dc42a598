package loader

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jobdeck/jobdeck/model"
)

// FuzzParse checks Parse's contract on any input: no panic, and every
// field and the body valid UTF-8 without control characters (the body
// keeps \n and \t), ESC or bidi controls. Its seeds are the fixtures and
// the traps below, so they run in every `go test`.
func FuzzParse(f *testing.F) {
	_ = fs.WalkDir(os.DirFS("../testdata/loader"), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := fs.ReadFile(os.DirFS("../testdata/loader"), p); err == nil {
				f.Add(p, b)
			}
		}
		return nil
	})
	for _, s := range []string{
		"", "\xEF\xBB\xBF", "---", "---\n", "---\n---\n", "+++\n+++", "{\n}\n\n", "{\n\"title\": 1\n}\n",
		"---\ntitle: [1, {a: b}]\ncompany: {name: X}\n---\n",
		"---\ntitle: \"\\e[31mred\\u202e\"\n---\nbody",
		"{\n\"title\": \"\\u001b]52;c;eA==\\u0007x\"\n}\n\nbody",
		"+++\ntitle = \"a\\u0007\"\ntags = [\"\\u001b\"]\n+++\n",
		"\x1b[", "\x1b]", "\x1bP", "\xc2\x9b", "\xc2\x9d0;x", "â€", "‚Ä", "üöÄ", "\xf0\x9f", "\r\r\n\r",
		"• \n–\n·x\n# \n#\n1. \n", "Expirience:\n- a", strings.Repeat("a\n", 100),
		"---\ntimestamp: 99999999999999999999\ndate: -5\n---\n", "---\ndate: 1e400\n---\n",
		"---\nsalary:\n  currency: EUR\n  value: {minValue: 1, maxValue: 2}\n---\n",
	} {
		f.Add("fuzz.txt", []byte(s))
		f.Add("fuzz.md", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		p := Parse(name, data)
		if p == nil {
			t.Fatal("nil posting")
		}
		fields := []string{p.ID, p.Title, p.Company, p.Location, p.URL, p.ApplyURL, p.Salary, p.EmploymentType}
		fields = append(fields, p.Keywords...)
		fields = append(fields, p.Warnings()...)
		for _, s := range fields {
			fuzzCheck(t, s, false)
		}
		fuzzCheck(t, p.Body, true)
		for _, w := range p.Warnings() {
			if strings.HasPrefix(w, "parser error") {
				t.Fatalf("Parse panicked (recovered): %s", w)
			}
		}
		if p.Title == "" {
			t.Errorf("empty title for %q", data)
		}
		checkCaps(t, p)
		checkNoBorrow(t, name, data)
	})
}

// FuzzFrontmatter feeds the YAML, TOML and JSON frontmatter parsers
// through Parse, each input wrapped in each format's delimiters; its seeds
// are frontmatter over every bound (see overBound), generated, so they
// run in every `go test`. Parse must hold its contract on all of them.
func FuzzFrontmatter(f *testing.F) {
	for _, s := range overBound() {
		_, fm, _ := strings.Cut(s, "\n")
		fm, _, _ = strings.Cut(fm, "\n+++\n")
		fm, _, _ = strings.Cut(fm, "\n---\n")
		f.Add(fm)
	}
	for _, s := range []string{"title: x\ntags: [a, [b]]", "title = \"x\"\n[a.b]\nc = {d = [1]}", `"title": "x", "a": {"b": [1]}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, fm string) {
		for _, wrap := range []string{"---\n%s\n---\n\nbody\n", "+++\n%s\n+++\n\nbody\n", "{\n%s\n}\n\nbody\n", "---\n%s", "+++\n%s"} {
			data := []byte(fmt.Sprintf(wrap, fm))
			p := Parse("fm.md", data)
			for _, s := range append([]string{p.Title, p.Company, p.Location, p.URL, p.Salary, p.EmploymentType}, p.Keywords...) {
				fuzzCheck(t, s, false)
			}
			fuzzCheck(t, p.Body, true)
			if p.Title == "" || hasWarning(p.Warnings(), "parser error") {
				t.Fatalf("title %q, warnings %q for %q", p.Title, p.Warnings(), data)
			}
			checkCaps(t, p)
		}
	})
}

// checkCaps fails when a field of p is over its cap.
func checkCaps(t *testing.T, p *model.Posting) {
	t.Helper()
	for _, c := range []struct {
		name string
		s    string
		max  int
	}{
		{"title", p.Title, MaxTitle}, {"company", p.Company, MaxCompany}, {"location", p.Location, MaxLocation},
		{"salary", p.Salary, MaxSalary}, {"type", p.EmploymentType, MaxEmploymentType},
		{"url", p.URL, MaxURL}, {"apply url", p.ApplyURL, MaxURL},
	} {
		if n := utf8.RuneCountInString(c.s); n > c.max {
			t.Fatalf("%s has %d characters, cap %d", c.name, n, c.max)
		}
	}
	if len(p.Keywords) > MaxKeywords {
		t.Fatalf("%d keywords, cap %d", len(p.Keywords), MaxKeywords)
	}
	for _, k := range p.Keywords {
		if utf8.RuneCountInString(k) > MaxKeyword {
			t.Fatalf("keyword of %d characters, cap %d", utf8.RuneCountInString(k), MaxKeyword)
		}
	}
}

func fuzzCheck(t *testing.T, s string, body bool) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("invalid UTF-8: %q", s)
	}
	for _, r := range s {
		switch {
		case body && (r == '\n' || r == '\t'):
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
			t.Fatalf("control %U in %q", r, s)
		case isBidi(r):
			t.Fatalf("bidi control %U in %q", r, s)
		}
	}
}
