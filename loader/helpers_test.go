package loader

import (
	"strconv"
	"unicode/utf8"
	"unsafe"
)

func utf8ValidString(s string) bool  { return utf8.ValidString(s) }
func strconvQuoteRune(r rune) string { return strconv.QuoteRune(r) }

// sharesMemory reports whether sub's bytes lie inside s's.
func sharesMemory(sub, s string) bool {
	a, b := uintptr(unsafe.Pointer(unsafe.StringData(sub))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return a >= b && a < b+uintptr(len(s))
}
