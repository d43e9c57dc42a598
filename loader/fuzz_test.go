package loader

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
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
		fields = append(fields, p.Warnings...)
		for _, s := range fields {
			fuzzCheck(t, s, false)
		}
		fuzzCheck(t, p.Body, true)
		for _, w := range p.Warnings {
			if strings.HasPrefix(w, "parser error") {
				t.Fatalf("Parse panicked (recovered): %s", w)
			}
		}
		if p.Title == "" {
			t.Errorf("empty title for %q", data)
		}
		checkNoBorrow(t, name, data)
	})
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
