package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

// headerLines renders the posting's header wrapped to width: title, then
// labelled fields, tags, keywords, links, paths and warnings.
func headerLines(st *Styles, p *model.Posting, width int, ann Annotations, now time.Time) []string {
	return append(titleLines(st, p, width, ann), headerFields(st, p, width, ann, now, true)...)
}

// compactHeader is the header of a short pane: the title, then company ·
// location · date on one line. rest is what it leaves out, to show below
// the body: the other fields, tags, keywords, links, paths and warnings.
func compactHeader(st *Styles, p *model.Posting, width int, ann Annotations, now time.Time) (top, rest []string) {
	var meta []string
	for _, v := range []string{clean(p.Company), clean(p.Location)} {
		if v != "" {
			meta = append(meta, v)
		}
	}
	if !p.Date.IsZero() {
		meta = append(meta, st.postedDate(p.Date, now))
	}
	top = titleLines(st, p, width, ann)
	if len(meta) > 0 {
		top = append(top, fit(st.Value.Render(strings.Join(meta, model.MetaSep)), width))
	}
	return top, headerFields(st, p, width, ann, now, false)
}

// titleLines is the title of p wrapped to width, ★ in front when it is
// shortlisted.
func titleLines(st *Styles, p *model.Posting, width int, ann Annotations) []string {
	title := clean(p.Title)
	if title == "" {
		title = "(untitled)"
	}
	if ann != nil && p.ID != "" && ann.Shortlisted(p.ID) {
		title = "★ " + title
	}
	return wrapped(st.HeaderTitle.Render(title), width)
}

// wrapped is s wrapped at spaces to width, each line fitted to it.
func wrapped(s string, width int) []string {
	var out []string
	for _, l := range strings.Split(ansi.Wrap(s, width, " "), "\n") {
		out = append(out, fit(l, width))
	}
	return out
}

// headerFields renders the labelled lines of the header under the title:
// company, location and date when withMeta, then salary, type, tags,
// keywords, links, paths and warnings.
func headerFields(st *Styles, p *model.Posting, width int, ann Annotations, now time.Time, withMeta bool) []string {
	var out []string
	field := func(label, value string) {
		value = clean(value)
		if value == "" {
			return
		}
		out = append(out, labelled(st, label, value, width)...)
	}
	if withMeta {
		field("Company ", p.Company)
		field("Location", p.Location)
		if !p.Date.IsZero() {
			field("Posted  ", st.postedDate(p.Date, now))
		}
	}
	field("Salary  ", p.Salary)
	typ := p.EmploymentType
	if p.Remote {
		if typ != "" {
			typ += ", "
		}
		typ += "remote"
	}
	field("Type    ", typ)
	if ann != nil && p.ID != "" {
		var tags []string
		for _, t := range ann.Tags(p.ID) {
			if t = clean(t); t != "" {
				tags = append(tags, st.Tag(t).Render(t))
			}
		}
		if len(tags) > 0 {
			out = append(out, fit(st.Label.Render("Tags     ")+strings.Join(tags, " "), width))
		}
	}
	if len(p.Keywords) > 0 {
		kw := make([]string, 0, len(p.Keywords))
		for _, k := range p.Keywords {
			if k = clean(k); k != "" {
				kw = append(kw, k)
			}
		}
		field("Keywords", strings.Join(kw, ", "))
	}
	link := func(label, uri string) {
		if uri = clean(uri); uri != "" {
			out = append(out, linked(labelled(st, label, uri, width), uri)...)
		}
	}
	link("URL     ", p.URL)
	if p.ApplyURL != p.URL {
		link("Apply   ", p.ApplyURL)
	}
	for i, path := range p.AllPaths() {
		label := "File    "
		if i > 0 {
			label = "Also    "
		}
		field(label, path)
	}
	for _, w := range p.Warnings() {
		if w = clean(w); w != "" {
			out = append(out, wrapped(st.Warning.Render("⚠ "+w), width)...)
		}
	}
	return out
}

// clampInt returns v limited to [lo, hi].
func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// labelIndent is the width of a header label and the space after it.
const labelIndent = 9

// labelled renders "Label    value" wrapped to width, continuation lines
// indented under the value. Long words (URLs, paths) are broken hard.
func labelled(st *Styles, label, value string, width int) []string {
	if width <= labelIndent+4 {
		return []string{fit(st.Label.Render(label+" ")+st.Value.Render(value), width)}
	}
	lines := wrapPlain(value, width-labelIndent)
	out := make([]string, len(lines))
	for i, l := range lines {
		prefix := strings.Repeat(" ", labelIndent)
		if i == 0 {
			prefix = st.Label.Render(label + " ")
		}
		out[i] = fit(prefix+st.Value.Render(l), width)
	}
	return out
}

// wrapPlain wraps plain text s to width cells at spaces, breaking words
// wider than a line (URLs, paths) wherever they reach the edge.
func wrapPlain(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	cw := 0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		cw = 0
	}
	for _, word := range strings.Fields(s) {
		ww := ansi.StringWidth(word)
		if cw > 0 && cw+1+ww > width {
			flush()
		}
		if cw > 0 {
			cur.WriteByte(' ')
			cw++
		}
		for _, r := range word {
			rw := runeWidth(r)
			if cw+rw > width && cw > 0 {
				flush()
			}
			cur.WriteRune(r)
			cw += rw
		}
	}
	if cw > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// linked makes each of lines a terminal hyperlink (OSC 8) to uri when uri
// is an http, https or mailto address; other addresses stay plain text.
// Every line carries its own link so a wrapped URL stays clickable.
func linked(lines []string, uri string) []string {
	if !safeURI(uri) {
		return lines
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = ansi.SetHyperlink(uri) + l + ansi.ResetHyperlink()
	}
	return out
}
