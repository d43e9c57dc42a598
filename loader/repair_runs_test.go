package loader

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// repairRunsSeeds are texts for the check that repairing only where
// scanRuns points gives what repairing all of the text gives.
var repairRunsSeeds = []string{
	"We‚Äôre hiring, it‚Äôs üöÄ and CafÃ© – €50k–€90k", "\xEF\xBB\xBF\xEF\xBB\xBFÃ© at the start",
	"\xEF\xBB\xBFé", "é\u202e bidi \u0085 C1 ü", "clean ’ text 🚀 only", "cp1252 \xe9\x92 bytes",
	"crlf\r\nâ€™\r\n", "Mail \uf8ffüìß", "end run Ã", "Ã©", "\xed\xa0\x80 surrogate", "\xf4\x90\x80\x80",
	"plain", "", "日本語 テキスト", "\u200e", "x\u00a0\u00a0y",
}

// checkRepairRuns fails when scanRuns disagrees with utf8.Valid or when
// repairScanned with the span of scan differs from repairScanned over the
// whole text.
func checkRepairRuns(t *testing.T, data []byte) {
	t.Helper()
	info := scan(data)
	if info.valid != utf8.Valid(data) {
		t.Fatalf("scan(%q).valid = %v", data, info.valid)
	}
	var hm highMasks
	scanTextMasks(data, &hm)
	for i := range hm.n * 16 {
		if got, want := hm.w[i/64]&(1<<(i%64)) != 0, data[i] >= 0x80; got != want {
			t.Fatalf("%q: mask of byte %d says %v", data, i, got)
		}
	}
	if info.f.high {
		v, lo, hi := scanRuns(data, &hm)
		pv, plo, phi := scanRuns(data, nil)
		if v != pv || lo != plo || hi != phi {
			t.Fatalf("scanRuns(%q) with the vector masks = %v %d %d, without %v %d %d", data, v, lo, hi, pv, plo, phi)
		}
	}
	whole := info
	whole.lo, whole.hi = 0, len(data)
	for _, borrow := range []bool{false, true} {
		got, gw := repairScanned(data, info, borrow)
		want, ww := repairScanned(data, whole, borrow)
		if got != want || !reflect.DeepEqual(gw, ww) {
			t.Fatalf("repairScanned(%q, borrow %v) = %q %q, over the whole text %q %q", data, borrow, got, gw, want, ww)
		}
	}
}

func TestRepairOnlyWhereRunsAre(t *testing.T) {
	for _, s := range repairRunsSeeds {
		checkRepairRuns(t, []byte(s))
	}
	if _, lo, hi := scanRuns([]byte("a ’ b – c é"), nil); lo != hi {
		t.Errorf("single runes give the span %d..%d, want none", lo, hi)
	}
	if _, lo, hi := scanRuns([]byte("a ’ b –€ c é"), nil); lo != 8 || hi != 14 {
		t.Errorf("a run of two gives the span %d..%d, want 8..14", lo, hi)
	}
}

// TestRunsThroughMasks checks scanRuns through the vector scan's masks
// (see checkRepairRuns) on texts of several blocks, with runes across
// their edges, and one longer than the masks hold.
func TestRunsThroughMasks(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"a", "bc ", "\n", "é", "’", "🚀", "Ã©", "\u202e", "\xc2\x85", "\xff", "\xe2\x80", "\xf0\x9f"}
	for range 3000 {
		var b []byte
		for range r.IntN(60) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		checkRepairRuns(t, b)
	}
	long := []byte(strings.Repeat("plain ’ text ", highMaskBlocks*16/13+40) + "Ã© end")
	checkRepairRuns(t, long)
	if _, lo, hi := scanRuns(long, nil); hi-lo != len("Ã©") {
		t.Errorf("the run past the masks gives the span %d..%d", lo, hi)
	}
}

func FuzzRepairRuns(f *testing.F) {
	for _, s := range repairRunsSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(checkRepairRuns)
}

func TestDecodeRuneSameAsUTF8(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		b := make([]byte, 1+r.IntN(4))
		b[0] = byte(0x80 + r.IntN(0x80))
		for i := 1; i < len(b); i++ {
			b[i] = byte(r.IntN(256))
			if r.IntN(4) > 0 {
				b[i] = byte(0x80 + r.IntN(0x40))
			}
		}
		want, wn := utf8.DecodeRune(b)
		if want == utf8.RuneError && wn == 1 {
			wn = 0
		}
		got, n := decodeRune(b, 0)
		if n != wn || (n > 0 && got != want) {
			t.Fatalf("decodeRune(%x) = %U %d, want %U %d", b, got, n, want, wn)
		}
	}
}
