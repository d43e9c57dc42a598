package loader

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

func TestStripControls(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"clean text\twith tab\n", "clean text\twith tab\n"},
		{"\x1b[2J\x1b[1;31mred\x1b[0m", "red"},
		{"a\x1b]0;window title\x07b", "ab"},
		{"a\x1b]52;c;aGVsbG8=\x1b\\b", "ab"},
		{"a\x1bP+q544e\x1b\\b", "ab"},
		{"a\x1b_apc\x1b\\b \x1b^pm\x07c \x1bXsos\x1b\\d", "ab c d"},
		{"a\x1b(Bb\x1b7c\x1bcd", "abcd"},
		{"a\u009b31mb\u009d0;t\u009cc", "abc"},
		{"unterminated \x1b]0;title\nnext line", "unterminated \nnext line"},
		{"bell\a nul\x00 del\x7f bs\b", "bell nul del bs"},
		{"bidi \u202eevil\u202c \u2066iso\u2069 \u200emark\u200f \u061c", "bidi evil iso mark "},
		{"trailing esc \x1b", "trailing esc "},
		{"\x1b[", ""},
		{"bad utf8 \xff", "bad utf8 \uFFFD"},
	} {
		got, _ := stripControls(c.in)
		if got != c.want {
			t.Errorf("stripControls(%q) = %q, want %q", c.in, got, c.want)
		}
		if err := checkText(got, true); err != nil {
			t.Errorf("stripControls(%q): %v", c.in, err)
		}
	}
}

func TestNeedsStripAgreesWithStrip(t *testing.T) {
	for _, s := range []string{"", "abc", "é’🚀", "\x1b", "a\rb", "\u202e", "\u0085", "\u061c", "tab\tnl\n", "\u2069", "\u200f"} {
		got, changed := stripControls(s)
		if needsStrip(s) != changed || (changed == (got == s)) {
			t.Errorf("%q: needsStrip=%v, changed=%v, got %q", s, needsStrip(s), changed, got)
		}
	}
}

func TestCleanField(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"  Senior\n\tGo   Dev  ", "Senior Go Dev"},
		{"Acme\x1b[31m Corp\u202e", "Acme Corp"},
		{"no\u00a0break", "no break"},
		{"", ""},
	} {
		if got := cleanField(c.in); got != c.want {
			t.Errorf("cleanField(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCleanFieldDoesNotShareMemory(t *testing.T) {
	for _, s := range []string{"  plain title  ", "München – Süd", "tab\tsep"} {
		got := cleanField(s)
		if len(got) > 0 && len(s) > 0 && sharesMemory(got, s) {
			t.Errorf("cleanField(%q) shares memory with its input", s)
		}
	}
}

// FuzzCleanField checks cleanField, fast paths included, against its
// definition: controls stripped, then the words joined by single spaces.
func FuzzCleanField(f *testing.F) {
	for _, s := range []string{"EUR 60000–85000 per year", " a", "a ", "a  b", "a\u00a0b", "a\u2028b", "\xffx", "Zürich", "a\tb", "", " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		stripped, _ := stripControls(s)
		want := strings.Join(strings.FieldsFunc(stripped, unicode.IsSpace), " ")
		if got := cleanField(s); got != want {
			t.Errorf("cleanField(%q) = %q, want %q", s, got, want)
		}
	})
}

// isPlainFieldBytes is isPlainField a byte at a time, as the definition
// reads.
func isPlainFieldBytes(s string) bool {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || (c == ' ' && prev == ' ') {
			return false
		}
		prev = c
	}
	return prev != ' ' || s == ""
}

// TestIsPlainFieldWords checks isPlainField and isPlainFieldText, which
// read eight bytes at a time, against the byte-at-a-time definition:
// every string of up to 8 bytes over an alphabet of the bytes at its
// bounds (a space, controls, '~', DEL, a byte over 0x7F, a backslash), at
// every offset of a word, and random longer ones.
func TestIsPlainFieldWords(t *testing.T) {
	alphabet := []byte{' ', 'a', '~', 0x7F, 0x1F, 0x80, '\\', 0xFF, '\t', '!'}
	check := func(s string) {
		if got, want := isPlainField(s), isPlainFieldBytes(s); got != want {
			t.Fatalf("isPlainField(%q) = %v, want %v", s, got, want)
		}
		if got, want := isPlainFieldText([]byte(s)), isPlainFieldBytes(s) && !strings.Contains(s, "\\"); got != want {
			t.Fatalf("isPlainFieldText(%q) = %v, want %v", s, got, want)
		}
	}
	var gen func(prefix []byte, n int)
	gen = func(prefix []byte, n int) {
		if n == 0 {
			return
		}
		for _, c := range alphabet[:7] {
			b := append(prefix, c)
			check(string(b))
			gen(b, n-1)
		}
	}
	gen(nil, 8)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			if rng.IntN(8) == 0 {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			} else {
				b[i] = byte('a' + rng.IntN(26))
			}
		}
		check(string(b))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		check(string(b))
	}
}
