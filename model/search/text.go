package search

import (
	"html"
	"strings"
)

// PlainText returns the words of a markdown body without the parts of its
// syntax that are not text: link and image destinations ("[docs](https://x)"
// keeps "docs"), reference definitions ("[1]: https://x"), HTML tags,
// comments and autolinks ("<br>", "<!-- x -->", "<https://x>"); HTML
// entities are decoded ("&amp;" → "&"). Other markdown punctuation (#, *, _,
// >, |, backticks, list markers) is left for the tokenizer, which treats it
// as space. It runs in one pass, linear in the length of md.
func PlainText(md string) string {
	var sb strings.Builder
	sb.Grow(len(md))
	for line := range strings.Lines(md) {
		if isRefDef(line) {
			sb.WriteByte('\n')
			continue
		}
		plainLine(&sb, line)
	}
	out := sb.String()
	if strings.IndexByte(out, '&') >= 0 {
		out = html.UnescapeString(out)
	}
	return out
}

// plainLine writes one line of md to sb without link destinations and tags.
func plainLine(sb *strings.Builder, line string) {
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == ']' && i+1 < len(line) && line[i+1] == '(':
			if end := closeParen(line, i+2); end > 0 {
				sb.WriteByte(' ')
				i = end
				continue
			}
		case c == '<' && i+1 < len(line) && isTagStart(line[i+1]):
			if end := strings.IndexByte(line[i+1:], '>'); end >= 0 {
				sb.WriteByte(' ')
				i += end + 2
				continue
			}
		}
		sb.WriteByte(c)
		i++
	}
}

// closeParen returns the index after the ')' closing a link destination
// that starts at i, allowing balanced parentheses inside, or -1 when the
// line has none.
func closeParen(line string, i int) int {
	depth := 1
	for ; i < len(line); i++ {
		switch line[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		case ' ', '\n':
			// A destination has no unescaped space unless it carries a title;
			// a title ends at the closing parenthesis as well.
			if depth == 1 && !strings.ContainsRune(line[i:], ')') {
				return -1
			}
		}
	}
	return -1
}

// isTagStart reports whether c after '<' starts a tag, a closing tag, a
// comment or declaration, or an autolink.
func isTagStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?'
}

// isRefDef reports whether line is a link reference definition: up to three
// spaces, "[label]:", then a destination.
func isRefDef(line string) bool {
	s := strings.TrimLeft(line, " ")
	if len(line)-len(s) > 3 || !strings.HasPrefix(s, "[") || strings.HasPrefix(s, "[^") {
		return false
	}
	end := strings.Index(s, "]:")
	return end > 1 && !strings.ContainsAny(s[1:end], "[]")
}
