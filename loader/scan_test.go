package loader

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// naiveFlags is the byte-at-a-time reference for scanText.
func naiveFlags(b []byte) textFlags {
	var f textFlags
	f.add(b)
	return f
}

func TestScanTextMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte{'a', ' ', '\n', '\t', '\r', 0, 0x1b, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xc2, 0xff, 'Z'}
	for n := range 5000 {
		b := make([]byte, r.IntN(100))
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = alphabet[r.IntN(len(alphabet))]
			} else {
				b[i] = byte(r.IntN(256))
			}
			if n%2 == 0 && r.IntN(3) > 0 {
				b[i] = 'x'
			}
		}
		if got, want := scanText(b), naiveFlags(b); got != want {
			t.Fatalf("scanText(%q) = %+v, want %+v", b, got, want)
		}
	}
}

// TestScanTextOneByte puts each kind of byte at every place of clean text
// of every length up to 48, so that every lane of the vector scan and of
// the word scan, and the tail, is seen to flag it alone.
func TestScanTextOneByte(t *testing.T) {
	for n := 1; n <= 48; n++ {
		for i := range n {
			for c := range 256 {
				b := []byte(strings.Repeat("y", n))
				b[i] = byte(c)
				if got, want := scanText(b), naiveFlags(b); got != want {
					t.Fatalf("scanText(%q) = %+v, want %+v", b, got, want)
				}
			}
		}
	}
}

func TestNextHigh(t *testing.T) {
	for _, c := range []struct {
		s    string
		from int
		want int
	}{
		{"plain ascii text here", 0, 21},
		{"0123456789é", 0, 10},
		{"é", 0, 0},
		{"ab\xffcd", 3, 5},
	} {
		if got := nextHigh(c.s, c.from); got != c.want {
			t.Errorf("nextHigh(%q, %d) = %d, want %d", c.s, c.from, got, c.want)
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		b := []byte(strings.Repeat("x", r.IntN(100)))
		for range r.IntN(3) {
			if len(b) > 0 {
				b[r.IntN(len(b))] = 0x80
			}
		}
		from := r.IntN(len(b) + 1)
		want := len(b)
		for i := from; i < len(b); i++ {
			if b[i] >= 0x80 {
				want = i
				break
			}
		}
		if got := nextHigh(string(b), from); got != want {
			t.Fatalf("nextHigh(%q, %d) = %d, want %d", b, from, got, want)
		}
	}
}

// BenchmarkScanText is the first look at a file's bytes on a page of
// text lines (a newline every ~90 bytes).
func BenchmarkScanText(b *testing.B) {
	page := []byte(strings.Repeat("<p>We bake bread at night and sing to the dough while it rises. <b>Flour</b> everywhere.</p>\n", 1100))
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if f := scanText(page); f.ctl || f.high {
			b.Fatal(f)
		}
	}
}

func TestIndexDigitSameAsNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = "ab/09:\xb0\xb9\x80 "[r.IntN(10)]
			if r.IntN(3) == 0 {
				b[i] = byte(r.IntN(256))
			}
		}
		want := strings.IndexAny(string(b), "0123456789")
		if got := indexDigit(string(b)); got != want {
			t.Fatalf("indexDigit(%q) = %d, want %d", b, got, want)
		}
	}
}
