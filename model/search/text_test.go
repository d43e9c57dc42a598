package search_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jobdeck/jobdeck/model/search"
)

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"# Title\n\n**bold** and _it_", "# Title\n\n**bold** and _it_"},
		{"see [the docs](https://x.example/a_(b)) now", "see [the docs  now"},
		{"![logo](img/logo.png \"Logo\") text", "![logo  text"},
		{"[ref]: https://x.example/y\nnext", "\nnext"},
		{"   [ref]: <https://x.example>\n", "\n"},
		{"    [code]: not a ref\n", "    [code]: not a ref\n"},
		{"a<br>b <a href=\"u\">link</a> <!-- note --> <https://auto.example>", "a b  link     "},
		{"Tom &amp; Jerry &euro;5 &#x41;", "Tom & Jerry €5 A"},
		{"x < y and y > z", "x < y and y > z"},
		{"unclosed [a](b c", "unclosed [a](b c"},
		{"a ](", "a ]("},
		{"<unclosed tag", "<unclosed tag"},
		{"[a](" + strings.Repeat("x", 600) + ")", "[a](" + strings.Repeat("x", 600) + ")"},
	} {
		if got := search.PlainText(tc.in); got != tc.want {
			t.Errorf("PlainText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPlainTextLinear feeds lines built to make a naive scan quadratic.
func TestPlainTextLinear(t *testing.T) {
	for _, unit := range []string{"](", "<a", "](((", "[x](y ", "<a<b"} {
		line := strings.Repeat(unit, (1<<20)/len(unit)) + ")>"
		start := time.Now()
		search.PlainText(line)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("PlainText of a 1 MiB line of %q took %v", unit, d)
		}
	}
}

func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"[a](b)", "<x>", "&amp;", "[r]: u\n", "](", "<", "日本 [語](x)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := search.PlainText(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Errorf("PlainText(%q) made invalid UTF-8 %q", s, out)
		}
		if len(out) > len(s)+strings.Count(s, "\n")+1 && !strings.Contains(s, "&") {
			t.Errorf("PlainText(%q) grew to %q", s, out)
		}
	})
}
