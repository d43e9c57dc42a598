package loader

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// isBidi reports the invisible characters that reorder or mark direction:
// the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069,
// and the marks U+200E, U+200F and U+061C.
func isBidi(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) ||
		r == 0x200E || r == 0x200F || r == 0x061C
}

// needsStrip is a fast scan for anything stripControls would remove.
func needsStrip(s string) bool {
	f := scanText(bytesOf(s))
	if f.ctl || f.cr {
		return true
	}
	for i := nextHigh(s, 0); i < len(s); i = nextHigh(s, i+1) {
		if needsStripSlow(s, i, i+1) {
			return true
		}
	}
	return false
}

func needsStripSlow(s string, from, to int) bool {
	for i := from; i < to; i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7F {
			continue
		}
		switch {
		case c < 0x20:
			if c != '\n' && c != '\t' {
				return true
			}
		case c == 0x7F:
			return true
		case c == 0xC2:
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xA0 {
				return true
			}
		case c == 0xD8:
			if i+1 < len(s) && s[i+1] == 0x9C {
				return true
			}
		case c == 0xE2:
			if i+2 < len(s) {
				if s[i+1] == 0x80 && (s[i+2] == 0x8E || s[i+2] == 0x8F || (s[i+2] >= 0xAA && s[i+2] <= 0xAE)) {
					return true
				}
				if s[i+1] == 0x81 && s[i+2] >= 0xA6 && s[i+2] <= 0xA9 {
					return true
				}
			}
		}
	}
	return false
}

// stripControls removes C0 and C1 control characters (keeping newline and
// tab), DEL, whole ANSI escape sequences (CSI, OSC, DCS, SOS, PM, APC and
// two-character escapes, in their ESC and C1 forms) and bidi controls. It
// also replaces invalid UTF-8 with U+FFFD. It reports whether anything was
// removed.
func stripControls(s string) (string, bool) {
	if !needsStrip(s) {
		if utf8.ValidString(s) {
			return s, false
		}
		return strings.ToValidUTF8(s, "\uFFFD"), false
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1B:
			i = skipEscape(s, i+1)
		case r == 0x9B: // C1 CSI
			i = skipCSI(s, i+n)
		case r == 0x9D || r == 0x90 || r == 0x98 || r == 0x9E || r == 0x9F: // OSC DCS SOS PM APC
			i = skipString(s, i+n)
		case r == '\n' || r == '\t':
			sb.WriteRune(r)
			i += n
		case r < 0x20 || (r >= 0x7F && r < 0xA0) || isBidi(r):
			i += n
		case r == utf8.RuneError && n == 1:
			sb.WriteRune(utf8.RuneError)
			i++
		default:
			sb.WriteString(s[i : i+n])
			i += n
		}
	}
	return sb.String(), true
}

// skipEscape returns the index after the escape sequence whose ESC ended
// just before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(s, i+1)
	case c >= 0x20 && c <= 0x2F: // intermediates, then a final byte
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2F {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7E {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7E:
		return i + 1
	}
	return i
}

// skipCSI skips parameter, intermediate and final bytes of a control
// sequence starting at i.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3F {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2F {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7E {
		i++
	}
	return i
}

// skipString skips a control string (OSC, DCS, ...) up to and including
// its terminator: BEL, ESC \ or C1 ST. An unterminated string ends at the
// end of its line, so one stray byte cannot swallow the whole posting.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1B:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case s[i] == 0xC2 && i+1 < len(s) && s[i+1] == 0x9C:
			return i + 2
		case s[i] == '\n':
			return i
		}
		i++
	}
	return i
}

// cleanField returns s as a one-line field: controls and escape sequences
// removed, runs of white space (newlines and tabs included) collapsed to
// one space, trimmed. The result never shares memory with s, so a field
// does not keep its whole file alive.
func cleanField(s string) string { return cleanFieldOf(s, true) }

// cleanOwnField is cleanField for a text that is its own allocation, no
// part of a larger one (a decoded JSON string): when it is clean already
// it is returned as it is, not copied.
func cleanOwnField(s string) string { return cleanFieldOf(s, false) }

// cleanFieldOf is cleanField, copying a clean s only when clone is set.
func cleanFieldOf(s string, clone bool) string {
	if !isPlainField(s) {
		s, _ = stripControls(s)
		if !isCleanField(s) {
			return foldField(s)
		}
	}
	if !clone {
		return s
	}
	return strings.Clone(s)
}

// foldField is cleanField of a text without controls that is not clean:
// white space folded and trimmed, in a copy.
func foldField(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' || c == '\t' || c >= 0x80 || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') {
			simple = false
			break
		}
	}
	if simple {
		return strings.Clone(strings.TrimSpace(s))
	}
	// Join returns a lone field as is: clone it.
	return strings.Clone(strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " "))
}

// isPlainField reports text of printable ASCII alone, spaces single and
// between words: stripControls leaves it as it is and isCleanField holds,
// found in one pass, eight bytes at a time (see plainFieldWord).
func isPlainField(s string) bool {
	return plainFieldBytes(unsafe.Slice(unsafe.StringData(s), len(s)), false) // read, never written
}

// isPlainFieldText is isPlainField for the bytes of a JSON string within
// its quotes that also hold no backslash: then the string needs no
// decoding (see plainText) and cleanField leaves it as it is.
func isPlainFieldText(in []byte) bool { return plainFieldBytes(in, true) }

// plainFieldBytes is isPlainField of b, also false for a backslash in b
// when noBackslash is set.
func plainFieldBytes(b []byte, noBackslash bool) bool {
	prev := byte(' ')
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		if !plainFieldWord(w, prev == ' ') || noBackslash && zeroBytes(w^swarLo*'\\') != 0 {
			return false
		}
		prev = b[i+7]
	}
	for ; i < len(b); i++ {
		c := b[i]
		if c < ' ' || c > '~' || noBackslash && c == '\\' || (c == ' ' && prev == ' ') {
			return false
		}
		prev = c
	}
	return prev != ' ' || len(b) == 0
}

// plainFieldWord reports whether the eight bytes of w (the first in the
// lowest) are printable ASCII with no space next to another, nor first
// after a space (afterSpace).
func plainFieldWord(w uint64, afterSpace bool) bool {
	const lo, hi = swarLo, swarHi
	// A byte of 0x80 or more; else (each byte then under 0x80, so that no
	// sum or difference below carries or borrows across bytes) one under
	// ' ', or 0x7F, which one more makes 0x80.
	if w&hi != 0 || (w-' '*lo)&^w&hi != 0 || (w+lo)&hi != 0 {
		return false
	}
	x := w ^ ' '*lo                 // zero where w has a space
	sp := ^((x + 0x7F*lo) | x) & hi // the high bit of each of them
	if afterSpace && sp&0x80 != 0 {
		return false
	}
	return sp&(sp>>8) == 0 // sp>>8 has the bit of each byte's next
}

// isCleanField reports text that cleanField's white-space folding leaves
// as it is: no white space but single ASCII spaces between words.
func isCleanField(s string) bool {
	space := true // at the start, or after a space
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ':
			if space {
				return false
			}
			space = true
			i++
		case c < 0x80:
			if c <= ' ' || c == 0x7F {
				return false
			}
			space = false
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || r == utf8.RuneError {
				return false
			}
			space = false
			i += n
		}
	}
	return !space || s == ""
}
