package ui

import (
	"context"
	"regexp"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// renderKey identifies one glamour rendering: the same posting at the same
// width in the same style looks the same.
type renderKey struct {
	p     *model.Posting
	width int
	style glamourStyle
}

// renderedMsg carries a body rendered off the UI goroutine. When cont is
// not nil the lines are the body's head and cont renders the rest.
type renderedMsg struct {
	key   renderKey
	lines []string
	err   error
	cont  tea.Cmd
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
// cacheSize of them, and the renderings on their way, each with the cancel
// func of its context.
type renderCache struct {
	size    int
	entries map[renderKey]rendered
	order   []renderKey
	pending map[renderKey]context.CancelFunc
	slots   chan struct{} // renders running glamour at once
}

const (
	cacheSize   = 64
	renderSlots = 2 // one core for the loader and the filter while two render
)

// newRenderCache returns an empty cache of at most size bodies.
func newRenderCache(size int) *renderCache {
	return &renderCache{
		size:    size,
		entries: map[renderKey]rendered{},
		pending: map[renderKey]context.CancelFunc{},
		slots:   make(chan struct{}, renderSlots),
	}
}

// get returns the cached rendering of k.
func (c *renderCache) get(k renderKey) (rendered, bool) {
	r, ok := c.entries[k]
	return r, ok
}

// put caches r for k, evicting the oldest entry when full; k is no longer
// on its way.
func (c *renderCache) put(k renderKey, r rendered) {
	c.done(k)
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
	_, cached := c.entries[k]
	_, onItsWay := c.pending[k]
	return !cached && !onItsWay
}

// started marks k on its way: a Cmd rendering it under a context that
// cancel cancels was handed to the program.
func (c *renderCache) started(k renderKey, cancel context.CancelFunc) { c.pending[k] = cancel }

// done forgets the render of k on its way, cancelling its context.
func (c *renderCache) done(k renderKey) {
	if cancel, ok := c.pending[k]; ok {
		cancel()
		delete(c.pending, k)
	}
}

// keep cancels every render on its way but those of wanted: a posting the
// cursor left, or a width or style no longer shown, stops rendering.
func (c *renderCache) keep(wanted []renderKey) {
	for k := range c.pending {
		if !slices.Contains(wanted, k) {
			c.done(k)
		}
	}
}

var (
	emptySGR   = regexp.MustCompile(`\x1b\[[0-9;:]*m\x1b\[0?m`)
	manyResets = regexp.MustCompile(`(\x1b\[0?m){2,}`)
)

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
