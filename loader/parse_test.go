package loader

import (
	"reflect"
	"testing"
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
