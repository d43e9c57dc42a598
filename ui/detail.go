package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

// detail is the scroll state of the detail pane: the posting shown, its
// lines (header, then body) fitted to the pane width, and the offset.
type detail struct {
	p      *model.Posting
	width  int
	header []string
	body   []string // nil until glamour's rendering arrived
	failed string   // why the body could not be rendered
	lines  []string
	off    int
}

// set shows p at width, keeping the offset when p and width are unchanged.
func (d *detail) set(st *Styles, p *model.Posting, width int, ann Annotations, now time.Time) {
	if d.p != p || d.width != width {
		d.off = 0
		d.body, d.failed = nil, ""
	}
	d.p, d.width = p, width
	d.header = nil
	if p != nil {
		d.header = headerLines(st, p, width, ann, now)
	}
	d.join(st)
}

// setBody installs the rendered body lines (or the reason there are none).
func (d *detail) setBody(st *Styles, lines []string, failed string) {
	d.body, d.failed = lines, failed
	d.join(st)
}

// join lays out the pane: header, a rule, then the body, its placeholder
// or the reason it failed.
func (d *detail) join(st *Styles) {
	d.lines = d.lines[:0]
	if d.p == nil {
		d.lines = append(d.lines, fit(st.Dim.Render("no posting selected"), d.width))
		return
	}
	d.lines = append(d.lines, d.header...)
	d.lines = append(d.lines, fit(st.Separator.Render(strings.Repeat("─", max(d.width, 0))), d.width))
	switch {
	case d.failed != "":
		d.lines = append(d.lines, fit(st.Error.Render(clean(d.failed)), d.width))
	case d.body == nil:
		d.lines = append(d.lines, fit(st.Dim.Render("rendering…"), d.width))
	default:
		for _, l := range d.body {
			d.lines = append(d.lines, fit(l, d.width))
		}
	}
}

// scroll moves the offset by n lines within [0, len-height].
func (d *detail) scroll(n, height int) {
	d.off = clampInt(d.off+n, 0, max(len(d.lines)-height, 0))
}

// view returns height lines from the offset, padding with blank lines.
func (d *detail) view(height int) []string {
	out := make([]string, 0, height)
	d.off = clampInt(d.off, 0, max(len(d.lines)-height, 0))
	for i := d.off; i < len(d.lines) && len(out) < height; i++ {
		out = append(out, d.lines[i])
	}
	blank := strings.Repeat(" ", max(d.width, 0))
	for len(out) < height {
		out = append(out, blank)
	}
	return out
}

// headerLines renders the posting's header wrapped to width: title, then
// labelled fields, tags, keywords, links, paths and warnings.
func headerLines(st *Styles, p *model.Posting, width int, ann Annotations, now time.Time) []string {
	var out []string
	add := func(s string) {
		for _, l := range strings.Split(ansi.Wrap(s, width, " "), "\n") {
			out = append(out, fit(l, width))
		}
	}
	title := clean(p.Title)
	if title == "" {
		title = "(untitled)"
	}
	if ann != nil && p.ID != "" && ann.Shortlisted(p.ID) {
		title = "★ " + title
	}
	add(st.HeaderTitle.Render(title))
	field := func(label, value string) {
		value = clean(value)
		if value == "" {
			return
		}
		out = append(out, labelled(st, label, value, width)...)
	}
	field("Company ", p.Company)
	field("Location", p.Location)
	if !p.Date.IsZero() {
		field("Posted  ", st.postedDate(p.Date, now))
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
	for _, w := range p.Warnings {
		if w = clean(w); w != "" {
			add(st.Warning.Render("⚠ " + w))
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
