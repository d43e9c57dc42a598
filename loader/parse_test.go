package loader

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseMetadataSameWithoutBody(t *testing.T) {
	for _, c := range []struct{ name, data string }{
		{"a.txt", "Role\n\nCompany: X\n\n• item\n"},
		{"b.md", "---\ntitle: T\ntags: [a, b]\n---\n# H\n"},
		{"c.md", "{\n\"title\": \"J\"\n}\nbody"},
		{"d.txt", "Requirements\n- x\n"},
	} {
		full := Parse(c.name, []byte(c.data))
		meta := parse(c.name, []byte(c.data), false)
		if full.Body == "" {
			t.Errorf("%s: no body", c.name)
		}
		full.Body = ""
		if !reflect.DeepEqual(full, meta) {
			t.Errorf("%s: metadata differs:\nfull %+v\nmeta %+v", c.name, full, meta)
		}
	}
}

func TestParseTitleFallbacks(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"x.md", "---\ncompany: C\n---\n\n# From Body\n", "From Body"},
		{"senior-go-dev_2.txt", "- just a list\n", "Senior Go Dev 2"},
		{"notes.md", "Plain first line in markdown\n\ntext", "Plain first line in markdown"},
		{"y.txt", "# Markdown In Txt\n\n* item\n", "Markdown In Txt"},
		{"z.md", "---\ntitle: \"\"\n---\nAbout us\n", "Z"},
	} {
		if got := Parse(c.name, []byte(c.data)).Title; got != c.want {
			t.Errorf("Parse(%s).Title = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestFrontmatterCutByTheSizeCap(t *testing.T) {
	many := func(line string) string { return strings.Repeat(line, 4000) }
	fsys := fstest.MapFS{
		"yaml.md":        {Data: []byte("---\ntitle: Cut Off\ncompany: Acme\nnotes:\n" + many("  - a long note line\n") + "---\n\nBody.\n")},
		"yaml-quoted.md": {Data: []byte("---\ntitle: Cut Off\ncompany: Acme\nnotes: \"" + many("a long quoted line\n\n") + "\"\n---\n\nBody.\n")},
		"toml.md":        {Data: []byte("+++\ntitle = \"Cut Off\"\ncompany = \"Acme\"\nnotes = [\n" + many("  \"a long note line\",\n") + "]\n+++\n\nBody.\n")},
		"json.md":        {Data: []byte("{\n\"title\": \"Cut Off\",\n\"company\": \"Acme\",\n\"notes\": [\n" + many("\"a long note line\",\n") + "\"\"]\n}\n\nBody.\n")},
	}
	ps, _, err := Load(context.Background(), []Source{{FS: fsys, Root: ".", Name: "in"}}, Options{MaxBody: 16 << 10, KeepBodies: true})
	if err != nil || len(ps) != len(fsys) {
		t.Fatalf("%d postings, %v", len(ps), err)
	}
	for _, p := range ps {
		if p.Title != "Cut Off" || p.Company != "Acme" {
			t.Errorf("%s: title %q, company %q; want them from the part read", p.Path, p.Title, p.Company)
		}
		if !hasWarning(p.Warnings(), WarnUnclosed) || !hasWarning(p.Warnings(), WarnCut) {
			t.Errorf("%s: warnings %q, want %q and %q", p.Path, p.Warnings(), WarnUnclosed, WarnCut)
		}
		if !strings.Contains(p.Body, "a long") {
			t.Errorf("%s: body %.60q… lost the text read", p.Path, p.Body)
		}
	}
}

func TestARuleIsNeverATitle(t *testing.T) {
	for _, text := range []string{"---\nNote: see below\n\nplain text", "***\n\nSenior Dev\n", "+++\n"} {
		if got := Parse("rule.txt", []byte(text)).Title; strings.Trim(got, "-*+ ") == "" {
			t.Errorf("title of %q = %q", text, got)
		}
	}
}

func TestUnclosedOpenerThatIsNoFrontmatter(t *testing.T) {
	p := Parse("snippet.txt", []byte("{\nnot json at all\n• first point\n"))
	if p.Title == "{" || !strings.Contains(p.Body, "- first point") || !hasWarning(p.Warnings(), WarnUnclosed) {
		t.Errorf("title %q, body %q, warnings %q: want plain text read as plain text", p.Title, p.Body, p.Warnings())
	}
}
