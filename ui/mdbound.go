package ui

import (
	"fmt"
	"strings"
)

// Markdown nesting bounds. Glamour's cost grows faster than the nesting of
// containers and inline spans (a blockquote 50 deep takes 0.2 s, 100 deep
// does not finish; 100,000 nested emphasis markers overflow the stack), so a
// body nested deeper than these is shown as plain text. Real postings nest
// two or three levels.
const (
	maxContainerDepth = 16 // blockquotes and list items, one inside another
	maxInlineDepth    = 32 // emphasis spans or link brackets open at once in a paragraph
	maxDelimiterRun   = 64 // '*' or '_' in a row
)

// tooDeep reports why glamour should not render body, or "" when its
// nesting is within the bounds above. It is one pass over the text, with no
// allocation, and skips fenced code blocks, whose content is not markdown.
func tooDeep(body string) string {
	var fence string // the open code fence, "" outside one
	inline := inlineDepth{}
	for len(body) > 0 {
		line, rest, _ := strings.Cut(body, "\n")
		body = rest
		if f := fenceOf(line); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(f, fence):
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		if strings.TrimSpace(line) == "" {
			inline = inlineDepth{}
			continue
		}
		if d := containerDepth(line); d > maxContainerDepth {
			return fmt.Sprintf("its lists and quotes nest %d deep (the limit is %d)", d, maxContainerDepth)
		}
		if why := inline.scan(line); why != "" {
			return why
		}
	}
	return ""
}

// fenceOf returns the fence a line opens or closes (``` or ~~~, three or
// more, indented at most three spaces), or "".
func fenceOf(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return ""
	}
	return t[:n]
}

// containerDepth counts the blockquote markers and list markers that start
// line, one after another ("> - > x" is 3), plus its indentation in steps of
// two columns, which is how an indented list item nests. It overestimates
// rather than misses: an indented code line counts its indentation too.
func containerDepth(line string) int {
	depth, cols := 0, 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4
			i++
		case c == '>':
			depth++
			i++
		default:
			n := listMarker(line[i:])
			if n == 0 {
				return depth + cols/2
			}
			depth++
			i += n
		}
	}
	return depth + cols/2
}

// listMarker returns the length of the list marker that starts s ("- ",
// "* ", "+ ", "12. ", "3) ", or such a marker ending the line), or 0.
func listMarker(s string) int {
	n := 0
	switch {
	case s[0] == '-' || s[0] == '*' || s[0] == '+':
		n = 1
	default:
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n == len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}

// inlineDepth follows, through one paragraph, how many emphasis spans and
// link brackets are open. Emphasis is approximated the way CommonMark
// starts it: a run of '*' or '_' followed by a letter opens a span, one that
// follows a letter closes one.
type inlineDepth struct {
	emphasis, brackets int
}

// scan follows one line of a paragraph and reports why it nests too deep,
// or "".
func (d *inlineDepth) scan(line string) string {
	for i := 0; i < len(line); i++ {
		switch c := line[i]; c {
		case '[':
			d.brackets++
			if d.brackets > maxInlineDepth {
				return fmt.Sprintf("its links nest more than %d deep", maxInlineDepth)
			}
		case ']':
			if d.brackets > 0 {
				d.brackets--
			}
		case '*', '_':
			j := i
			for j < len(line) && line[j] == c {
				j++
			}
			if j-i > maxDelimiterRun {
				return fmt.Sprintf("it has a run of %d %q (the limit is %d)", j-i, c, maxDelimiterRun)
			}
			before := i > 0 && !isSpaceByte(line[i-1])
			after := j < len(line) && !isSpaceByte(line[j])
			switch {
			case after && !before:
				d.emphasis++
			case before && !after && d.emphasis > 0:
				d.emphasis--
			}
			if d.emphasis > maxInlineDepth {
				return fmt.Sprintf("its emphasis nests more than %d deep", maxInlineDepth)
			}
			i = j - 1
		}
	}
	return ""
}

// isSpaceByte reports a space or tab.
func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' }
