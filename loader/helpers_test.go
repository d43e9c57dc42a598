package loader

import (
	"strconv"
	"unicode/utf8"
)

func utf8ValidString(s string) bool  { return utf8.ValidString(s) }
func strconvQuoteRune(r rune) string { return strconv.QuoteRune(r) }
