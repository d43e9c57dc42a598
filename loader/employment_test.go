package loader

import (
	"math/rand/v2"
	"testing"
)

// checkFoldType fails when foldTypeASCII takes s and folds it otherwise
// than typeKey.
func checkFoldType(t *testing.T, s string) {
	t.Helper()
	if k, ok := foldTypeASCII(s); ok && string(k.b[:k.n]) != typeKey(s) {
		t.Fatalf("foldTypeASCII(%q) = %q, want %q", s, k.b[:k.n], typeKey(s))
	}
}

func TestFoldTypeSameAsTypeKey(t *testing.T) {
	for _, s := range []string{"Full-time", " FULL_TIME ", "part  time", "contract\t", "-", "", "Inter-n_ship", "a\x1cb", "x\vy\fz\rw\n"} {
		checkFoldType(t, s)
		if _, ok := foldTypeASCII(s); !ok {
			t.Errorf("foldTypeASCII(%q) refused ASCII", s)
		}
	}
	if _, ok := foldTypeASCII("Teilzeit ü"); ok {
		t.Error("foldTypeASCII took non-ASCII")
	}
	r := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		b := make([]byte, r.IntN(80))
		for i := range b {
			b[i] = "aZ_- \t\x0b\x1cq"[r.IntN(9)]
		}
		checkFoldType(t, string(b))
	}
}

func FuzzFoldType(f *testing.F) {
	f.Add("Full-time")
	f.Fuzz(checkFoldType)
}
