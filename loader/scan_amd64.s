//go:build amd64 && !purego

#include "textflag.h"

// func scanBlocksSSE2(b []byte, out *uint16, nout int) uint8
TEXT ·scanBlocksSSE2(SB), NOSPLIT, $0-41
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	MOVQ out+24(FP), DI
	MOVQ nout+32(FP), R8
	PXOR X0, X0 // every byte ORed: its high bits say >= 0x80
	PXOR X1, X1 // control bytes
	PXOR X2, X2 // carriage returns
	MOVL $0x1f1f1f1f, AX
	MOVD AX, X8
	PSHUFD $0, X8, X8
	MOVL $0x0a0a0a0a, AX
	MOVD AX, X9
	PSHUFD $0, X9, X9
	MOVL $0x09090909, AX
	MOVD AX, X10
	PSHUFD $0, X10, X10
	MOVL $0x0d0d0d0d, AX
	MOVD AX, X11
	PSHUFD $0, X11, X11
	MOVL $0x7f7f7f7f, AX
	MOVD AX, X12
	PSHUFD $0, X12, X12

loop:
	CMPQ CX, $16
	JB   done
	MOVOU (SI), X3
	POR   X3, X0
	// The block's mask of bytes >= 0x80, while out has room.
	TESTQ    R8, R8
	JZ       masked
	PMOVMSKB X3, DX
	MOVW     DX, (DI)
	ADDQ     $2, DI
	DECQ     R8

masked:
	// X4: bytes <= 0x1F (min(x, 0x1F) == x).
	MOVO    X3, X4
	PMINUB  X8, X4
	PCMPEQB X3, X4
	// X5: the allowed ones among them, \n, \t and \r.
	MOVO    X3, X5
	PCMPEQB X9, X5
	MOVO    X3, X6
	PCMPEQB X10, X6
	POR     X6, X5
	MOVO    X3, X6
	PCMPEQB X11, X6
	POR     X6, X2
	POR     X6, X5
	PANDN   X4, X5 // X5 = X4 &^ X5
	POR     X5, X1
	// DEL.
	MOVO    X3, X6
	PCMPEQB X12, X6
	POR     X6, X1
	ADDQ    $16, SI
	SUBQ    $16, CX
	JMP     loop

done:
	XORL     DX, DX
	PMOVMSKB X0, AX
	TESTL    AX, AX
	JZ       noHigh
	ORL      $1, DX

noHigh:
	PMOVMSKB X1, AX
	TESTL    AX, AX
	JZ       noCtl
	ORL      $2, DX

noCtl:
	PMOVMSKB X2, AX
	TESTL    AX, AX
	JZ       noCR
	ORL      $4, DX

noCR:
	MOVB DX, ret+40(FP)
	RET

// func highBlocksSSE2(b []byte) int
TEXT ·highBlocksSSE2(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	XORQ DX, DX

hloop:
	CMPQ     DX, CX
	JAE      hnone
	MOVOU    (SI)(DX*1), X0
	PMOVMSKB X0, AX
	TESTL    AX, AX
	JNZ      hfound
	ADDQ     $16, DX
	JMP      hloop

hfound:
	BSFL AX, AX
	ADDQ AX, DX
	MOVQ DX, ret+24(FP)
	RET

hnone:
	MOVQ CX, ret+24(FP)
	RET
