package loader

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestPostingSlabPostingsAreDistinctAndZero(t *testing.T) {
	var s postingSlab
	seen := map[any]bool{}
	for i := range 3*postingBlock + 1 {
		p := s.posting()
		if seen[p] {
			t.Fatalf("posting %d given twice", i)
		}
		seen[p] = true
		if p.Title != "" || p.Path != "" || p.Keywords != nil {
			t.Fatalf("posting %d not zero: %+v", i, p)
		}
		p.Title = "taken"
	}
}

func TestPostingSlabStringsAreCopiesWithNoRoom(t *testing.T) {
	var s postingSlab
	if got := s.strings(nil); got != nil {
		t.Errorf("strings(nil) = %#v, want nil", got)
	}
	if got := s.strings([]string{}); got == nil || len(got) != 0 {
		t.Errorf("strings(empty) = %#v, want empty, not nil", got)
	}
	src := []string{"go", "rust"}
	a := s.strings(src)
	b := s.strings([]string{"c"})
	src[0] = "changed"
	if a[0] != "go" || a[1] != "rust" || cap(a) != 2 {
		t.Errorf("strings gave %q (cap %d), want a copy [go rust] of cap 2", a, cap(a))
	}
	_ = append(a, "zig")
	if b[0] != "c" {
		t.Errorf("appending to one copy changed the next: %q", b)
	}
	long := make([]string, 3*postingBlock)
	if got := s.strings(long); len(got) != len(long) {
		t.Errorf("a list longer than a block: %d strings, want %d", len(got), len(long))
	}
}

func TestPostingSlabHashIDIsHashID(t *testing.T) {
	var s postingSlab
	for _, in := range []string{"", "https://boards.greenhouse.io/acme/jobs/1", strings.Repeat("x", 300)} {
		if got, want := s.hashID("url:", in), hashID("url:", in); got != want {
			t.Errorf("hashID(%.20q) = %q, want %q", in, got, want)
		}
	}
}

func TestIndexQuoteIsIndexByte(t *testing.T) {
	for n := range 2*shortString + 3 {
		for q := -1; q < n; q++ {
			b := bytes.Repeat([]byte{'a'}, n)
			if q >= 0 {
				b[q] = '"'
			}
			for j := 0; j <= n; j++ {
				want := bytes.IndexByte(b[j:], '"')
				if want >= 0 {
					want += j
				}
				if got := indexQuote(b, j); got != want {
					t.Fatalf("len %d, quote at %d, from %d: %d, want %d", n, q, j, got, want)
				}
			}
		}
	}
}

func TestUnbufferedReadsOnFromThePeek(t *testing.T) {
	data := strings.Repeat("0123456789", 10_000)
	r := strings.NewReader(data)
	br := bufio.NewReaderSize(r, 4096)
	if _, err := br.Peek(100); err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(unbuffered(br, r))
	if err != nil || string(got) != data {
		t.Fatalf("read %d bytes (%v), want the %d of the file", len(got), err, len(data))
	}
}

// TestQuoteInIsAByteLoop checks quoteIn against a loop over the bytes,
// for each byte value at each place of words whose other bytes are ones
// that could fool it (zero, high bits, a borrow), with and without a
// second quote after.
func TestQuoteInIsAByteLoop(t *testing.T) {
	for _, fill := range []byte{0, 'a', 0x01, 0x21, 0x23, 0x5C, 0x7F, 0x80, 0xA2, 0xFB, 0xFF} {
		for p := range 8 {
			for v := range 256 {
				for _, second := range []int{-1, (p + 3) % 8} {
					var w [8]byte
					for i := range w {
						w[i] = fill
					}
					if second >= 0 {
						w[second] = '"'
					}
					w[p] = byte(v)
					want := bytes.IndexByte(w[:], '"')
					if want < 0 {
						want = 8
					}
					x := uint64(0)
					for i := 7; i >= 0; i-- {
						x = x<<8 | uint64(w[i])
					}
					if got := quoteIn(x); got != want {
						t.Fatalf("quoteIn(% x) = %d, want %d", w, got, want)
					}
				}
			}
		}
	}
}
