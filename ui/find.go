package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
	"golang.org/x/text/unicode/norm"
)

// span is a run of cells [from, to) of a line on screen.
type span struct{ from, to int }

// foldRune folds r for matching: lower case, accents dropped ("Ü" → 'u').
// One rune gives one rune, so positions carry over.
func foldRune(r rune) rune {
	if r >= 0x80 {
		for _, base := range norm.NFD.String(string(r)) {
			r = base // the base letter comes first
			break
		}
	}
	return unicode.ToLower(r)
}

// foldedLine is a line's text without its styling, folded, with the cell
// each rune starts at.
type foldedLine struct {
	runes []rune
	cells []int // cells[i]: the cell rune i starts at; cells[len]: the width
}

// foldLine folds the text of a rendered line.
func foldLine(line string) foldedLine {
	plain := ansi.Strip(line)
	f := foldedLine{runes: make([]rune, 0, len(plain)), cells: make([]int, 0, len(plain)+1)}
	cell := 0
	for _, r := range plain {
		f.runes = append(f.runes, foldRune(r))
		f.cells = append(f.cells, cell)
		if r < 0x80 {
			cell++
		} else {
			cell += ansi.StringWidth(string(r))
		}
	}
	f.cells = append(f.cells, cell)
	return f
}

// foldString folds s as foldLine does, without the cells.
func foldString(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		out = append(out, foldRune(r))
	}
	return out
}

// find returns the spans of every occurrence of needle (folded) in f,
// left to right, not overlapping.
func (f foldedLine) find(needle []rune) []span {
	var out []span
	if len(needle) == 0 {
		return nil
	}
	for i := 0; i+len(needle) <= len(f.runes); i++ {
		if runesAt(f.runes, i, needle) {
			out = append(out, span{f.cells[i], f.cells[i+len(needle)]})
			i += len(needle) - 1
		}
	}
	return out
}

// findWord returns the spans of needle (folded) as a word of f: starting
// where a word starts, and ending where one ends unless prefix.
func (f foldedLine) findWord(needle []rune, prefix bool) []span {
	var out []span
	for i := 0; i+len(needle) <= len(f.runes); i++ {
		if (i > 0 && isWord(f.runes[i-1])) || !runesAt(f.runes, i, needle) {
			continue
		}
		end := i + len(needle)
		if prefix {
			for end < len(f.runes) && isWord(f.runes[end]) {
				end++
			}
		} else if end < len(f.runes) && isWord(f.runes[end]) {
			continue
		}
		out = append(out, span{f.cells[i], f.cells[end]})
		i = end - 1
	}
	return out
}

func runesAt(hay []rune, i int, needle []rune) bool {
	for j, r := range needle {
		if hay[i+j] != r {
			return false
		}
	}
	return true
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// textWords returns the words the quoted terms not excluded look for, each
// folded, and whether it is a prefix (the last word of "kube*"). A phrase's
// words are highlighted one by one.
func textWords(terms []model.TextTerm) (words [][]rune, prefix []bool) {
	for _, t := range terms {
		if t.Exclude {
			continue
		}
		text := strings.TrimSpace(t.Text)
		pre := strings.HasSuffix(text, "*")
		fields := strings.FieldsFunc(strings.TrimSuffix(text, "*"), func(r rune) bool { return !isWord(r) })
		for i, w := range fields {
			words = append(words, foldString(w))
			prefix = append(prefix, pre && i == len(fields)-1)
		}
	}
	return words, prefix
}

// markSpans draws the cells of spans (sorted, not overlapping) of line in
// style, keeping the line's own styling elsewhere: the text of a span is
// drawn plain in style, then the styling in force resumes. One pass over
// the line; cells are counted as [foldLine] counts them.
func markSpans(line string, spans []span, style func(i int, s string) string) string {
	if len(spans) == 0 {
		return line
	}
	var b, seqs, text strings.Builder
	b.Grow(len(line) + 32*len(spans))
	k, cell := 0, 0
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			n := escLen(line, i)
			seqs.WriteString(line[i : i+n])
			if text.Len() == 0 {
				b.WriteString(line[i : i+n])
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		w := 1
		if r >= 0x80 {
			w = ansi.StringWidth(string(r))
		}
		if k < len(spans) && cell >= spans[k].from && cell < spans[k].to {
			text.WriteString(line[i : i+size])
		} else {
			b.WriteString(line[i : i+size])
		}
		cell += w
		i += size
		if k < len(spans) && cell >= spans[k].to && text.Len() > 0 {
			b.WriteString("\x1b[m" + style(k, text.String()) + seqs.String())
			text.Reset()
			k++
		}
	}
	if text.Len() > 0 {
		b.WriteString("\x1b[m" + style(k, text.String()) + seqs.String())
	}
	return b.String()
}

// escLen is the length of the escape sequence at s[i] (an ESC): a CSI
// sequence (ESC [ … final byte), a string sequence (ESC ] … BEL or ESC \\)
// or a two-byte escape; it stops at the end of s.
func escLen(s string, i int) int {
	j := i + 2
	if i+1 < len(s) {
		switch s[i+1] {
		case '[':
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			j++
		case ']', 'P', '_', '^', 'X':
			for j < len(s) && s[j] != 0x07 && !(s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\') {
				j++
			}
			if j < len(s) && s[j] == 0x1b {
				j++
			}
			j++
		}
	}
	return min(j, len(s)) - i
}
