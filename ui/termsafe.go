package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// terminalSafe returns rendered output with every escape sequence removed
// except the two kinds jobdeck writes on purpose: SGR (colours and text
// attributes) and OSC 8 hyperlinks to http, https and mailto addresses. Other
// sequences (CSI that moves the cursor or clears, OSC 52 and titles, DCS,
// SOS, PM, APC, single-character escapes), C0 controls other than the
// newline, C1 controls, invalid UTF-8 and bidi controls are dropped, so text
// decoded from a posting by a renderer (an HTML entity such as &#27;, a raw
// HTML block) cannot act on the terminal. Tabs become spaces. Sequence
// boundaries are the ones [ansi.DecodeSequence] finds, which are the ones a
// terminal's parser finds.
func terminalSafe(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ansi.ESC:
			seq, _, n, _ := ansi.DecodeSequence(s[i:], ansi.NormalState, nil)
			if n <= 0 {
				n = 1
			}
			if allowedSequence(seq) {
				b.WriteString(seq)
			}
			i += n
		case c == '\n':
			b.WriteByte(c)
			i++
		case c == '\t':
			b.WriteByte(' ')
			i++
		case c < 0x20 || c == 0x7f:
			i++
		case c < utf8.RuneSelf:
			j := i + 1
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
				j++
			}
			b.WriteString(s[i:j])
			i = j
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !(r == utf8.RuneError && n == 1) && !unsafeRune(r) {
				b.WriteString(s[i : i+n])
			}
			i += n
		}
	}
	return b.String()
}

// allowedSequence reports whether seq, one escape sequence, is an SGR
// sequence or an OSC 8 hyperlink that [safeHyperlink] accepts.
func allowedSequence(seq string) bool {
	if params, ok := strings.CutPrefix(seq, "\x1b["); ok {
		params, ok = strings.CutSuffix(params, "m")
		return ok && strings.Trim(params, "0123456789;:") == ""
	}
	if body, ok := strings.CutPrefix(seq, "\x1b]8;"); ok {
		return safeHyperlink(body)
	}
	return false
}

// safeHyperlink reports whether body, an OSC 8 sequence after "ESC ]8;",
// opens a link to a safe address ([safeURI]) or closes one. Its parameters
// and address must be printable ASCII, so nothing in them can end the
// sequence early or start another.
func safeHyperlink(body string) bool {
	body, ok := strings.CutSuffix(body, "\x07")
	if !ok {
		body, ok = strings.CutSuffix(body, "\x1b\\")
	}
	if !ok {
		return false
	}
	params, uri, ok := strings.Cut(body, ";")
	if !ok || !printableASCII(params) || !printableASCII(uri) {
		return false
	}
	return uri == "" || safeURI(uri)
}

// printableASCII reports whether s holds only printable ASCII characters
// (space excluded).
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}
