package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// clean returns s fit for one line of the terminal: invalid UTF-8, control
// characters (C0, DEL, C1; newlines and tabs become spaces) and bidi
// controls are dropped, so posting text can never become an escape
// sequence, move the cursor or reverse text. Text that is already clean is
// returned as is without allocating.
func clean(s string) string {
	if isClean(s, false) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToValidUTF8(s, "") {
		switch {
		case r == '\n' || r == '\t':
			b.WriteByte(' ')
		case unsafeRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanBody is clean for markdown: newlines and tabs are kept.
func cleanBody(s string) string {
	if isClean(s, true) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToValidUTF8(s, "") {
		if (r == '\n' || r == '\t') || !unsafeRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean reports whether s is valid UTF-8 without unsafe runes (newlines
// and tabs allowed when multiline).
func isClean(s string, multiline bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				if !multiline || (c != '\n' && c != '\t') {
					return false
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unsafeRune(r) {
			return false
		}
		i += n
	}
	return true
}

// unsafeRune reports control characters and the bidi embedding, override and
// isolate controls.
func unsafeRune(r rune) bool {
	if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
		return true
	}
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// runeWidth is the cell width of r (0 for combining marks).
func runeWidth(r rune) int {
	if r < 0x7f {
		return 1
	}
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	return ansi.StringWidth(string(r))
}

// highlight renders s (clean text) in base style, with the runes at the
// sorted rune indexes marks in match style, cut to width cells with an
// ellipsis. Marks are rune indexes into s, so "ich" in "Zürich" lands on
// "ich", not on the bytes of "ü".
func highlight(s string, marks []int, width int, base, match lipgloss.Style) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > width {
		s, marks = cutRunes(s, marks, width)
	}
	if len(marks) == 0 {
		return base.Render(s)
	}
	var out strings.Builder
	mi := 0
	var run strings.Builder
	runMatched := false
	flush := func() {
		if run.Len() == 0 {
			return
		}
		if runMatched {
			out.WriteString(match.Render(run.String()))
		} else {
			out.WriteString(base.Render(run.String()))
		}
		run.Reset()
	}
	i := 0
	for _, r := range s {
		for mi < len(marks) && marks[mi] < i {
			mi++
		}
		m := mi < len(marks) && marks[mi] == i
		if m != runMatched {
			flush()
			runMatched = m
		}
		run.WriteRune(r)
		i++
	}
	flush()
	return out.String()
}

// cutRunes cuts s to width cells ending with "…" and drops the marks past
// the cut.
func cutRunes(s string, marks []int, width int) (string, []int) {
	var b strings.Builder
	w, i := 0, 0
	for _, r := range s {
		rw := runeWidth(r)
		if w+rw > width-1 {
			break
		}
		b.WriteRune(r)
		w += rw
		i++
	}
	trimmed := strings.TrimRight(b.String(), " ")
	i -= b.Len() - len(trimmed) // the spaces dropped are one byte, one rune each
	b.Reset()
	b.WriteString(trimmed)
	b.WriteString("…")
	n := 0
	for _, m := range marks {
		if m < i {
			n++
		}
	}
	return b.String(), marks[:n]
}

// fit pads or cuts the styled line s to exactly width cells.
func fit(s string, width int) string {
	w := ansi.StringWidth(s)
	switch {
	case w == width:
		return s
	case w < width:
		return s + strings.Repeat(" ", width-w)
	default:
		s = ansi.Truncate(s, width, "")
		if w := ansi.StringWidth(s); w < width {
			s += strings.Repeat(" ", width-w)
		}
		return s
	}
}
