package model

import (
	"runtime"
	"slices"
)

// Collection is the growing set of postings the browser shows. One goroutine
// owns it (the UI's Update loop): only that goroutine may call Add, Merge or
// the accessors. Snapshot hands other goroutines (a filter running in a
// tea.Cmd) an immutable view of the postings added so far; later Adds never
// touch what a Snapshot sees.
//
// For every posting the collection keeps a search key (title, company,
// location and keywords, as typed and case-folded, in one string for the
// postings of an Add that go into one chunk of keyChunkLen, with byte
// masks), an order key (the date and the title's first bytes, for
// sorting), an ID index and the sort orders asked for: about 326 bytes a posting of typical length, 33 MB for
// 100k (BenchmarkCollectionMemory).
type Collection struct {
	postings  []*Posting
	keys      chunks[entry]
	facts     chunks[facts]
	orderKeys chunks[orderKey]
	classes   textClasses
	scratch   keyScratch // what Add builds the search keys in
	scratch2  keyScratch // and its second goroutine (see fillRuns)
	// pathUnordered is set once a posting was added whose Path sorts
	// before the previous one's; until then the order of the postings is
	// the order of their paths, and sorts break ties by index alone.
	pathUnordered bool
	byID          IDMap // the ids of the first byIDn postings, built on demand (see index)
	byIDn         int
	shared        *collShared
}

// keyChunkLen is how many search keys one chunk of a collection holds.
const keyChunkLen = 1 << 11

// chunks holds the search key, facts or order key of posting i at
// [i/keyChunkLen][i%keyChunkLen]. The chunks are fixed arrays, filled in
// order and never moved: a growing collection allocates one more chunk
// instead of copying every key into a bigger slice (which at 1M postings
// copied ~100 MB of search keys at a time and held the old copy beside the
// new, and at 100k streaming in allocated four times the order keys it
// kept), and a snapshot can share the chunks it sees.
type chunks[T any] []*[keyChunkLen]T

// at returns element i.
func (c chunks[T]) at(i int) *T { return &c[uint(i)/keyChunkLen][uint(i)%keyChunkLen] }

// collShared is what a Collection and all its Snapshots share: the caches of
// sort orders and recent results, and an identity Filter uses to tell whether a previous Result
// came from the same collection.
type collShared struct {
	sorts   sortCache
	results resultCache
	ids     idIndex
}

// NewCollection returns an empty Collection.
func NewCollection() *Collection {
	return &Collection{shared: &collShared{}}
}

// NewCollectionOf returns a Collection of ps, as Add adds them, with their
// search keys built on two goroutines when there are many: a whole folder
// loaded before it is shown, as `jobdeck list` has it, with the cores
// otherwise idle. (A browser streaming postings in calls Add, which builds
// them on one, beside the loader's own goroutines.)
func NewCollectionOf(ps []*Posting) *Collection {
	c := NewCollection()
	c.add(true, ps)
	return c
}

// Add appends postings in order, skipping nil ones, and builds their search
// keys. A posting whose ID is already present is still added (the loader
// reports duplicates through Merge); ByID keeps returning the first.
// The postings must not be modified afterwards except through Merge.
func (c *Collection) Add(ps ...*Posting) { c.add(false, ps) }

// AddParallel adds each of batches in turn, as [Collection.Add] does, with
// the keys of all of them built at once on two goroutines when they are
// many (as [NewCollectionOf] builds them): for a caller with the cores to
// spare, such as a browser adding the last batches of a load once the
// loader is done.
func (c *Collection) AddParallel(batches ...[]*Posting) { c.add(true, batches...) }

// add adds each of batches in turn, building their keys on two goroutines
// when parallel (see fillRuns).
func (c *Collection) add(parallel bool, batches ...[]*Posting) {
	if c.classes == nil {
		c.classes = textClasses{}
	}
	var runs []keyRun
	n := 0
	for _, ps := range batches {
		var k int
		runs, k = c.appendBatch(runs, ps)
		n += k
	}
	c.fillRuns(runs, n, parallel)
	for _, r := range runs { // the classes are numbered in order, on this goroutine
		fillOrderKeys(c.orderKeys[r.ci][r.off:r.off+len(r.ps)], r.ps, c.keys[r.ci][r.off:r.off+len(r.ps)], c.classes)
	}
}

// appendBatch appends the postings of ps that are not nil (as many as fit
// under maxPostings) and the runs of chunk room their keys go into to
// runs; it returns runs and how many postings it appended.
func (c *Collection) appendBatch(runs []keyRun, ps []*Posting) ([]keyRun, int) {
	add := ps
	if slices.Contains(ps, nil) || len(c.postings)+len(ps) > maxPostings {
		add = make([]*Posting, 0, len(ps))
		for _, p := range ps {
			if p != nil && len(c.postings)+len(add) < maxPostings {
				add = append(add, p)
			}
		}
	}
	base := len(c.postings)
	if !c.pathUnordered {
		c.pathUnordered = !pathsFollow(c.postings, add)
	}
	c.growFor(len(add))
	c.postings = append(c.postings, add...)
	// Keys are built straight into their chunks, the postings of one chunk
	// at a time, so that adding a whole folder at once (as `jobdeck list`
	// does) needs no more scratch memory than a batch.
	for lo := 0; lo < len(add); {
		i := base + lo
		ci, off := i/keyChunkLen, i%keyChunkLen
		if ci == len(c.keys) {
			c.keys = append(c.keys, new([keyChunkLen]entry))
			c.facts = append(c.facts, new([keyChunkLen]facts))
			c.orderKeys = append(c.orderKeys, new([keyChunkLen]orderKey))
		}
		n := min(keyChunkLen-off, len(add)-lo)
		runs = append(runs, keyRun{ci: ci, off: off, ps: add[lo : lo+n]})
		lo += n
	}
	return runs, len(add)
}

// growFor makes room for n more postings, doubling the room when it is
// short: append grows a large slice by a quarter at a time, which for a
// browser streaming in a million postings, a batch at a time, allocated
// 46 MB to hold 8 MB of pointers, each old array kept by the snapshots of
// it until they went.
func (c *Collection) growFor(n int) {
	need := len(c.postings) + n
	if need <= cap(c.postings) {
		return
	}
	grown := make([]*Posting, len(c.postings), max(need, 2*cap(c.postings)))
	copy(grown, c.postings)
	c.postings = grown
}

// keyRun is postings ps of one chunk of a collection, from offset off of
// chunk ci on.
type keyRun struct {
	ci, off int
	ps      []*Posting
}

// parallelAddMin is the fewest postings [NewCollectionOf] builds the
// search keys and facts of on two goroutines.
const parallelAddMin = 4 * keyChunkLen

// fillRuns builds the search keys and facts of runs, n postings in all,
// half of them on a goroutine of their own (with scratch2) when parallel,
// n is parallelAddMin or more and there is more than one processor.
func (c *Collection) fillRuns(runs []keyRun, n int, parallel bool) {
	fill := func(runs []keyRun, sc *keyScratch) {
		for _, r := range runs {
			fillEntries(c.keys[r.ci][r.off:r.off+len(r.ps)], r.ps, sc)
			fillFacts(c.facts[r.ci][r.off:r.off+len(r.ps)], r.ps)
		}
	}
	if !parallel || n < parallelAddMin || runtime.GOMAXPROCS(0) < 2 {
		fill(runs, &c.scratch)
		return
	}
	half := len(runs) / 2
	done := make(chan struct{})
	go func() {
		defer close(done)
		fill(runs[half:], &c.scratch2)
	}()
	fill(runs[:half], &c.scratch)
	<-done
}

// maxPostings bounds a collection so row indexes fit in an int32.
const maxPostings = 1<<31 - 1

// Merge records path as a further file holding the posting with id (a
// duplicate the loader found): it sets the posting's Paths to its Path plus
// path, or appends path when Paths is already set. A path already listed is
// not added twice. Paths gets a fresh backing array, so slices handed out
// earlier are unaffected. Merge reports whether id is in the collection.
func (c *Collection) Merge(id, path string) bool {
	p, ok := c.ByID(id)
	if ok {
		AddPath(p, path)
	}
	return ok
}

// AddPath is Merge for p itself, a posting of a collection (the loader
// names the posting a duplicate belongs to, so it need not be looked up).
// Call it from the goroutine that owns the collection.
func AddPath(p *Posting, path string) {
	all := p.AllPaths()
	for _, q := range all {
		if q == path {
			return
		}
	}
	paths := make([]string, 0, len(all)+1)
	paths = append(paths, all...)
	p.SetPaths(append(paths, path))
}

// index returns the ID index of every posting added so far, extending it
// with those added since it was last asked for: a load of a big folder
// never asks for it while it streams in, and so does not pay for it then.
func (c *Collection) index() *IDMap {
	for ; c.byIDn < len(c.postings); c.byIDn++ {
		if id := c.postings[c.byIDn].ID; id != "" {
			c.byID.Add(id, int32(c.byIDn))
		}
	}
	return &c.byID
}

// Len returns the number of postings in the collection.
func (c *Collection) Len() int { return len(c.postings) }

// At returns the i'th posting in the order they were added (0 ≤ i < Len).
func (c *Collection) At(i int) *Posting { return c.postings[i] }

// ByID returns the first posting added with id.
func (c *Collection) ByID(id string) (*Posting, bool) {
	i, ok := c.index().Get(id)
	if !ok {
		return nil, false
	}
	return c.postings[i], true
}

// IndexOf returns the index (for At, and into any later Snapshot) of the
// first posting added with id, or -1.
func (c *Collection) IndexOf(id string) int {
	i, ok := c.index().Get(id)
	if !ok {
		return -1
	}
	return int(i)
}

// Snapshot returns an immutable view of the postings added so far. It is
// safe to use from any goroutine while the owner keeps calling Add: appends
// only ever write past the snapshot's length (keys into the free end of the
// last chunk or into new chunks, postings into a new backing array).
func (c *Collection) Snapshot() Snapshot {
	n := len(c.postings)
	k := (n + keyChunkLen - 1) / keyChunkLen
	return Snapshot{postings: c.postings[:n:n], keys: c.keys[:k:k], facts: c.facts[:k:k], orderKeys: c.orderKeys[:k:k],
		pathOrdered: !c.pathUnordered, shared: c.shared}
}

// Snapshot is an immutable view of the first Len postings of a Collection.
// Its zero value is an empty snapshot. Index i of a snapshot names the same
// posting as index i of the collection and of every later snapshot.
type Snapshot struct {
	postings  []*Posting
	keys      chunks[entry] // the chunks holding the keys of postings, as facts and orderKeys hold theirs
	facts     chunks[facts]
	orderKeys chunks[orderKey]
	// pathOrdered: the postings are in the order of their paths (see
	// Collection.pathUnordered).
	pathOrdered bool
	shared      *collShared
}

// Len returns the number of postings in the snapshot.
func (s Snapshot) Len() int { return len(s.postings) }

// At returns the i'th posting of the snapshot (0 ≤ i < Len).
func (s Snapshot) At(i int) *Posting { return s.postings[i] }

// pathsFollow reports whether the paths of add, appended to have, keep
// the order of the paths (each no less than the one before).
func pathsFollow(have, add []*Posting) bool {
	prev := ""
	if len(have) > 0 {
		prev = have[len(have)-1].Path
	}
	for _, p := range add {
		if p.Path < prev {
			return false
		}
		prev = p.Path
	}
	return true
}
