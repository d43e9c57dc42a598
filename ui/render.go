package ui

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

// renderKey identifies one glamour rendering: the same posting at the same
// width in the same style looks the same.
type renderKey struct {
	p     *model.Posting
	width int
	style string
}

// renderedMsg carries a body rendered off the UI goroutine.
type renderedMsg struct {
	key   renderKey
	lines []string
	err   error
}

// bodyReader returns the markdown body of p, reading it again from disk
// when the loader dropped it.
type bodyReader func(p *model.Posting) (string, error)

// rendered is one rendering in the cache: the body's lines, or why it
// could not be rendered.
type rendered struct {
	lines  []string
	failed string
}

// renderCache holds rendered bodies (and failures), the most recent
// cacheSize of them, and which renderings are on their way.
type renderCache struct {
	size    int
	entries map[renderKey]rendered
	order   []renderKey
	pending map[renderKey]bool
}

const cacheSize = 64

// newRenderCache returns an empty cache of at most size bodies.
func newRenderCache(size int) *renderCache {
	return &renderCache{size: size, entries: map[renderKey]rendered{}, pending: map[renderKey]bool{}}
}

// get returns the cached rendering of k.
func (c *renderCache) get(k renderKey) (rendered, bool) {
	r, ok := c.entries[k]
	return r, ok
}

// put caches r for k, evicting the oldest entry when full; k is no longer
// on its way.
func (c *renderCache) put(k renderKey, r rendered) {
	delete(c.pending, k)
	if _, ok := c.entries[k]; ok {
		c.entries[k] = r
		return
	}
	if len(c.order) >= c.size {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
	c.entries[k] = r
	c.order = append(c.order, k)
}

// needs reports whether k is neither cached nor on its way. It marks
// nothing: the caller that issues the render says so with started.
func (c *renderCache) needs(k renderKey) bool {
	_, ok := c.entries[k]
	return !ok && !c.pending[k]
}

// started marks k on its way: a Cmd rendering it was handed to the
// program.
func (c *renderCache) started(k renderKey) { c.pending[k] = true }

var (
	osc8       = regexp.MustCompile(`\x1b\]8;([^;\x07\x1b]*);([^\x07\x1b]*)(\x07|\x1b\\)`)
	emptySGR   = regexp.MustCompile(`\x1b\[[0-9;:]*m\x1b\[0?m`)
	manyResets = regexp.MustCompile(`(\x1b\[0?m){2,}`)
)

// renderBody reads and renders the body of k.p with glamour at k.width.
// Glamour output is the only source of escape sequences in the result: the
// markdown is cleaned of control characters first. Lines are cut to the
// width (glamour pads them to the wrap width, glamour #235) and blank lines
// at both ends are dropped.
func renderBody(_ context.Context, k renderKey, read bodyReader) (msg renderedMsg) {
	msg.key = k
	defer func() {
		if r := recover(); r != nil {
			msg.lines, msg.err = nil, fmt.Errorf("rendering the body: %v", r)
		}
	}()
	body, err := read(k.p)
	if err != nil {
		msg.err = fmt.Errorf("reading the body: %w", err)
		return msg
	}
	body = cleanBody(body)
	if strings.TrimSpace(body) == "" {
		msg.lines = []string{"(no description)"}
		return msg
	}
	wrap := max(k.width-2, 10) // glamour's document margin is 2 columns
	// Glamour reflows paragraphs and ignores markdown hard line breaks
	// (glamour #84); postings are hand-wrapped text whose line breaks carry
	// meaning ("Company: …" lines, addresses), so keep them.
	r, err := glamour.NewTermRenderer(glamour.WithStyles(glamourConfig(k.style)), glamour.WithWordWrap(wrap), glamour.WithPreservedNewLines())
	if err != nil {
		msg.err = fmt.Errorf("setting up glamour: %w", err)
		return msg
	}
	out, err := r.Render(body)
	if err != nil {
		msg.err = fmt.Errorf("rendering the body: %w", err)
		return msg
	}
	lines := strings.Split(safeLinks(out), "\n")
	for i, l := range lines {
		// Drop glamour's padding (glamour #235): cut the line after its
		// last visible character, and never wider than the pane.
		w := ansi.StringWidth(strings.TrimRight(ansi.Strip(l), " "))
		if w < ansi.StringWidth(l) {
			l = ansi.Truncate(l, min(w, k.width), "")
			// Truncate keeps the styles of the cut padding: a style set
			// and reset at once is a reset, and resets in a row are one.
			l = emptySGR.ReplaceAllString(l, "\x1b[m")
			l = manyResets.ReplaceAllString(l, "\x1b[m")
		}
		lines[i] = l
	}
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	msg.lines = lines
	return msg
}

// safeLinks keeps glamour's OSC 8 hyperlinks only for web and mail
// addresses: a link to javascript:, file: or any other scheme is shown as
// text but is not clickable.
func safeLinks(s string) string {
	return osc8.ReplaceAllStringFunc(s, func(seq string) string {
		uri := osc8.FindStringSubmatch(seq)[2]
		if uri == "" || safeURI(uri) {
			return seq
		}
		return ""
	})
}

// safeURI reports whether uri is an http, https or mailto address.
func safeURI(uri string) bool {
	scheme, _, ok := strings.Cut(uri, ":")
	if !ok {
		return false
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto":
		return true
	}
	return false
}
