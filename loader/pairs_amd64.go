//go:build amd64 && !purego

package loader

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// pairBlocks fills masks[k] with the places of text[16k:16k+16] where a
// byte pair may begin that f says (see pairFilter), sixteen places at a
// time with SSSE3 when the processor has it, for as many blocks as masks
// holds and text has (a pair's second byte included); it returns how many
// blocks it did, 0 without SSSE3.
func pairBlocks(f *pairFilter, text string, masks []uint16) int {
	if !cpu.X86.HasSSSE3 || len(text) < 17 || len(masks) == 0 {
		return 0
	}
	n := min((len(text)-1)/16, len(masks))
	pairBlocksSSSE3(f, unsafe.StringData(text), n, &masks[0])
	return n
}

// pairBlocksSSSE3 is pairBlocks for n blocks of p (16n+1 bytes) into
// out (n masks).
//
//go:noescape
func pairBlocksSSSE3(f *pairFilter, p *byte, n int, out *uint16)
