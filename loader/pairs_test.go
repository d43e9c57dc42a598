package loader

import (
	"math/rand/v2"
	"testing"
)

// TestPairBlocksSameAsCandidate checks the vector filter place by place
// against pairFilter.candidate, and that every pair added is a candidate.
func TestPairBlocksSameAsCandidate(t *testing.T) {
	var f pairFilter
	pairs := []string{"om", "OM", "bo", "jo", "Jo", "At", ". ", "\nA", "! ", "\xff\x00"}
	for i, p := range pairs {
		f.add(p[0], p[1], i)
	}
	for _, p := range pairs {
		if !f.candidate(p[0], p[1]) {
			t.Errorf("%q is no candidate", p)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := "omMObjJAt. \n!\xff\x00xa"
	for range 3000 {
		b := make([]byte, r.IntN(120))
		for i := range b {
			if r.IntN(3) == 0 {
				b[i] = byte(r.IntN(256))
			} else {
				b[i] = alphabet[r.IntN(len(alphabet))]
			}
		}
		var masks [8]uint16
		n := pairBlocks(&f, string(b), masks[:])
		if n > 0 && n != min((len(b)-1)/16, len(masks)) {
			t.Fatalf("%d blocks of %d bytes", n, len(b))
		}
		for i := range n * 16 {
			got := masks[i/16]&(1<<(i%16)) != 0
			if want := f.candidate(b[i], b[i+1]); got != want {
				t.Fatalf("%q at %d: candidate %v, want %v", b, i, got, want)
			}
		}
	}
}
