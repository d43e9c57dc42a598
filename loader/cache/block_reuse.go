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
// block be reused, and its own memory too (see handleSlab).
type oneEntry struct {
	p *model.Posting
	blockHold
	slab *handleSlab
}

func (*oneEntry) Len() int               { return 1 }
func (*oneEntry) Aux() []byte            { return nil }
func (e *oneEntry) Next() *model.Posting { return e.p }

// Release lets the block of the entry be reused once nothing else refers
// to it, and the entry itself once every entry of its slab was released.
// It must be called at most once, after the posting owns its strings; the
// entry must not be used afterwards.
func (e *oneEntry) Release() {
	e.release()
	s := e.slab
	e.p = nil
	if s != nil && s.released.Add(1) == entrySlabLen {
		s.released.Store(0)
		select {
		case s.spare <- s:
		default:
		}
	}
}

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

// entrySlabLen is how many oneEntry values a handleSlab holds.
const entrySlabLen = 256

// handleSlab is a block of the lookups' oneEntry values. A lookup's entry
// is dead once the loader released it, moments later, so a slab whose
// every entry was handed out and released goes back to its Cache's spare
// slabs (through spare) for the lookups after: a warm launch of a million
// postings made 35 MB of entries otherwise, for the garbage collector. A
// slab with an entry never released (a lookup that failed to decode) is
// left to the collector.
type handleSlab struct {
	hs       [entrySlabLen]oneEntry
	released atomic.Int32 // entries released since the slab was last handed out whole
	spare    chan<- *handleSlab
}

// lookupRoom is memory for the postings and entries of lookups: each
// lookup takes its posting and its oneEntry from a room of its own while
// it holds it (see Cache.rooms), from shared blocks that nothing keeps
// once the lookups are done with them.
type lookupRoom struct {
	slab    postingSlab
	hs      *handleSlab
	handles []oneEntry // what is left of hs to hand out
}

// handle returns a oneEntry for p under hold, from a spare slab of spares
// when the room's is used up and one is there.
func (r *lookupRoom) handle(p *model.Posting, hold blockHold, spares chan *handleSlab) *oneEntry {
	if len(r.handles) == 0 {
		select {
		case r.hs = <-spares:
		default:
			r.hs = &handleSlab{spare: spares}
		}
		r.handles = r.hs.hs[:]
	}
	e := &r.handles[0]
	r.handles = r.handles[1:]
	*e = oneEntry{p: p, blockHold: hold, slab: r.hs}
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
