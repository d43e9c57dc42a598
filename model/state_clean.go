package model

import (
	"strings"
	"unicode/utf8"
)

// stateLine returns s as one line of plain text that cannot act on a
// terminal: invalid UTF-8 becomes U+FFFD, tabs and line breaks become
// spaces, and every other C0/C1 control character, DEL and bidi control is
// dropped (so an escape sequence loses its ESC and is left as harmless
// printable text). Surrounding space is trimmed.
func stateLine(s string) string {
	return strings.TrimSpace(stateClean(s, false))
}

// stateNote is stateLine for multi-line text: it keeps newlines and tabs
// (CR LF and lone CR become LF) and trims trailing space at the end only.
func stateNote(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimRight(stateClean(s, true), " \t\n")
}

func stateClean(s string, multiline bool) string {
	if !stateNeedsClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			if multiline {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case r == '\r':
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case isStateControl(r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// stateNeedsClean is the fast path: most text has nothing to clean.
func stateNeedsClean(s string) bool {
	i := 0
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ { // ASCII, byte by byte
		if s[i] < 0x20 || s[i] == 0x7f {
			return true
		}
	}
	s = s[i:]
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if r == '\n' || r == '\t' || r == '\r' || isStateControl(r) {
			return true
		}
	}
	return false
}

// isStateControl reports C0, DEL, C1 and the bidi embedding, override and
// isolate characters (which can reverse how text reads on screen).
func isStateControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}
