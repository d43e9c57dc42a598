package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// detailPane shows one posting: its header, then its body rendered by
// glamour, scrolled by an offset. It owns the [renderCache] of rendered
// bodies and the renders on their way, and asks for renders only from
// [detailPane.reconcile], whose Cmd the root returns from every Update:
// no render is marked on its way and then dropped.
type detailPane struct {
	p       *model.Posting
	width   int
	style   glamourStyle // glamour style of the body
	height  int          // lines on screen
	header  []string
	after   []string  // what a short pane shows of the header below the body
	hkey    headerKey // what header and after were drawn from
	body    []string  // nil until glamour's rendering arrived
	failed  string    // why the body could not be rendered
	lines   []string  // header, a rule, then the body
	off     int       // first line on screen
	bodyAt  int       // lines[bodyAt:bodyEnd] are the body's
	bodyEnd int
	find    detailFind

	cache *renderCache
	read  bodyReader
}

// newDetailPane returns an empty pane reading bodies with read.
func newDetailPane(read bodyReader) detailPane {
	return detailPane{cache: newRenderCache(cacheSize), read: read}
}

// detailWant is what the pane should show: posting p (nil: none) at width
// in glamour style, with ahead the postings to render before they are
// asked for.
type detailWant struct {
	p     *model.Posting
	width int
	style glamourStyle
	ahead []*model.Posting
}

// detailLook is what the header is drawn from besides the posting.
type detailLook struct {
	st    *Styles
	ann   Annotations
	now   time.Time
	extra func(p *model.Posting, width int) []string
}

// reconcile makes the pane show w: a new posting, width or style starts
// at the top with its body from the cache or "rendering…"; the header is
// redrawn from look (tags, the note and the date may have changed). It
// returns the renders w still needs: its body and the bodies ahead.
func (d *detailPane) reconcile(w detailWant, look detailLook) tea.Cmd {
	if d.p != w.p || d.width != w.width {
		d.off = 0
	}
	changed := d.p != w.p || d.width != w.width || d.style != w.style
	if changed {
		d.p, d.width, d.style = w.p, w.width, w.style
		d.body, d.failed = nil, ""
	}
	if k, extra := d.headerKey(look); changed || k != d.hkey {
		d.header, d.after = d.headerOf(look, extra)
		d.hkey = k
		changed = true
	}
	if d.p != nil && d.body == nil && d.failed == "" {
		if r, ok := d.cache.get(d.key(d.p)); ok {
			d.body, d.failed = r.lines, r.failed
			changed = true
		}
	}
	if changed || d.lines == nil {
		d.join(look.st)
	}
	if d.p == nil {
		return nil
	}
	wanted := make([]renderKey, 0, 1+len(w.ahead))
	wanted = append(wanted, d.key(d.p))
	for _, p := range w.ahead {
		wanted = append(wanted, d.key(p))
	}
	d.cache.keep(wanted)
	cmds := make([]tea.Cmd, 0, len(wanted))
	for _, k := range wanted {
		cmds = append(cmds, d.request(k))
	}
	return tea.Batch(cmds...)
}

// key names the rendering of p at the pane's width and style.
func (d *detailPane) key(p *model.Posting) renderKey {
	return renderKey{p: p, width: d.width, style: d.style}
}

// request returns a Cmd rendering k and marks it on its way, unless it is
// cached or on its way already.
func (d *detailPane) request(k renderKey) tea.Cmd {
	if k.p == nil || k.width <= 0 || !d.cache.needs(k) {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	d.cache.started(k, cancel)
	return renderCmd(ctx, k, d.read, d.cache.slots)
}

// onRendered caches a rendered body; the next reconcile shows it if it
// belongs on screen. The head of a long body is shown at once, if it
// belongs on screen, and the Cmd returned renders the rest; a render
// that was cancelled is dropped (keep forgot it when it cancelled it).
func (d *detailPane) onRendered(msg renderedMsg) tea.Cmd {
	switch {
	case errors.Is(msg.err, errCancelled):
		return nil
	case msg.cont != nil:
		if msg.key == d.key(d.p) {
			d.body, d.failed = msg.lines, ""
			d.lines = nil
		}
		return msg.cont
	}
	failed := ""
	if msg.err != nil {
		failed = msg.err.Error()
	}
	d.cache.put(msg.key, rendered{lines: msg.lines, failed: failed})
	if msg.key == d.key(d.p) {
		d.body, d.failed = nil, "" // the next reconcile takes it from the cache
	}
	return nil
}

// headerKey is everything the header of a posting is drawn from that can
// change while it is shown, in a form cheap to compare: drawing the
// header styles every line, comparing this does not.
type headerKey struct {
	p          *model.Posting
	width      int
	height     int // a short pane compacts the header
	style      glamourStyle
	star       bool
	tags       string // the user's tags, NUL-separated
	age        string // how long ago it was posted, as the header says
	paths      int    // files holding it (duplicates merge in while loading)
	extra      string // look.extra's lines, NUL-separated
	extraLines int
}

// headerKey returns what the header of the posting shown is drawn from,
// and look.extra's lines for it.
func (d *detailPane) headerKey(look detailLook) (k headerKey, extra []string) {
	k = headerKey{p: d.p, width: d.width, height: d.height, style: d.style}
	if d.p == nil {
		return k, nil
	}
	if look.ann != nil && d.p.ID != "" {
		k.star = look.ann.Shortlisted(d.p.ID)
		k.tags = strings.Join(look.ann.Tags(d.p.ID), "\x00")
	}
	k.age = relDate(d.p.Date, look.now)
	k.paths = len(d.p.Paths())
	if look.extra != nil {
		extra = look.extra(d.p, d.width)
		k.extra, k.extraLines = strings.Join(extra, "\x00"), len(extra)
	}
	return k, extra
}

// shortPane is the height below which a header that would take half the
// pane or more is compacted, so the body shows without scrolling.
const shortPane = 16

// headerOf draws the header of the posting shown, with the extra lines
// under it. In a short pane where it would take half the pane or more,
// header is only the title and one line of company · location · date,
// and after holds the rest, to show below the body.
func (d *detailPane) headerOf(look detailLook, extra []string) (header, after []string) {
	if d.p == nil {
		return nil, nil
	}
	header = headerLines(look.st, d.p, d.width, look.ann, look.now)
	if d.height < shortPane && len(header)+len(extra)+1 >= d.height/2 {
		header, after = compactHeader(look.st, d.p, d.width, look.ann, look.now)
		for _, l := range extra {
			after = append(after, fit(l, d.width))
		}
		return header, after
	}
	for _, l := range extra {
		header = append(header, fit(l, d.width))
	}
	return header, nil
}

// join lays out the pane: header, a rule, then the body, its placeholder
// or the reason it failed, then (in a short pane) a rule and the rest of
// the header.
func (d *detailPane) join(st *Styles) {
	d.lines = d.lines[:0]
	if d.p == nil {
		d.lines = append(d.lines, fit(st.Dim.Render("no posting selected"), d.width))
		d.bodyAt, d.bodyEnd = 0, 0
		d.mark(st)
		return
	}
	rule := fit(st.Separator.Render(strings.Repeat("─", max(d.width, 0))), d.width)
	d.lines = append(d.lines, d.header...)
	d.lines = append(d.lines, rule)
	d.bodyAt = len(d.lines)
	d.lines = d.appendBody(st, d.lines)
	d.bodyEnd = len(d.lines)
	if len(d.after) > 0 {
		d.lines = append(append(d.lines, rule), d.after...)
	}
	d.mark(st)
}

// appendBody appends to lines the body fitted to the width, its
// placeholder or the reason it failed.
func (d *detailPane) appendBody(st *Styles, lines []string) []string {
	switch {
	case d.failed != "":
		return append(lines, fit(st.Error.Render(clean(d.failed)), d.width))
	case d.body == nil:
		return append(lines, fit(st.Dim.Render("rendering…"), d.width))
	}
	for _, l := range d.body {
		lines = append(lines, fit(l, d.width))
	}
	return lines
}

// scroll moves the offset by n lines within [0, len-height].
func (d *detailPane) scroll(n int) {
	d.off = clampInt(d.off+n, 0, max(len(d.lines)-d.height, 0))
}

// page is how far a page key scrolls.
func (d *detailPane) page() int { return max(d.height-1, 1) }

// position returns the lines on screen (first and last, from 1) and how
// many there are; ok is false when all of them fit.
func (d *detailPane) position() (first, last, total int, ok bool) {
	total = len(d.lines)
	if total <= d.height {
		return 0, 0, total, false
	}
	return d.off + 1, min(d.off+d.height, total), total, true
}

// view returns height lines from the offset, padding with blank lines.
func (d *detailPane) view() []string {
	out := make([]string, 0, d.height)
	d.off = clampInt(d.off, 0, max(len(d.lines)-d.height, 0))
	for i := d.off; i < len(d.lines) && len(out) < d.height; i++ {
		if l, ok := d.find.marked[i]; ok {
			out = append(out, l)
			continue
		}
		out = append(out, d.lines[i])
	}
	blank := strings.Repeat(" ", max(d.width, 0))
	for len(out) < d.height {
		out = append(out, blank)
	}
	return out
}
