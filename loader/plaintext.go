package loader

import (
	"path"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// bullets are the list markers plain text uses, each followed by a space
// (or, for the typographic ones, directly by the text).
var bullets = []string{"•", "–", "·", "▪", "◦", "●", "‣", "○", "■", "□", "➢", "►", "—", "-", "*", "+"}

// isBulletByte holds the first bytes of the bullets.
var isBulletByte = func() (set [256]bool) {
	for _, b := range bullets {
		set[b[0]] = true
	}
	return set
}()

// stripBullet returns the line without a leading list marker, or the line
// itself when it is no list item.
func stripBullet(t string) string {
	if s, ok := cutBullet(t); ok {
		return s
	}
	return t
}

// cutBullet reports whether t (left-trimmed) is a bulleted list item and
// returns its text.
func cutBullet(t string) (string, bool) {
	if t == "" || !isBulletByte[t[0]] {
		return "", false
	}
	for _, b := range bullets {
		if !strings.HasPrefix(t, b) {
			continue
		}
		rest := t[len(b):]
		if rest == "" {
			return "", false
		}
		if rest[0] == ' ' || rest[0] == '\t' {
			return strings.TrimSpace(rest), true
		}
		if len(b) > 1 && b != "—" && b != "–" { // "•Item" without a space
			return strings.TrimSpace(rest), true
		}
		return "", false
	}
	return "", false
}

// cutNumbered reports whether t is a numbered item ("1.", "2)") and returns
// its number and text.
func cutNumbered(t string) (string, string, bool) {
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(t) || (t[i] != '.' && t[i] != ')') || t[i+1] != ' ' {
		return "", "", false
	}
	return t[:i], strings.TrimSpace(t[i+2:]), true
}

func isListItem(t string) bool {
	if _, ok := cutBullet(t); ok {
		return true
	}
	_, _, ok := cutNumbered(t)
	return ok
}

// sectionWords are headings that open a section rather than name a job.
var sectionWords = []string{
	"requirements", "responsibilities", "about", "about us", "about the role", "about the job",
	"about the company", "about the team", "about you", "job description", "description", "experience",
	"qualifications", "overview", "summary", "benefits", "perks", "skills", "duties", "the role",
	"role", "position", "what you will do", "what you'll do", "who we are", "who you are",
	"what we offer", "what we are looking for", "what we're looking for", "requirements and skills",
	"nice to have", "bonus points", "tasks", "your tasks", "your profile", "profile", "job summary",
	"key responsibilities", "minimum qualifications", "preferred qualifications", "introduction",
	"details", "job details", "compensation", "how to apply", "tech stack", "stack", "company",
}

// isSectionWord reports whether line is a section heading such as
// "Requirements:" or "About Acme", forgiving small misspellings
// ("Expirience", "Responsibilites").
func isSectionWord(line string) bool {
	t := strings.ToLower(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(line), ":.")))
	t = strings.TrimLeft(t, "#* ")
	t = strings.TrimRight(t, "* ")
	if t == "" {
		return false
	}
	if strings.HasPrefix(t, "about ") {
		return true
	}
	for _, w := range sectionWords {
		if t == w {
			return true
		}
		if len(w) >= 6 && abs(len(t)-len(w)) <= 2 && withinEdits(t, w, maxTypos(w)) {
			return true
		}
	}
	return false
}

func maxTypos(w string) int {
	if len(w) >= 10 {
		return 2
	}
	return 1
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// withinEdits reports whether the Levenshtein distance of two short byte
// strings is at most k (false for strings over 64 bytes). It stops at the
// first row of the distance table whose least value is over k: the least
// value never falls from one row to the next.
func withinEdits(a, b string, k int) bool {
	if len(a) > 64 || len(b) > 64 {
		return false
	}
	var rows [2][65]int
	prev, cur := rows[0][:len(b)+1], rows[1][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		least := i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			least = min(least, c)
		}
		if least > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= k
}

// titleFromName makes a title from a file name: "senior-go-dev_2.txt"
// gives "Senior Go Dev 2". A name that looks machine-made (a long hex or
// digit run such as "002_71463f877dbb845b.txt", or no letters at all)
// gives "Untitled posting (002_71463f877dbb845b)".
func titleFromName(name string) string {
	base := path.Base(name)
	if base == "." || base == "/" {
		base = ""
	}
	if ext := path.Ext(base); ext != "" && len(ext) <= 10 {
		base = strings.TrimSuffix(base, ext)
	}
	base = cleanField(base)
	if base == "" {
		return "Untitled posting"
	}
	words := strings.FieldsFunc(base, func(r rune) bool {
		return r == '-' || r == '_' || r == '.' || r == ' ' || r == '+'
	})
	letters := false
	for _, w := range words {
		if looksLikeHash(w) {
			return "Untitled posting (" + base + ")"
		}
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters = true
			}
		}
	}
	if !letters {
		return "Untitled posting (" + base + ")"
	}
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// looksLikeHash reports a word of 8+ hex digits mixing digits and letters,
// or of 12+ digits.
func looksLikeHash(w string) bool {
	if len(w) < 8 {
		return false
	}
	digits, hexLetters := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F':
			hexLetters++
		default:
			return false
		}
	}
	return (digits > 0 && hexLetters > 0) || (digits >= 12)
}

// plainTitle picks the title of plain text: its first non-blank line,
// unless that is a section word, a list item, a "Key: value" line or a
// whole paragraph. It returns the title and the index of its line, or ""
// and -1 when the title must come from the file name.
func plainTitle(text string) (string, int) {
	for i := 0; text != ""; i++ {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		t := strings.TrimSpace(l)
		if t == "" || wordless(t) {
			continue
		}
		t = strings.TrimSpace(strings.TrimLeft(t, "#"))
		if t == "" || isListItem(t) || isSectionWord(t) || utf8.RuneCountInString(t) > 120 {
			return "", -1
		}
		if k, v, ok := strings.Cut(t, ":"); ok && strings.TrimSpace(v) != "" {
			if f, _ := lookupAlias(strings.TrimSpace(k)); f != fNone {
				return "", -1
			}
		}
		return cleanField(strings.TrimRight(t, ":")), i
	}
	return "", -1
}

// wordless reports a line without a letter or digit ("---", "+++", "{",
// "***"): a rule, a delimiter or punctuation, never a title.
func wordless(t string) bool {
	return strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
}

// markdownTitle returns the text of the first ATX "# H1" heading, or of a
// setext heading ("Title" over "===="), or "".
func markdownTitle(body string) string {
	prev := ""
	inFence := false
	for n := 0; body != "" && n < 400; n++ {
		var line string
		line, body, _ = strings.Cut(body, "\n")
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
		}
		if inFence {
			prev = ""
			continue
		}
		if strings.HasPrefix(t, "# ") {
			h := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[2:]), "#"))
			if h != "" {
				return cleanField(h)
			}
		}
		if prev != "" && len(t) >= 2 && strings.Trim(t, "=") == "" {
			return cleanField(prev)
		}
		prev = t
	}
	return ""
}

// lineKind classifies the lines of plain text for the conversion to
// markdown.
type lineKind int

const (
	kBlank lineKind = iota
	kTitle
	kHeading
	kItem
	kPara
)

// mdLine is a line of plain text as plainToMarkdown writes it.
type mdLine struct {
	k         lineKind
	prefix, s string
	brk       bool // a hand-wrapped line: a hard break follows
}

// mdWork holds the slices plainToMarkdown works in, reused from one body
// to the next: made anew for each, they were a fifth of what a build of
// the full-text index allocated.
type mdWork struct {
	lines []string
	res   []mdLine
}

var mdWorkPool = sync.Pool{New: func() any { return new(mdWork) }}

// mdWorkMax is the number of lines beyond which a slice of mdWork is let
// go rather than kept for the next body.
const mdWorkMax = 4096

// put clears w's slices, which point into the last body, and gives w
// back to the pool.
func (w *mdWork) put() {
	clear(w.lines[:cap(w.lines)])
	clear(w.res[:cap(w.res)])
	if cap(w.lines) > mdWorkMax {
		w.lines = nil
	}
	if cap(w.res) > mdWorkMax {
		w.res = nil
	}
	mdWorkPool.Put(w)
}

// plainBodyToMarkdown is plainToMarkdown of the lines of body.
func plainBodyToMarkdown(body string, titleLine int) string {
	w := mdWorkPool.Get().(*mdWork)
	defer w.put()
	lines := w.lines[:0]
	for {
		i := strings.IndexByte(body, '\n')
		if i < 0 {
			break
		}
		lines = append(lines, body[:i])
		body = body[i+1:]
	}
	w.lines = append(lines, body) // as strings.Split(body, "\n")
	return w.markdown(w.lines, titleLine)
}

// plainToMarkdown renders plain text as markdown for the detail pane: the
// title line (index titleLine, -1 for none) becomes "# ", bullets become
// "- " items, bare short lines standing alone become "## " headings, and
// hand-wrapped lines keep their breaks (two trailing spaces). Characters
// that would turn into accidental markdown at a line start are escaped.
func plainToMarkdown(lines []string, titleLine int) string {
	w := mdWorkPool.Get().(*mdWork)
	defer w.put()
	return w.markdown(lines, titleLine)
}

// markdown is plainToMarkdown, in w's slice of lines written.
func (w *mdWork) markdown(lines []string, titleLine int) string {
	res := w.res[:0]
	defer func() { w.res = res }()
	size := 0
	blank := func(i int) bool { return i < 0 || i >= len(lines) || strings.TrimSpace(lines[i]) == "" }
	for i, l := range lines {
		t := strings.TrimSpace(l)
		var o mdLine
		switch {
		case t == "":
			continue
		case i == titleLine:
			o = mdLine{k: kTitle, prefix: "# ", s: escapeInline(strings.TrimSpace(strings.TrimLeft(t, "#")))}
		case isListItem(t):
			if num, text, ok := cutNumbered(t); ok {
				o = mdLine{k: kItem, prefix: num + ". ", s: escapeInline(text)}
			} else {
				text, _ := cutBullet(t)
				o = mdLine{k: kItem, prefix: "- ", s: escapeInline(text)}
			}
		case isHeadingLine(t, blank(i-1), blank(i+1) || (i+1 < len(lines) && isListItem(strings.TrimSpace(lines[i+1])))):
			o = mdLine{k: kHeading, prefix: "## ", s: escapeInline(strings.TrimSpace(strings.TrimRight(t, ":")))}
		default:
			if !blank(i-1) && len(res) > 0 && res[len(res)-1].k == kPara {
				res[len(res)-1].brk = true
			}
			o = mdLine{k: kPara, s: escapeLineStart(escapeInline(t))}
		}
		size += len(o.prefix) + len(o.s) + 4
		res = append(res, o)
	}
	var sb strings.Builder
	sb.Grow(size)
	for i, o := range res {
		if i > 0 {
			prev := res[i-1]
			switch {
			case prev.brk:
				sb.WriteString("  \n")
			case o.k == kItem && prev.k == kItem:
				sb.WriteByte('\n')
			default:
				sb.WriteString("\n\n")
			}
		}
		sb.WriteString(o.prefix)
		sb.WriteString(o.s)
	}
	if sb.Len() > 0 {
		sb.WriteByte('\n')
	}
	return sb.String()
}

// isHeadingLine reports a bare short line that stands alone (blank line
// before, blank line or list after): at most 8 words and 60 characters,
// starting with a capital or digit, not ending like a sentence, and no
// "Key: value" pair.
func isHeadingLine(t string, blankBefore, blankOrListAfter bool) bool {
	if !blankBefore || !blankOrListAfter {
		return false
	}
	if utf8.RuneCountInString(t) > 60 || countWords(t) > 8 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".,;!…", last) || strings.Contains(t, "http") || strings.Contains(t, "@") {
		return false
	}
	if i := strings.Index(t, ":"); i >= 0 && i < len(t)-1 {
		return false
	}
	return true
}

// escapeInline escapes "<" before a letter, "/" or "!" so that text is not
// taken for HTML.
func escapeInline(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '<' && i+1 < len(s) && (s[i+1] == '/' || s[i+1] == '!' || s[i+1] == '?' ||
			(s[i+1]|0x20 >= 'a' && s[i+1]|0x20 <= 'z')) {
			sb.WriteByte('\\')
		}
		sb.WriteByte(s[i])
	}
	return sb.String()
}

// escapeLineStart escapes what would make a paragraph line a heading,
// quote, list, rule, table or code fence.
func escapeLineStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '=', '|', '`', '~':
		return `\` + s
	case '-', '*', '+', '_':
		if strings.Trim(s, "-*+_ ") == "" || (len(s) > 1 && s[1] == ' ') {
			return `\` + s
		}
	}
	if num, _, ok := cutNumbered(s); ok {
		return num + `\` + s[len(num):]
	}
	return s
}

// countWords counts the space-separated words of s.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\t'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
