package loader

import (
	"net/url"
	"strings"
	"sync"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mdConverter is the HTML → markdown converter, built once; it is safe
// for concurrent use and not changed after it is built.
var mdConverter = sync.OnceValue(func() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(base.NewBasePlugin(), commonmark.NewCommonmarkPlugin()))
})

// droppedTags are elements whose content is no part of a posting's text:
// code, styling, forms, navigation, embedded media and images (tracking
// pixels among them).
var droppedTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Form: true, atom.Input: true, atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Label: true,
	atom.Nav: true, atom.Iframe: true, atom.Frame: true, atom.Frameset: true, atom.Object: true, atom.Embed: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Img: true, atom.Picture: true, atom.Video: true,
	atom.Audio: true, atom.Source: true, atom.Track: true, atom.Link: true, atom.Meta: true, atom.Dialog: true,
}

// htmlToMarkdown converts an HTML fragment or page to markdown (see
// nodeToMarkdown). The result still needs the body cleaning.
func htmlToMarkdown(src string) string {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return ""
	}
	return nodeToMarkdown(doc)
}

// nodeToMarkdown prunes n (droppedTags, hidden elements, unsafe links;
// see pruneHTML) and converts what is left to markdown.
func nodeToMarkdown(n *html.Node) string {
	pruneHTML(n)
	md, err := mdConverter().ConvertNode(n)
	if err != nil {
		return ""
	}
	return string(md)
}

// pruneHTML removes from n's tree what a reader of the posting should not
// get: droppedTags, elements marked hidden (hidden, aria-hidden="true",
// display:none), comments; and it unwraps every link whose target is not
// http, https or mailto (the text stays).
func pruneHTML(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode || (c.Type == html.ElementNode && (droppedTags[c.DataAtom] || isHidden(c))):
			n.RemoveChild(c)
		case c.Type == html.ElementNode && c.DataAtom == atom.A && !hasSafeHref(c):
			// Keep the link's text, not the link.
			pruneHTML(c)
			for k := c.FirstChild; k != nil; k = c.FirstChild {
				c.RemoveChild(k)
				n.InsertBefore(k, c)
			}
			n.RemoveChild(c)
		default:
			pruneHTML(c)
		}
		c = next
	}
}

// isHidden reports an element its page does not show.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// hasSafeHref reports a link whose target is an absolute http, https or
// mailto URL.
func hasSafeHref(a *html.Node) bool {
	for _, at := range a.Attr {
		if strings.EqualFold(at.Key, "href") {
			return isSafeLink(at.Val)
		}
	}
	return false
}

// isSafeLink reports an absolute http, https or mailto URL.
func isSafeLink(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return true
	}
	return false
}

// looksLikeHTML reports text that holds HTML markup (a tag such as <p>,
// <br>, <li> or a closing tag), as opposed to plain text or markdown.
func looksLikeHTML(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if c == '/' || c == '!' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			j := i + 1
			for j < len(s) && (s[j] == '/' || s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			if j < len(s) && (s[j] == '>' || s[j] == ' ' || s[j] == '\n') && j > i+1 {
				return true
			}
		}
		k := strings.IndexByte(s[i+1:], '<')
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}

// cleanBody gives converted text the cleaning every body gets: newlines
// normalised, mojibake undone, controls and escape sequences removed,
// blank lines trimmed, and the cut at maxBody (with its warning).
func cleanBody(s string, maxBody int64) (string, []string) {
	var warns []string
	if maxBody > 0 && int64(len(s)) > maxBody {
		s = string(cutAt([]byte(s[:maxBody])))
		warns = append(warns, WarnCut+" "+humanBytes(maxBody))
	}
	text, w := repairText([]byte(s))
	return trimBlankLines(text), append(warns, w...)
}
