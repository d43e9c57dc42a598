package loader

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPlainTextIsNoBackslashAndValidUTF8 checks plainText against what it
// stands for on strings of up to 24 bytes with every byte value at every
// position, and with runes of each length, a backslash after them, at
// every position.
func TestPlainTextIsNoBackslashAndValidUTF8(t *testing.T) {
	want := func(in []byte) bool { return bytes.IndexByte(in, '\\') < 0 && utf8.Valid(in) }
	check := func(in []byte) {
		t.Helper()
		if got := plainText(in); got != want(in) {
			t.Fatalf("plainText(%q) = %v, want %v", in, got, !got)
		}
	}
	for n := range 25 {
		check(bytes.Repeat([]byte{'a'}, n))
		for pos := range n {
			for v := range 256 {
				in := bytes.Repeat([]byte{'a'}, n)
				in[pos] = byte(v)
				check(in)
			}
			for _, r := range []string{"é", "€", "𝄞", "é\\", "€a\\", "\xe2\x82", "𝄞" + strings.Repeat("b", 9) + "\\"} {
				in := []byte(strings.Repeat("a", pos) + r + strings.Repeat("a", n-pos))
				check(in)
			}
		}
	}
}
