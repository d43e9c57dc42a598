package model

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// resultCacheSize is how many recent filter results a collection keeps, so
// that deleting the last typed characters (which cannot narrow) shows the
// earlier lists again at once.
const resultCacheSize = 12

// resultCache remembers the rows of recent filters by query, sort order and
// snapshot length. Only queries and sort orders that do not read
// annotations are kept:
// their rows depend on nothing else. Safe for concurrent use.
type resultCache struct {
	mu      sync.Mutex
	entries []cachedRows // most recent last
}

type cachedRows struct {
	key  string
	n    int // the snapshot length the rows are for
	rows []int32
}

// cacheKey identifies the rows of q over the first n postings in order o;
// "" means q must not be cached.
func cacheKey(q Query, o SortOrder, n int) string {
	if q.volatile() || o.tracks() {
		return ""
	}
	var b strings.Builder
	b.WriteString(strconv.Itoa(n))
	b.WriteByte('/')
	b.WriteString(strconv.Itoa(int(o)))
	if q.expr != nil {
		b.WriteByte(0)
		b.WriteString(q.canon(q.expr))
		return b.String()
	}
	for _, t := range q.Terms {
		b.WriteByte(0)
		b.WriteString(strconv.Itoa(int(t.Scope)))
		if t.Negate {
			b.WriteByte('-')
		}
		b.WriteByte(':')
		b.WriteString(t.Text)
	}
	return b.String()
}

// get returns the cached rows for key.
func (c *resultCache) get(key string) ([]int32, bool) {
	if key == "" {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := len(c.entries) - 1; i >= 0; i-- {
		if c.entries[i].key == key {
			e := c.entries[i]
			c.entries = append(append(c.entries[:i:i], c.entries[i+1:]...), e)
			return e.rows, true
		}
	}
	return nil, false
}

// put remembers rows for key, the rows over the first n postings. It drops
// the entries for fewer postings (while a folder streams in, every
// refilter is for a longer snapshot than the last, and the lists for the
// shorter ones would only hold memory), and the least recently used entry
// when full.
func (c *resultCache) put(key string, n int, rows []int32) {
	if key == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := range c.entries {
		if c.entries[i].key == key {
			return
		}
	}
	c.entries = slices.DeleteFunc(c.entries, func(e cachedRows) bool { return e.n < n })
	if len(c.entries) >= resultCacheSize {
		c.entries = append(c.entries[:0:0], c.entries[1:]...)
	}
	c.entries = append(c.entries, cachedRows{key: key, n: n, rows: rows})
}
