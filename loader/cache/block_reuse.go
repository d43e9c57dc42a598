package cache

import (
	"sync"
	"sync/atomic"

	"github.com/jobdeck/jobdeck/model"
)

// blockRef is the memory of one block of a cache file that a chunk's
// entries share, with the lookups of them still under way. Once every
// entry of the chunk was taken (done) and every lookup that took one was
// released ([oneEntry.Release]: the loader gave the posting strings of
// its own), nothing refers to the memory any more, and the next block
// read is read into it: a warm load of a million postings read 251 MB of
// blocks, each left to the garbage collector, which the memory governor
// makes run often late in such a load. A lookup that is never released
// (an entry of many postings, whose postings keep their strings in the
// block) keeps the block from reuse; the collector then frees it.
//
// users and done are atomic so that a release takes the Cache's mutex only
// when it may free the block: it let go of the last lookup once every
// entry was taken (a warm load releases every posting's lookup, two
// workers at once). done is set under the mutex, buf guarded by it.
type blockRef struct {
	buf   []byte
	users atomic.Int32 // lookups not released
	done  atomic.Bool  // every entry of the chunk was taken
}

// blockHold is a lookup's hold on the block its entry lies in: ref
// under mu, the Cache's mutex; ref is nil when there is none.
type blockHold struct {
	mu  *sync.Mutex
	rf  *rootFile
	ref *blockRef
}

// release lets go of the hold, once; the block is reused once nothing
// else refers to it. Only the release of a block's last lookup takes the
// Cache's mutex.
func (h *blockHold) release() {
	ref := h.ref
	if ref == nil {
		return
	}
	h.ref = nil
	if ref.users.Add(-1) > 0 || !ref.done.Load() {
		return // a lookup still holds it, or letGo frees it later
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.rf.freeIfUnused(ref)
}

// oneEntry is the [loader.CacheEntry] of an entry of one posting and no
// aux note, decoded when it was looked up, whose release may let its
// block be reused.
type oneEntry struct {
	p *model.Posting
	blockHold
}

func (*oneEntry) Len() int               { return 1 }
func (*oneEntry) Aux() []byte            { return nil }
func (e *oneEntry) Next() *model.Posting { return e.p }

// Release lets the block of the entry be reused once nothing else refers
// to it. It must be called at most once, after the posting owns its
// strings.
func (e *oneEntry) Release() { e.release() }

// folderEntry is the [loader.CacheEntry] of an entry without postings (a
// folder's entries): its aux note is the block's memory until Release.
type folderEntry struct {
	aux []byte // read only
	blockHold
}

func (*folderEntry) Len() int             { return 0 }
func (e *folderEntry) Aux() []byte        { return e.aux }
func (*folderEntry) Next() *model.Posting { return nil }

// Release lets the block of the entry be reused once nothing else refers
// to it; Aux's bytes must not be used after it. It must be called at most
// once.
func (e *folderEntry) Release() {
	e.aux = nil
	e.release()
}

// entrySlabLen is how many oneEntry values a lookupRoom allocates at once.
const entrySlabLen = 256

// lookupRoom is memory for the postings and entries of lookups: each
// lookup takes its posting and its oneEntry from a room of its own while
// it holds it (see Cache.rooms), from shared blocks that nothing keeps
// once the lookups are done with them.
type lookupRoom struct {
	slab    postingSlab
	handles []oneEntry
}

// handle returns a oneEntry for p under hold.
func (r *lookupRoom) handle(p *model.Posting, hold blockHold) *oneEntry {
	if len(r.handles) == 0 {
		r.handles = make([]oneEntry, entrySlabLen)
	}
	e := &r.handles[0]
	r.handles = r.handles[1:]
	*e = oneEntry{p: p, blockHold: hold}
	return e
}

// release ends a lookup under ref, freeing its block when it was the
// last and every entry of its chunk was taken. The Cache's mutex must be
// held.
func (rf *rootFile) release(ref *blockRef) {
	ref.users.Add(-1)
	rf.freeIfUnused(ref)
}

// freeIfUnused keeps the block of ref for the next block read when
// nothing refers to it any more. The Cache's mutex must be held: a
// lookup adds a user under it, so none can be added meanwhile, and buf
// tells whether an earlier call freed the block already.
func (rf *rootFile) freeIfUnused(ref *blockRef) {
	if ref.users.Load() > 0 || !ref.done.Load() || ref.buf == nil {
		return
	}
	if rf.poison { // the tests' check that nothing kept a reference
		for i := range ref.buf {
			ref.buf[i] = 0xA5
		}
	}
	rf.freeBlocks = append(rf.freeBlocks, ref.buf[:0])
	ref.buf = nil
}

// blockBuffer returns room for a block of n bytes: a freed block's when
// one is big enough, else new. The Cache's mutex must be held.
func (rf *rootFile) blockBuffer(n int) []byte {
	for i := len(rf.freeBlocks) - 1; i >= 0; i-- {
		if b := rf.freeBlocks[i]; cap(b) >= n {
			rf.freeBlocks = append(rf.freeBlocks[:i], rf.freeBlocks[i+1:]...)
			if rf.reused != nil {
				*rf.reused++
			}
			return b[:n]
		}
	}
	return make([]byte, n)
}
