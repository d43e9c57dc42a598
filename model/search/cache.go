package search

import (
	"slices"
	"sync"
)

// cacheSize is how many results [Index.Search] keeps: the terms of the
// query being typed and a few before it. A result of every posting of 100k
// takes about 4 MB.
const cacheSize = 4

// resultCache keeps the last few results, each tagged with the index's
// write generation it was read at: a write by any process makes them stale.
type resultCache struct {
	mu      sync.Mutex
	entries []cacheEntry // most recent last
	docs    int          // the number of documents at generation docsGen
	docsGen int64
	counted bool

	commons   map[string]bool // whether a word is in half the documents, at generation commonGen
	commonGen int64
}

type cacheEntry struct {
	key string
	gen int64
	f   found
}

// get returns the result cached for key at generation gen.
func (c *resultCache) get(key string, gen int64) (found, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, e := range c.entries {
		if e.key == key && e.gen == gen {
			c.entries = append(slices.Delete(c.entries, i, i+1), e)
			return e.f, true
		}
	}
	return found{}, false
}

// put caches f for key at generation gen, dropping the oldest entry and
// any entry of an older generation.
func (c *resultCache) put(key string, gen int64, f found) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = slices.DeleteFunc(c.entries, func(e cacheEntry) bool { return e.gen != gen || e.key == key })
	if len(c.entries) >= cacheSize {
		c.entries = slices.Delete(c.entries, 0, 1)
	}
	c.entries = append(c.entries, cacheEntry{key: key, gen: gen, f: f})
}

// count returns the number of documents cached for generation gen.
func (c *resultCache) count(gen int64) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.docs, c.counted && c.docsGen == gen
}

// setCount caches the number of documents at generation gen.
func (c *resultCache) setCount(gen int64, n int) {
	c.mu.Lock()
	c.docs, c.docsGen, c.counted = n, gen, true
	c.mu.Unlock()
}

// common returns whether the word w was found in half the documents or
// more at generation gen, if it was looked up at gen.
func (c *resultCache) common(gen int64, w string) (common, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.commonGen != gen {
		return false, false
	}
	common, ok = c.commons[w]
	return common, ok
}

// setCommon records whether w is in half the documents or more at
// generation gen, forgetting the words of other generations.
func (c *resultCache) setCommon(gen int64, w string, common bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.commonGen != gen || c.commons == nil || len(c.commons) >= maxCommons {
		c.commons, c.commonGen = map[string]bool{}, gen
	}
	c.commons[w] = common
}

// maxCommons bounds the words whose frequency is remembered: those typed
// since the last write, a few dozen bytes each.
const maxCommons = 1024
