package cache

import (
	"slices"
	"strings"
	"sync"

	"github.com/jobdeck/jobdeck/loader"
)

// rootFile is the part of the cache for one source folder: the entries
// read from its file, sorted by path, and those stored since. Its fields
// are guarded by the Cache's mutex, which is cond's Locker.
type rootFile struct {
	name    string      // the cache file
	started bool        // fill is reading the file into sorted
	done    bool        // fill has finished
	cond    sync.Cond   // signalled when sorted grows and when fill is done
	sorted  []entry     // from the file
	cursors [4]int      // where in sorted the next lookups probably are, the last used first
	today   uint32      // the day fill started, which lookups mark their entries seen (a clock read a load, not a file)
	slab    postingSlab // room for the single postings looked up
	added   map[string]entry
	dirty   bool // the file needs writing
}

// waitFor waits until the entry for path, if the file has one, is in
// sorted: the file is read in order, so once sorted ends at or past path
// or the file is all read. It returns false when rf was reset meanwhile.
func (rf *rootFile) waitFor(path string) bool {
	for rf.started && !rf.done && (len(rf.sorted) == 0 || rf.sorted[len(rf.sorted)-1].path < path) {
		rf.cond.Wait()
	}
	return rf.started
}

// waitDone waits until a started fill has finished.
func (rf *rootFile) waitDone() {
	for rf.started && !rf.done {
		rf.cond.Wait()
	}
}

// find returns the index in sorted of the entry for path. Lookups come
// from a few parsers at once, each in the walk's order within a run of
// files of one folder, which is nearly the sorted order; so the entries
// right after the last few found, one per parser, are tried before a
// binary search.
func (rf *rootFile) find(path string) (int, bool) {
	for c, at := range rf.cursors {
		if at < len(rf.sorted) && rf.sorted[at].path == path {
			rf.found(c, at)
			return at, true
		}
	}
	for c, at := range rf.cursors {
		for i := max(at-2, 0); i < min(at+6, len(rf.sorted)); i++ {
			if rf.sorted[i].path == path {
				rf.found(c, i)
				return i, true
			}
		}
	}
	i, ok := slices.BinarySearchFunc(rf.sorted, path, func(e entry, p string) int { return strings.Compare(e.path, p) })
	if ok {
		rf.found(len(rf.cursors)-1, i)
	}
	return i, ok
}

// found moves cursor c (the last used when a binary search found i) to
// the front, after i.
func (rf *rootFile) found(c, i int) {
	copy(rf.cursors[1:c+1], rf.cursors[:c])
	rf.cursors[0] = i + 1
}

// lookup returns the entry for k and marks it seen today. An entry read
// from the file is then dropped (see entry.dropped): a load looks each
// file up once, and what it takes is its own, so the file's blocks are
// not kept for nothing; a second lookup of the path finds none. The
// entry keeps k.Path, which the loader holds anyway (as its posting's
// path), so that nothing points into the blocks.
func (rf *rootFile) lookup(k loader.FileKey, today uint32) (entry, bool) {
	if e, ok := rf.added[k.Path]; ok {
		if !e.matches(k) {
			return entry{}, false
		}
		e.seen = today
		rf.added[k.Path] = e
		return e, true
	}
	i, ok := rf.find(k.Path)
	if !ok || rf.sorted[i].dropped || !rf.sorted[i].matches(k) {
		return entry{}, false
	}
	e := &rf.sorted[i]
	if e.seen != today {
		e.seen = today
		rf.dirty = true
	}
	found := *e
	e.path, e.blob, e.aux, e.dropped = k.Path, "", "", true
	return found, true
}

// store records e, replacing any entry for its path.
func (rf *rootFile) store(e entry) {
	if rf.added == nil {
		rf.added = map[string]entry{}
	}
	rf.added[e.path] = e
	rf.dirty = true
}

// merged returns every entry, sorted by path: those read, less those
// replaced, and those stored.
func (rf *rootFile) merged() []entry {
	if len(rf.added) == 0 {
		return rf.sorted
	}
	out := make([]entry, 0, len(rf.sorted)+len(rf.added))
	for _, e := range rf.sorted {
		if _, ok := rf.added[e.path]; !ok {
			out = append(out, e)
		}
	}
	for _, e := range rf.added {
		out = append(out, e)
	}
	slices.SortFunc(out, byPath)
	return out
}

// reset lets go of the entries, once fill is done; they are read again
// when needed.
func (rf *rootFile) reset() {
	rf.started, rf.done, rf.sorted, rf.cursors, rf.added, rf.dirty = false, false, nil, [4]int{}, nil, false
	rf.slab, rf.today = postingSlab{}, 0
}
