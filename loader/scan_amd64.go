//go:build amd64 && !purego

package loader

import "unsafe"

// scanBlocks scans b[:len(b)&^15] sixteen bytes at a time with SSE2 (every
// amd64 processor has it) and returns the flags of those bytes, with how
// many bytes it read; scanText reads the rest. When hm is not nil it
// also keeps the blocks' masks of bytes >= 0x80, as many as it holds.
func scanBlocks(b []byte, hm *highMasks) (textFlags, int) {
	n := len(b) &^ 15
	if n == 0 {
		return textFlags{}, 0
	}
	var out *uint16
	nout := 0
	if hm != nil {
		// The masks go into hm's words little-endian, four to a word.
		nout = min(n/16, highMaskBlocks)
		out = (*uint16)(unsafe.Pointer(&hm.w[0]))
		hm.n = nout
	}
	m := scanBlocksSSE2(b[:n], out, nout)
	return textFlags{high: m&1 != 0, ctl: m&2 != 0, cr: m&4 != 0}, n
}

// scanBlocksSSE2 returns the flags of b, whose length is a multiple of
// 16, as bits: 1 a byte >= 0x80, 2 a control byte other than \n, \t and
// \r (or DEL), 4 a \r; it stores the masks of bytes >= 0x80 of its first
// nout blocks at out.
//
//go:noescape
func scanBlocksSSE2(b []byte, out *uint16, nout int) uint8

// highBlocks returns the index in b of its first byte >= 0x80 when one
// is in b[:len(b)&^15], read sixteen bytes at a time; else len(b)&^15.
func highBlocks(b []byte) int {
	n := len(b) &^ 15
	if n == 0 {
		return 0
	}
	return highBlocksSSE2(b[:n])
}

// highBlocksSSE2 is highBlocks for b whose length is a multiple of 16.
//
//go:noescape
func highBlocksSSE2(b []byte) int
