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

// renderCache holds rendered bodies, the most recent size of them, and
// the renders on their way, each with the cancel func of its context.
type renderCache struct {
	size    int
	entries map[renderKey][]string
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
		entries: map[renderKey][]string{},
		pending: map[renderKey]context.CancelFunc{},
		slots:   make(chan struct{}, renderSlots),
	}
}

// get returns the cached lines for k.
func (c *renderCache) get(k renderKey) ([]string, bool) {
	l, ok := c.entries[k]
	return l, ok
}

// put caches lines for k, evicting the oldest entry when full.
func (c *renderCache) put(k renderKey, lines []string) {
	c.done(k)
	if _, ok := c.entries[k]; ok {
		c.entries[k] = lines
		return
	}
	if len(c.order) >= c.size {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
	c.entries[k] = lines
	c.order = append(c.order, k)
}

// done forgets the render of k on its way.
func (c *renderCache) done(k renderKey) {
	if cancel, ok := c.pending[k]; ok {
		cancel()
		delete(c.pending, k)
	}
}

// want returns a Cmd rendering k unless it is cached or on its way.
func (c *renderCache) want(k renderKey, read bodyReader) tea.Cmd {
	if k.p == nil || k.width <= 0 {
		return nil
	}
	if _, ok := c.entries[k]; ok {
		return nil
	}
	if _, ok := c.pending[k]; ok {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.pending[k] = cancel
	return renderCmd(ctx, k, read, c.slots)
}

// keep cancels every render on its way but those of wanted: a posting the
// cursor left, or a width or style no longer shown, stops rendering.
func (c *renderCache) keep(wanted ...renderKey) {
	for k := range c.pending {
		if !slices.Contains(wanted, k) {
			c.done(k)
		}
	}
}

var (
	osc8       = regexp.MustCompile(`\x1b\]8;([^;\x07\x1b]*);([^\x07\x1b]*)(\x07|\x1b\\)`)
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
