//go:build amd64 && !purego

#include "textflag.h"

// func pairBlocksSSSE3(f *pairFilter, p *byte, n int, out *uint16)
//
// For each place, the buckets of its byte (by its low and its high
// nibble, through f's first two tables) and those of the next byte (the
// last two) are ANDed: a place whose buckets are not all clear is set in
// the block's mask.
TEXT ·pairBlocksSSSE3(SB), NOSPLIT, $0-32
	MOVQ  f+0(FP), AX
	MOVQ  p+8(FP), SI
	MOVQ  n+16(FP), CX
	MOVQ  out+24(FP), DI
	MOVOU 0(AX), X8   // first byte, by low nibble
	MOVOU 16(AX), X9  // first byte, by high nibble
	MOVOU 32(AX), X10 // second byte, by low nibble
	MOVOU 48(AX), X11 // second byte, by high nibble
	MOVL  $0x0f0f0f0f, DX
	MOVD  DX, X12
	PSHUFD $0, X12, X12
	PXOR  X13, X13

loop:
	TESTQ CX, CX
	JZ    done
	MOVOU (SI), X0
	MOVOU 1(SI), X1

	MOVO   X0, X2
	PAND   X12, X2
	PSRLW  $4, X0
	PAND   X12, X0
	MOVO   X8, X3
	PSHUFB X2, X3
	MOVO   X9, X4
	PSHUFB X0, X4
	PAND   X4, X3

	MOVO   X1, X2
	PAND   X12, X2
	PSRLW  $4, X1
	PAND   X12, X1
	MOVO   X10, X4
	PSHUFB X2, X4
	PAND   X4, X3
	MOVO   X11, X4
	PSHUFB X1, X4
	PAND   X4, X3

	PCMPEQB  X13, X3
	PMOVMSKB X3, DX
	XORL     $0xffff, DX
	MOVW     DX, (DI)
	ADDQ     $16, SI
	ADDQ     $2, DI
	DECQ     CX
	JMP      loop

done:
	RET
