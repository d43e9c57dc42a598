package loader

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// textFlags summarizes a byte scan of a file: whether it has bytes >= 0x80,
// control bytes other than \n and \t (or DEL), and carriage returns.
type textFlags struct{ high, ctl, cr bool }

const (
	swarLo = 0x0101010101010101
	swarHi = 0x8080808080808080
)

// scanText scans b with exact per-byte masks, so newlines and tabs cost
// no more than letters: sixteen bytes at a time where the processor has
// vectors (see scanBlocks), then eight at a time.
func scanText(b []byte) textFlags { return scanTextMasks(b, nil) }

// scanTextMasks is scanText that also keeps in hm, when it is not nil,
// where the vector scan saw bytes >= 0x80 (see highMasks).
func scanTextMasks(b []byte, hm *highMasks) textFlags {
	v, i := scanBlocks(b, hm)
	f := scanWords(b[i:])
	return textFlags{high: v.high || f.high, ctl: v.ctl || f.ctl, cr: v.cr || f.cr}
}

// scanWords is scanText eight bytes at a time.
func scanWords(b []byte) textFlags {
	var high, ctl, cr uint64
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		high |= w
		// DEL: a byte below 0x80 that becomes 0x80 when one is added.
		ctl |= ((w &^ swarHi) + swarLo) &^ w & swarHi
		if lt := ltMask(w, 0x20); lt != 0 {
			ret := eqMask(w, '\r')
			ctl |= lt &^ (eqMask(w, '\n') | eqMask(w, '\t') | ret)
			cr |= ret
		}
	}
	f := textFlags{high: high&swarHi != 0, ctl: ctl&swarHi != 0, cr: cr&swarHi != 0}
	f.add(b[i:])
	return f
}

// ltMask sets the high bit of each byte of w that is below n (n <= 0x80).
func ltMask(w uint64, n uint64) uint64 {
	t := (w &^ swarHi) + swarLo*(0x80-n)
	return ^(t | w) & swarHi
}

// eqMask sets the high bit of each byte of w equal to c.
func eqMask(w uint64, c uint64) uint64 {
	y := w ^ (swarLo * c)
	return ^(((y &^ swarHi) + (swarLo * 0x7F)) | y) & swarHi
}

func (f *textFlags) add(b []byte) {
	for _, c := range b {
		switch {
		case c >= 0x20 && c < 0x7F:
		case c >= 0x80:
			f.high = true
		case c == '\r':
			f.cr = true
		case c == '\n' || c == '\t':
		default:
			f.ctl = true
		}
	}
}

// bytesOf views s as bytes without copying; the result must not be
// modified.
func bytesOf(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// nextHigh returns the index of the first byte >= 0x80 in s at or after i,
// or len(s). A byte in the first word is found without a call; past it
// the search goes sixteen bytes at a time where the processor has vectors
// (see highBlocks), then eight at a time.
func nextHigh(s string, i int) int {
	b := bytesOf(s)
	if i+8 <= len(b) {
		if m := binary.LittleEndian.Uint64(b[i:]) & swarHi; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
		i += highBlocks(b[i:])
	}
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&swarHi != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= 0x80 {
			return i
		}
	}
	return len(b)
}

// highMaskBlocks is how many 16-byte blocks a highMasks covers (8 KiB,
// more than most postings).
const highMaskBlocks = 512

// highMasks is where the vector scan of a text saw bytes >= 0x80, for its
// first n 16-byte blocks (none where there are no vectors): bit j of w[k]
// is byte 64k+j, the masks of four blocks in a word.
type highMasks struct {
	w [highMaskBlocks / 4]uint64
	n int
}
