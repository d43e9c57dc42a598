package model

import (
	"strings"
	"testing"
)

func TestMarkdownEscapes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"C++ *Lead*", `C++ \*Lead\*`},
		{"a_b [x](y) <b>", `a\_b \[x\](y) \<b\>`},
		{"line\nbreak", "line break"},
	} {
		if got := mdInline(c.in); got != c.want {
			t.Errorf("mdInline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := mdLink("https://x.example/a?b=1"); got != "<https://x.example/a?b=1>" {
		t.Errorf("mdLink = %q", got)
	}
	if got := mdLink("javascript:alert(1)"); strings.HasPrefix(got, "<") {
		t.Errorf("mdLink made a link of %q", got)
	}
	if got := mdCode("a`b"); got != "``a`b``" {
		t.Errorf("mdCode = %q", got)
	}
}
