package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// FuzzHighlight checks that any text, marks and width give a line no wider
// than asked, with no control character but our styles' escapes.
func FuzzHighlight(f *testing.F) {
	f.Add("Zürich", 3, 5, 20)
	f.Add("a\x1b[31mb\u202e日本語\t", -1, 99, 3)
	f.Add("", 0, 0, 0)
	f.Add("emoji 🚀🚀🚀 wide", 7, 2, 5)
	st := NewStyles(true, false)
	f.Fuzz(func(t *testing.T, s string, m1, m2, width int) {
		width %= 200
		c := clean(s)
		out := highlight(c, []int{m1, m2}, width, st.Meta, st.Match)
		if w := ansi.StringWidth(out); w > max(width, 0) {
			t.Fatalf("highlight(%q, %d) is %d cells", c, width, w)
		}
		rest := allowedSeq.ReplaceAllString(out, "")
		for _, r := range rest {
			if unsafeRune(r) {
				t.Fatalf("control %U in %q", r, out)
			}
		}
		if plain := strings.TrimSuffix(ansi.Strip(out), "…"); !strings.HasPrefix(c, plain) {
			t.Fatalf("plain %q is not a prefix of %q", plain, c)
		}
	})
}
