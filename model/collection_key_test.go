package model

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// foldFieldByRune is appendFoldedField as it reads any field, a rune at
// a time (ASCII letters lowered, other runes folded by foldRune): the
// reference its ASCII path must agree with.
func foldFieldByRune(s string) (string, fieldFold) {
	fa := fieldFold{aligned: true}
	var b []byte
	var last rune
	for _, r := range s {
		if 'A' <= r && r <= 'Z' && 'a' <= last && last <= 'z' {
			fa.camel = true
		}
		if r >= utf8.RuneSelf {
			fa.nonASCII = true
		}
		before := len(b)
		if r < utf8.RuneSelf {
			b = append(b, lowerASCII[r])
		} else {
			b = utf8.AppendRune(b, foldRune(r))
		}
		if len(b)-before != utf8.RuneLen(r) {
			fa.aligned = false
		}
		fa.mask |= byteMask(b[before:])
		last = r
	}
	return string(b), fa
}

func TestAppendFoldedFieldASCII(t *testing.T) {
	cases := []string{"", "a", "A", "aB", "Ab", "goLang", "GoLang", "GOLANG", "x9Y", "a-B", "Backend Engineer",
		"iOS", "macOS Dev", "zZ", "Zz", "@[`{", "\x00\x7f", "München", "ÉcoleA", "aÉ", "kB"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(128))
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		want, wantFa := foldFieldByRune(s)
		got, fa := appendFoldedField([]byte("prefix|"), s)
		if string(got) != "prefix|"+want || fa != wantFa {
			t.Errorf("appendFoldedField(%q) = %q, %+v; want %q, %+v", s, got[len("prefix|"):], fa, want, wantFa)
		}
	}
}
