package cache

import (
	"iter"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/jobdeck/jobdeck/loader"
)

// rootFile is the part of the cache for one source folder: the entries
// read from its file, sorted by path, and those stored since. Its fields
// are guarded by the Cache's mutex, which is cond's Locker.
type rootFile struct {
	name    string    // the cache file
	started bool      // fill is reading the file into chunks
	done    bool      // fill has finished
	cond    sync.Cond // signalled when chunks grow and when fill is done
	chunks  []chunk   // from the file, one a block, in path order
	cursors [4]pos    // where in chunks the next lookups probably are, the last used first
	today   uint32    // the day fill started, which lookups mark their entries seen (a clock read a load, not a file)
	spare   [][]entry // entry arrays of chunks that let go of them, emptied, for the next chunks
	// freeBlocks are blocks no entry refers to any more, for the next
	// blocks read (see blockRef); poison (tests) overwrites them first.
	freeBlocks [][]byte
	poison     bool
	reused     *int       // the Cache's count of blocks read into freed ones
	ahead      int        // readAhead, unless a test set another
	stored     *storedLog // the entries stored since the file was read; nil when none were
	dirty      bool       // the file needs writing

	reach  int    // the furthest chunk a lookup reached
	need   string // the furthest path a lookup waited for in waitFor
	parked bool   // fill waits in keepPace
	drain  bool   // a write waits for fill: keepPace no longer holds it back
}

// readAhead is how many chunks fill may read past the furthest lookup:
// enough to keep the lookups fed (~4k entries; a block is read in a
// fraction of the time its entries take to look up), few enough that the
// file's blocks do not pile up beside the postings made from them when
// fill reads faster than the load looks up. Each block read ahead is
// memory the process touches for the first time, which costs the kernel
// a page clear: 16 chunks ahead kept 12 MB of blocks at 100k postings, 4
// keep 7 MB, and a warm launch's peak RSS fell by 9 MB.
const readAhead = 4

// readAhead is the package's readAhead unless a test set rf.ahead.
func (rf *rootFile) readAhead() int {
	if rf.ahead > 0 {
		return rf.ahead
	}
	return readAhead
}

// keepPace waits, in fill, while it is more than readAhead chunks ahead of
// the lookups, unless a lookup waits for an entry not read yet or a write
// waits for fill to finish.
func (rf *rootFile) keepPace() {
	for !rf.drain && rf.chunks[len(rf.chunks)-1].last >= rf.need && len(rf.chunks)-rf.reach > rf.readAhead() {
		rf.parked = true
		rf.cond.Wait()
	}
	rf.parked = false
}

// reached records that a lookup reached chunk c, waking a parked fill once
// the lookups have come halfway back to it.
func (rf *rootFile) reached(c int) {
	rf.reach = max(rf.reach, c)
	if rf.parked && len(rf.chunks)-rf.reach <= rf.readAhead()/2 {
		rf.cond.Broadcast()
	}
}

// chunk holds the entries of one block of the cache file. Once a lookup
// has taken each of them, the chunk lets go of them, and so of the block
// their strings share: a load looks each file up once and the postings it
// takes own their strings, so a warm load does not keep the whole file
// (251 MB at a million postings) beside the postings it made. A write
// then reads them from the file again (see fileState.entries).
type chunk struct {
	ref         *blockRef // the block its entries' strings share; nil when not known
	es          []entry   // nil once every entry was taken
	n           int       // how many entries es held
	left        int       // entries not taken yet
	first, last string    // the paths of the first and last entries, copied out of the block
}

// newChunk returns the chunk of es, a block's entries (copied).
func newChunk(es []entry) chunk { return newChunkIn(es, nil) }

// newChunkIn is newChunk with the copy made in a spare array (see
// [rootFile.spare]) when one holds es, so that a warm load of a million
// postings does not leave the ~100 MB of its entries' copies to the
// garbage collector.
func newChunkIn(es []entry, spare *[][]entry) chunk {
	var own []entry
	if spare != nil && len(*spare) > 0 {
		if last := (*spare)[len(*spare)-1]; cap(last) >= len(es) {
			own = append(last[:0], es...)
			*spare = (*spare)[:len(*spare)-1]
		}
	}
	if own == nil {
		own = slices.Clone(es)
	}
	return chunk{es: own, n: len(es), left: len(es),
		first: strings.Clone(es[0].path), last: strings.Clone(es[len(es)-1].path)}
}

// letGo drops the entries of chunk c, every one of them taken, keeping
// their array, emptied, for a later chunk. Lookups reach entries only
// through the chunks, holding the Cache's mutex, and a write only reads
// the entries of chunks that kept them: nothing else refers to the array.
func (rf *rootFile) letGo(c *chunk) {
	clear(c.es) // its strings would keep the file's blocks alive
	rf.spare = append(rf.spare, c.es[:0])
	c.es = nil
	if c.ref != nil {
		c.ref.done.Store(true)
		rf.freeIfUnused(c.ref)
	}
}

// pos is the place of entry i of chunk c.
type pos struct{ c, i int }

// waitFor waits until the entry for path, if the file has one, is in
// chunks: the file is read in order, so once chunks end at or past path
// or the file is all read. It returns false when rf was reset meanwhile.
func (rf *rootFile) waitFor(path string) bool {
	for rf.started && !rf.done && (len(rf.chunks) == 0 || rf.chunks[len(rf.chunks)-1].last < path) {
		if path > rf.need {
			rf.need = path
			if rf.parked {
				rf.cond.Broadcast()
			}
		}
		rf.cond.Wait()
	}
	return rf.started
}

// waitDone waits until a started fill has finished.
func (rf *rootFile) waitDone() {
	rf.drain = true
	rf.cond.Broadcast()
	for rf.started && !rf.done {
		rf.cond.Wait()
	}
}

// entry returns the entry at p, or at the first entry of the next chunk
// when p is just past the end of its chunk, and where it is; nil when
// there is none there or its chunk let go of its entries.
func (rf *rootFile) entry(p pos) (*entry, pos) {
	if p.c < len(rf.chunks) && p.i >= rf.chunks[p.c].n {
		p = pos{p.c + 1, p.i - rf.chunks[p.c].n}
	}
	if p.c >= len(rf.chunks) || p.i < 0 || p.i >= len(rf.chunks[p.c].es) {
		return nil, p
	}
	return &rf.chunks[p.c].es[p.i], p
}

// find returns the place in chunks of the entry for path. Lookups come
// from a few parsers at once, each in the walk's order within a run of
// files of one folder, which is nearly the sorted order; so the entries
// right after the last few found, one per parser, are tried before a
// binary search.
func (rf *rootFile) find(path string) (pos, bool) {
	for c, at := range rf.cursors {
		if e, p := rf.entry(at); e != nil && e.path == path {
			rf.found(c, p)
			return p, true
		}
	}
	for c, at := range rf.cursors {
		for i := max(at.i-2, 0); i < at.i+6; i++ {
			if e, p := rf.entry(pos{at.c, i}); e != nil && e.path == path {
				rf.found(c, p)
				return p, true
			}
		}
	}
	c := sort.Search(len(rf.chunks), func(c int) bool { return rf.chunks[c].last >= path })
	if c == len(rf.chunks) {
		return pos{}, false
	}
	i, ok := slices.BinarySearchFunc(rf.chunks[c].es, path, func(e entry, p string) int { return strings.Compare(e.path, p) })
	if ok {
		rf.found(len(rf.cursors)-1, pos{c, i})
	}
	return pos{c, i}, ok
}

// found moves cursor c (the last used when a binary search found p) to
// the front, after p.
func (rf *rootFile) found(c int, p pos) {
	copy(rf.cursors[1:c+1], rf.cursors[:c])
	rf.cursors[0] = pos{p.c, p.i + 1}
}

// lookup returns the entry for k and marks it seen today and taken: once
// every entry of its chunk is taken, they are let go, and a further
// lookup of one of them finds none. ref is the block the entry's strings
// share, counting this lookup among its users (release it), or nil.
func (rf *rootFile) lookup(k loader.FileKey, today uint32) (_ entry, ref *blockRef, _ bool) {
	p, ok := rf.find(k.Path)
	if !strings.HasSuffix(k.Path, "/") { // a folder's entries are looked up ahead of its files: theirs set the pace
		rf.reached(p.c)
	}
	if !ok {
		return entry{}, nil, false
	}
	c := &rf.chunks[p.c]
	e := &c.es[p.i]
	if !e.matches(k) {
		return entry{}, nil, false
	}
	if e.seen != today {
		e.seen = today
		rf.dirty = true
	}
	found := *e
	if ref = c.ref; ref != nil {
		ref.users.Add(1) // before letGo, which frees a block without users
	}
	if !e.taken {
		e.taken = true
		if c.left--; c.left == 0 {
			rf.letGo(c)
		}
	}
	return found, ref, true
}

// store adds rec, an entry encoded by appendEntry, to those stored, and
// returns a run of them to write, if one is due (see [storedLog.add]). A
// later entry for the same path replaces it when the file is written; a
// lookup does not find it before (a load looks each file up once).
func (rf *rootFile) store(rec []byte) *pendingRun {
	if rf.stored == nil {
		rf.stored = newStoredLog(rf.name)
	}
	rf.dirty = true
	return rf.stored.add(rec)
}

// state returns what a write of rf needs.
func (rf *rootFile) state() fileState {
	if rf.stored != nil {
		rf.stored.finish()
	}
	return fileState{chunks: rf.chunks, stored: rf.stored, today: rf.today}
}

// reset lets go of the entries, once fill is done; they are read again
// when needed.
func (rf *rootFile) reset() {
	rf.started, rf.done, rf.chunks, rf.cursors, rf.stored, rf.dirty = false, false, nil, [4]pos{}, nil, false
	rf.today, rf.reach, rf.need, rf.drain, rf.spare = 0, 0, "", false, nil
	rf.freeBlocks = nil
}

// fileState is what a write of a folder's cache file needs: the chunks
// read from the old file, the entries stored since, and the day the
// lookups marked their entries seen.
type fileState struct {
	chunks []chunk
	stored *storedLog
	today  uint32
}

// entries returns every entry of the folder in path order: those of the
// chunks but those replaced by an entry stored since, merged with those
// stored. The entries of a chunk that let go of them are read from old
// (the file they were read from, seen today), as it holds them now:
// another jobdeck's write meanwhile gives its entries, right for their
// keys too, and a file removed gives none. A failure to read the stored
// entries ends the entries early and is in stored's err: the write must
// then fail.
func (s fileState) entries(old *oldEntries, stored *storedIter) iter.Seq[*entry] {
	if stored == nil {
		stored = &storedIter{}
	}
	return func(yield func(*entry) bool) {
		// emit yields e after the stored entries that sort before it,
		// unless a stored one replaces it.
		emit := func(e *entry) bool {
			for a := stored.peek(); a != nil && a.path < e.path; a = stored.peek() {
				if !yield(a) {
					return false
				}
				stored.next()
			}
			if a := stored.peek(); a != nil && a.path == e.path {
				return true
			}
			return stored.err == nil && yield(e)
		}
		for i := range s.chunks {
			c := &s.chunks[i]
			if c.es != nil {
				for j := range c.es {
					if !emit(&c.es[j]) {
						return
					}
				}
				continue
			}
			for e := range old.between(c.first, c.last) {
				e.seen, e.taken = s.today, false
				if !emit(e) {
					return
				}
			}
		}
		for a := stored.peek(); a != nil; a = stored.peek() {
			if !yield(a) {
				return
			}
			stored.next()
		}
	}
}
