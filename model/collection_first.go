package model

import (
	"math"
	"math/bits"
)

// numFirst is how many one-character patterns an entry keeps the score of:
// the letters a–z and digits 0–9, at their byteClass (0–35).
const numFirst = 36

// The values of entry.first besides a score.
const (
	// firstNone: no field has the character.
	firstNone = math.MinInt8
	// firstFar: the score is firstFar or less (the best field is over
	// ~140 bytes long): the scan computes it.
	firstFar = math.MinInt8 + 1
)

// fillFirst sets e.first from e's fields, which must have ends: for each
// letter and digit, what scan1 scores it over every field, in one pass over
// the key (for each field and character, the first match and the first with
// a bonus, see score1).
func (e *entry) fillFirst() {
	var best [numFirst]int8 // firstNone, below every score
	for k := range best {
		best[k] = firstNone
	}
	start := 0
	for f, end := range e.ends {
		fs, n := start, int(end)-start
		start = int(end) + 1
		kf, s, uni := e.fieldCase(f, fs, int(end))
		var seen, done uint64
		var lead [numFirst]int8 // lead1 of the match that counts so far
		for j := range n {
			k := byteClass[kf[j]]
			if k >= numFirst {
				continue
			}
			b := uint64(1) << k
			switch {
			case seen&b == 0:
				seen |= b
				if j == 0 {
					lead[k] = firstCharMatchBonus
					continue
				}
				lead[k] = int8(lead1(0, j))
			case done&b != 0:
				continue
			}
			if !mayBonus(s, j) {
				continue
			}
			if bb := bonus1(s, j, uni); bb != 0 {
				lead[k] = int8(lead1(bb, j))
				done |= b
			}
		}
		for m := seen; m != 0; m &= m - 1 {
			k := bits.TrailingZeros64(m)
			best[k] = max(best[k], int8(max(int(lead[k])+1-n, firstFar)))
		}
	}
	e.first = best
}
