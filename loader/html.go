package loader

import (
	"bytes"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/jobdeck/jobdeck/model"
)

// WarnNoStructured is the warning of a web page without a schema.org
// JobPosting: its fields come from the page's title alone.
const WarnNoStructured = "no structured data (schema.org JobPosting) on the page: title read from its headings"

// maxPageRead is how much of a web page is read, whatever MaxBody is
// (saved pages carry megabytes of inline scripts before their text).
const maxPageRead = 8 << 20

// isHTMLName reports a web page's file name (.html, .htm), also as a
// record path ("page.html#0" is none).
func isHTMLName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// readLimit is how many bytes of the file name the loader reads: MaxBody,
// or maxPageRead for a web page when that is more.
func readLimit(name string, maxBody int64) int64 {
	if isHTMLName(name) {
		return max(maxBody, maxPageRead)
	}
	return maxBody
}

// pageHead is what a quick pass over a page's tokens finds: its JSON-LD
// blocks, og:title, og:url, the canonical link, the first <h1> and the
// <title>, and the lines of its text that may hold a salary (see
// pageHead.addText).
type pageHead struct {
	jsonLD                []string
	ogTitle, ogURL, canon string
	h1, title             string
	text                  digitLines
}

// addText adds s, text between two tags, to the page's text: what a
// reader sees, without scripts, styles and comments, tags read as a
// space. Of its first bodySalaryWindow bytes, what a salary is searched
// for in a page whose body is not read, it keeps the lines that have a
// digit (the only ones [ParseSalary] reads), so a long page costs no
// long copy.
func (h *pageHead) addText(s string) {
	t := &h.text
	if t.seen >= bodySalaryWindow || s == "" {
		return
	}
	if t.seen > 0 && !isSpaceByte(s[0]) {
		t.buf = append(t.buf, ' ')
		t.seen++
	}
	s = s[:min(len(s), bodySalaryWindow-t.seen)]
	t.seen += len(s)
	for s != "" {
		part, nl := s, false
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			part, nl = s[:i+1], true
		}
		t.buf = append(t.buf, part...)
		t.digit = t.digit || hasDigit(part)
		s = s[len(part):]
		if nl {
			t.endLine()
		}
	}
}

// digitLines is the part of a page's text addText keeps: the lines with
// a digit, and the line being read.
type digitLines struct {
	buf   []byte
	line  int  // where the line being read starts in buf
	digit bool // the line being read has a digit
	seen  int  // bytes of the page's text read
}

// endLine ends the line being read, dropping it when it has no digit.
func (t *digitLines) endLine() {
	if !t.digit {
		t.buf = t.buf[:t.line]
	}
	t.line, t.digit = len(t.buf), false
}

// hasDigit reports whether s holds an ASCII digit, eight bytes at a time:
// a byte XOR '0' is below 10 only for a digit, and a word holds a byte
// below 10 exactly when (x - 0x0a…) &^ x has a high bit set.
func hasDigit(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		x ^= ones * '0'
		if (x-ones*10)&^x&highs != 0 {
			return true
		}
	}
	return indexDigit(s[i:]) >= 0
}

// visibleText is the lines of the page's text that have a digit,
// entities decoded.
func (h *pageHead) visibleText() string {
	h.text.endLine()
	s := string(h.text.buf)
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return html.UnescapeString(s)
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// scanPage finds what pageHead holds in one pass over src that looks
// only at tags: the text of <script>, <style> and comments is jumped over
// with a search for its end, so a page of inline code costs little more
// than reading it.
func scanPage(src string) *pageHead {
	h := &pageHead{}
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i:], '<')
		if j < 0 {
			h.addText(src[i:])
			break
		}
		h.addText(src[i : i+j])
		i += j
		if strings.HasPrefix(src[i:], "<!--") {
			k := strings.Index(src[i+4:], "-->")
			if k < 0 {
				break
			}
			i += 4 + k + 3
			continue
		}
		name := tagNameAt(src, i+1)
		if name == "" {
			if i+1 < len(src) && (src[i+1] == '/' || src[i+1] == '!' || src[i+1] == '?') {
				i = tagEnd(src, i+2) // an end tag, a doctype: no text
			} else {
				i++
			}
			continue
		}
		end := tagEnd(src, i+1+len(name))
		tag := src[i:end]
		i = end
		switch strings.ToLower(name) {
		case "script", "style", "textarea", "template":
			inner, next := untilClose(src, i, name)
			if strings.EqualFold(name, "script") && strings.Contains(strings.ToLower(attrOf(tag, "type")), "ld+json") {
				h.jsonLD = append(h.jsonLD, inner)
			}
			i = next
		case "title":
			inner, next := untilClose(src, i, name)
			if h.title == "" {
				h.title = inner
			}
			h.addText(inner)
			i = next
		case "h1":
			if h.h1 == "" {
				inner, _ := untilClose(src, i, name)
				h.h1 = stripTags(inner)
			}
		case "meta":
			switch strings.ToLower(cmpOr(attrOf(tag, "property"), attrOf(tag, "name"))) {
			case "og:title":
				h.ogTitle = cmpOr(h.ogTitle, attrOf(tag, "content"))
			case "og:url":
				h.ogURL = cmpOr(h.ogURL, html.UnescapeString(attrOf(tag, "content")))
			}
		case "link":
			if h.canon == "" && strings.EqualFold(attrOf(tag, "rel"), "canonical") {
				h.canon = html.UnescapeString(attrOf(tag, "href"))
			}
		}
	}
	return h
}

// cmpOr returns a unless it is empty, else b.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// tagNameAt returns the element name starting at src[i] ("" when src[i]
// starts no start tag).
func tagNameAt(src string, i int) string {
	j := i
	for j < len(src) {
		c := src[j] | 0x20
		if (c >= 'a' && c <= 'z') || (j > i && src[j] >= '0' && src[j] <= '9') {
			j++
			continue
		}
		break
	}
	return src[i:j]
}

// tagEnd returns the offset after the '>' that ends the tag whose
// attributes start at src[i], skipping quoted values.
func tagEnd(src string, i int) int {
	var quote byte
	for ; i < len(src); i++ {
		c := src[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return len(src)
}

// untilClose returns the text from i up to the closing tag </name (in any
// case) and the offset after that tag.
func untilClose(src string, i int, name string) (string, int) {
	for k := i; k < len(src); {
		j := strings.Index(src[k:], "</")
		if j < 0 {
			break
		}
		k += j
		if e := k + 2 + len(name); e <= len(src) && strings.EqualFold(src[k+2:e], name) {
			return src[i:k], tagEnd(src, e)
		}
		k += 2
	}
	return src[i:], len(src)
}

// attrOf returns the value of the attribute key in a start tag ("" when
// absent), entities left as they are.
func attrOf(tag, key string) string {
	i := 1 + len(tagNameAt(tag, 1))
	for i < len(tag) {
		for i < len(tag) && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r' || tag[i] == '/' || tag[i] == '\f') {
			i++
		}
		ks := i
		for i < len(tag) && tag[i] != '=' && tag[i] != '>' && tag[i] != ' ' && tag[i] != '\t' && tag[i] != '\n' && tag[i] != '\r' && tag[i] != '/' {
			i++
		}
		k := tag[ks:i]
		if k == "" {
			i++
			continue
		}
		var v string
		if i < len(tag) && tag[i] == '=' {
			i++
			if i < len(tag) && (tag[i] == '"' || tag[i] == '\'') {
				q := tag[i]
				e := strings.IndexByte(tag[i+1:], q)
				if e < 0 {
					e = len(tag) - i - 1
				}
				v = tag[i+1 : i+1+e]
				i += e + 2
			} else {
				vs := i
				for i < len(tag) && tag[i] != ' ' && tag[i] != '>' && tag[i] != '\t' && tag[i] != '\n' {
					i++
				}
				v = tag[vs:i]
			}
		}
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return ""
}

// stripTags returns HTML's text without its tags (entities left as they
// are).
func stripTags(s string) string {
	var sb strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			sb.WriteString(s)
			break
		}
		sb.WriteString(s[:i])
		s = s[tagEnd(s, i+1):]
	}
	return sb.String()
}

// jobPosting returns the first JobPosting among the page's JSON-LD
// blocks; blocks that do not decode are passed over.
func (h *pageHead) jobPosting() object {
	for _, b := range h.jsonLD {
		raw := bytes.TrimSpace([]byte(b))
		raw = bytes.TrimPrefix(raw, []byte("<!--"))
		raw = bytes.TrimSuffix(raw, []byte("-->"))
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			continue
		}
		end, err := skipJSONValue(raw, 0)
		if err != nil {
			continue
		}
		v, ok, _ := decodeBounded(raw[:end])
		if !ok {
			continue
		}
		if m := findJobPosting(v, 0); m != nil {
			return m
		}
	}
	return nil
}

// parsePage parses a web page: its schema.org JobPosting when it has one,
// else the title from og:title, the first <h1> or <title> with a
// WarnNoStructured warning. The URL falls back to og:url and the
// canonical link. The body is the JobPosting's description, or the page's
// main text (see pageText), as markdown with the cleaning every body
// gets. It ends as every parse does (finishPosting).
func parsePage(name string, data []byte, wantBody bool, info scanInfo, al *aliasSet, maxBody int64) *model.Posting {
	text, warns := repairScanned(data, info, !wantBody)
	h := scanPage(text)
	var p *model.Posting
	if jp := h.jobPosting(); jp != nil {
		p = jobPostingPosting(jp, al, wantBody, maxBody)
	} else {
		p = &model.Posting{}
		p.SetWarnings([]string{WarnNoStructured})
	}
	if len(warns) > 0 {
		p.SetWarnings(append(warns, p.Warnings()...))
	}
	for _, t := range []string{h.ogTitle, h.h1, h.title} {
		if p.Title != "" {
			break
		}
		p.Title = cleanField(html.UnescapeString(t))
	}
	if p.Title == "" {
		p.Title = titleFromName(name)
	}
	if !isSafeLink(p.URL) {
		p.URL = ""
	}
	if !isSafeLink(p.ApplyURL) {
		p.ApplyURL = ""
	}
	for _, u := range []string{h.ogURL, h.canon} {
		if p.URL == "" && isSafeLink(u) {
			p.URL = cleanField(u)
		}
	}
	if wantBody && p.Body == "" {
		body, w := cleanBody(pageText(text), maxBody)
		p.Body = body
		p.AddWarnings(w...)
	}
	finishPostingText(p, func() string { return text }, h.visibleText, wantBody)
	return p
}

// pageText is a page's main text as markdown: its <main>, else its
// <article>, else the element with role="main", else its <body> without
// the <header> and <footer>.
func pageText(src string) string {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return ""
	}
	if n := findElement(doc, func(n *html.Node) bool { return n.DataAtom == atom.Main }); n != nil {
		return nodeToMarkdown(n)
	}
	if n := findElement(doc, func(n *html.Node) bool { return n.DataAtom == atom.Article }); n != nil {
		return nodeToMarkdown(n)
	}
	if n := findElement(doc, func(n *html.Node) bool { return attr(n, "role") == "main" }); n != nil {
		return nodeToMarkdown(n)
	}
	body := findElement(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		body = doc
	}
	for _, a := range []atom.Atom{atom.Header, atom.Footer, atom.Aside} {
		for n := findElement(body, func(n *html.Node) bool { return n.DataAtom == a }); n != nil; n = findElement(body, func(n *html.Node) bool { return n.DataAtom == a }) {
			n.Parent.RemoveChild(n)
		}
	}
	return nodeToMarkdown(body)
}

// findElement returns the first element below n (depth first) for which
// ok holds.
func findElement(n *html.Node, ok func(*html.Node) bool) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && ok(c) {
			return c
		}
		if f := findElement(c, ok); f != nil {
			return f
		}
	}
	return nil
}

// attr returns the value of n's attribute key (lower case), or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.ToLower(strings.TrimSpace(a.Val))
		}
	}
	return ""
}

// parseFile parses one file's bytes by its kind: a web page (parsePage),
// else a posting file (parseScannedWith). al holds the user's aliases;
// maxBody caps a body made from a page.
func parseFile(name string, data []byte, wantBody bool, info scanInfo, al *aliasSet, maxBody int64, m *recordMemo) (p *model.Posting) {
	if !isHTMLName(name) {
		return parseScannedWith(name, data, wantBody, info, al, m)
	}
	defer func() {
		if r := recover(); r != nil {
			p = &model.Posting{ID: contentID(data), Title: titleFromName(name)}
			p.SetWarnings([]string{"parser error"})
		}
	}()
	return parsePage(name, data, wantBody, info, al, maxBody)
}

// ReasonPageAssets is the skip reason of the folder a browser saves a
// page's assets in, next to the page ("Job.html" and "Job_files/"): one
// line for the folder, none for its files.
const ReasonPageAssets = "a saved page's assets"

// isPageAssets reports a folder name "X_files" (or "X-Dateien", "X_archivos"…
// as some browsers localise it) with a page X.html or X.htm among
// entries, the folder's siblings.
func isPageAssets(name string, entries []dirent) bool {
	i := strings.LastIndexAny(name, "_-")
	if i <= 0 || !assetSuffixes[strings.ToLower(name[i+1:])] {
		return false
	}
	page := name[:i]
	for _, e := range entries {
		n := e.name
		if !e.typ.IsDir() && isHTMLName(n) && n[:len(n)-len(path.Ext(n))] == page {
			return true
		}
	}
	return false
}

// assetSuffixes are the words browsers put after a saved page's name for
// its assets folder.
var assetSuffixes = map[string]bool{"files": true, "dateien": true, "archivos": true, "fichiers": true, "bestanden": true, "arquivos": true, "file": true}
