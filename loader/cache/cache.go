// Package cache is jobdeck's parse cache: the postings parsed from each
// file (every field but the body), kept between launches so that a folder
// whose files did not change loads without reading them. It implements
// [loader.Cache] and knows nothing of parsing: entries are keyed by
// [loader.FileKey] and stamped with [loader.CacheStamp].
//
// The cache is a folder of files, one per source folder, each read in
// blocks that are checked (a version line, the stamp, a CRC-32C each)
// before use, in the background while the load goes on, and replaced
// whole by an atomic rename; see file.go for the format. Nothing
// in it is needed: a cache file that is missing, damaged, from another
// version or unwritable is ignored (and rebuilt where it can be written),
// and the problem is told in one line by [Cache.Close]. Readers take no
// lock and writers never leave half a file, so several jobdecks may share
// the folder; when two write the same file the last one wins.
package cache

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"sync"
	"syscall"
	"time"
	"unsafe"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
)

// KeepDays is how long an entry is kept after the last load that saw its
// file; a cache file not used for that long is removed.
const KeepDays = 30

// racyWindow is how old a file's modification and change times must be
// for the file to be stored: a file changed again within one tick of the
// file system's clock would keep its times, so only files left alone for
// longer than a tick are trusted to be what was read. Times in whole
// seconds betray a coarse clock (FAT has 2 s, ext3 and HFS+ 1 s): then
// 2 s; else the kernel's coarse clock ticks in at most 10 ms: then 100 ms.
func racyWindow(k loader.FileKey) time.Duration {
	if k.ModTime%1e9 == 0 && k.ChangeTime%1e9 == 0 {
		return 2 * time.Second
	}
	return 100 * time.Millisecond
}

// Cache is the parse cache in one folder. It is safe for concurrent use.
type Cache struct {
	dir, stamp string
	now        func() time.Time
	writeFile  func(name string, write func(fileWriter) error) error // writeAtomic; replaced in tests

	mu       sync.Mutex
	roots    map[string]*rootFile // by source folder
	problems []string
	poison   bool // the tests' check on block reuse (see rootFile.poison)
	ahead    int  // the tests' readAhead (see rootFile.ahead)
	reused   int  // blocks read into the memory of blocks before

	saveMu sync.Mutex // one save at a time
	saving sync.WaitGroup

	// rooms hold the memory the lookups' postings and entries are made in
	// (*lookupRoom), taken without the mutex: the workers of a warm load
	// look every file up, and making a block of postings (each page of it
	// written once, see model.PrefaultPostings) under the mutex kept the
	// other worker waiting.
	rooms sync.Pool
	// handleSlabs are the lookups' entries given back (see handleSlab).
	handleSlabs chan *handleSlab
}

// Open returns the cache in dir for loads whose [loader.CacheStamp] is
// stamp; now is its clock (nil means time.Now). It does no I/O: each
// folder's cache file is read on the first lookup in that folder.
func Open(dir, stamp string, now func() time.Time) *Cache {
	if now == nil {
		now = time.Now
	}
	return &Cache{dir: dir, stamp: stamp, now: now, writeFile: writeAtomic, roots: map[string]*rootFile{},
		handleSlabs: make(chan *handleSlab, 8)}
}

// Dir returns the cache's folder.
func (c *Cache) Dir() string { return c.dir }

// Stamp returns the stamp given to Open.
func (c *Cache) Stamp() string { return c.stamp }

// Lookup returns the entry of k.Path when the entry's key is k: its
// postings, checked to decode (a single one decoded), and the aux bytes
// stored with them.
func (c *Cache) Lookup(k loader.FileKey) (loader.CacheEntry, bool) {
	c.mu.Lock()
	rf := c.root(k.Root)
	for !rf.waitFor(k.Path) { // a save let go of the entries meanwhile
		rf = c.root(k.Root)
	}
	e, ref, ok := rf.lookup(k, rf.today)
	if ok && holdsNone(e.blob) { // a folder's entries (see loader.Cache)
		c.mu.Unlock()
		return &folderEntry{aux: unsafe.Slice(unsafe.StringData(e.aux), len(e.aux)), blockHold: blockHold{mu: &c.mu, rf: rf, ref: ref}}, true
	}
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	var one *model.Posting
	var items []string
	var h *oneEntry
	if holdsOne(e.blob) {
		room, _ := c.rooms.Get().(*lookupRoom)
		if room == nil {
			room = &lookupRoom{}
		}
		one, items = room.slab.one(e.blob)
		if ref != nil {
			h = room.handle(one, blockHold{mu: &c.mu, rf: rf, ref: ref}, c.handleSlabs)
		}
		c.rooms.Put(room)
	}
	ce, err := openEntry(e.blob, e.aux, one, items)
	if err != nil {
		if ref != nil {
			c.mu.Lock()
			rf.release(ref)
			c.mu.Unlock()
		}
		c.note("an entry of %s is damaged; parsing its file again", rf.name)
		return nil, false
	}
	if _, isOne := ce.(*onePosting); isOne && h != nil {
		return h, true // one, decoded, released by the loader
	}
	return ce, true // an entry of many, or with a note: its block is not reused
}

// Store records ps, the postings of the file of k, with aux, unless one
// cannot be encoded exactly or the file changed too recently to be
// trusted.
func (c *Cache) Store(k loader.FileKey, ps []*model.Posting, aux []byte) {
	now := c.now()
	if w := racyWindow(k); now.Sub(time.Unix(0, k.ModTime)) < w || now.Sub(time.Unix(0, k.ChangeTime)) < w {
		return
	}
	for _, p := range ps {
		if !encodable(p) {
			return
		}
	}
	e := entry{path: k.Path, size: k.Size, mtime: k.ModTime, ctime: k.ChangeTime, dev: k.Dev, ino: k.Ino,
		seen: day(now), blob: stringOf(appendPostings(nil, ps)), aux: stringOf(aux)}
	rec := appendEntry(make([]byte, 0, len(e.path)+len(e.blob)+len(e.aux)+64), &e)
	c.mu.Lock()
	p := c.root(k.Root).store(rec)
	c.mu.Unlock()
	if p != nil {
		p.write()
		c.mu.Lock()
		defer c.mu.Unlock()
		if rf := c.roots[k.Root]; rf != nil && rf.stored == p.log {
			rf.stored.done(p)
		}
	}
}

// LoadDone starts writing, in the background, the cache files that
// changed; Close waits for it.
func (c *Cache) LoadDone() {
	c.saving.Add(1)
	go func() {
		defer c.saving.Done()
		c.save()
	}()
}

// Close waits for a background write, writes what is still unwritten and
// returns the cache's problems in one line ("" when there were none).
func (c *Cache) Close() string {
	c.saving.Wait()
	c.save()
	c.mu.Lock()
	defer c.mu.Unlock()
	switch len(c.problems) {
	case 0:
		return ""
	case 1:
		return c.problems[0]
	}
	return fmt.Sprintf("%s (and %d more)", c.problems[0], len(c.problems)-1)
}

// root returns the cache of the folder root, starting to read its file
// on first use. c.mu must be held.
func (c *Cache) root(root string) *rootFile {
	rf := c.roots[root]
	if rf == nil {
		rf = &rootFile{name: fileName(c.dir, root), poison: c.poison, reused: &c.reused, ahead: c.ahead}
		rf.cond.L = &c.mu
		c.roots[root] = rf
	}
	if !rf.started {
		rf.started, rf.today = true, c.today()
		go c.fill(rf, root)
	}
	return rf
}

// fill reads the cache file of rf into rf.chunks, block by block, waking
// the lookups waiting for them, and keeping at most a few blocks ahead of
// them (see keepPace). A file that is missing gives no entries;
// one that is unreadable, damaged, stale or that holds expired entries
// gives what it can and marks rf for rewriting, with the problem noted.
func (c *Cache) fill(rf *rootFile, root string) {
	oldest := c.keepFrom()
	expired := false
	buffer := func(n int) []byte {
		c.mu.Lock()
		defer c.mu.Unlock()
		return rf.blockBuffer(n)
	}
	err := readCacheFile(rf.name, c.stamp, root, buffer, func(es []entry, block []byte) {
		for i := range es {
			expired = expired || es[i].seen < oldest
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		ch := newChunkIn(es, &rf.spare)
		ch.ref = &blockRef{buf: block}
		rf.chunks = append(rf.chunks, ch)
		rf.cond.Broadcast()
		rf.keepPace()
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	defer rf.cond.Broadcast()
	rf.done = true
	rf.dirty = rf.dirty || expired || (err != nil && !errors.Is(err, fs.ErrNotExist))
	switch {
	case err == nil, errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR), errors.Is(err, errOtherRoot):
		// nothing to tell: a first launch, or the write (if any) tells
	case errors.Is(err, errVersion):
		c.noteLocked("%s was %v; rebuilding it", rf.name, err)
	case errors.Is(err, errDamaged):
		c.noteLocked("%s is %v; rebuilding it", rf.name, err)
	default:
		c.noteLocked("cannot read %s (%v); loading without it", rf.name, unwrapPath(err))
	}
}

// readCacheFile opens the cache file name and reads it with readBlocks,
// each block into buffer's room.
func readCacheFile(name, stamp, root string, buffer func(n int) []byte, got func(es []entry, block []byte)) error {
	f, size, err := openCacheFile(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return readBlocks(bufio.NewReaderSize(f, 64<<10), size, stamp, root, buffer, got)
}

// save writes the cache files that need it, then lets go of every
// folder's entries (they are read again if another load needs them) and
// removes cache files unused for KeepDays.
func (c *Cache) save() {
	c.saveMu.Lock()
	defer c.saveMu.Unlock()
	type write struct {
		name, root string
		state      fileState
	}
	var writes []write
	c.mu.Lock()
	roots := maps.Clone(c.roots) // waitDone lets go of c.mu
	for _, rf := range roots {
		rf.waitDone()
	}
	keepFrom := c.keepFrom()
	for root, rf := range roots {
		if rf.dirty {
			writes = append(writes, write{rf.name, root, rf.state()})
		}
		rf.reset() // the entries are now only the write's
	}
	c.mu.Unlock()
	written := map[string]bool{}
	for _, w := range writes {
		err := c.writeFile(w.name, func(out fileWriter) error {
			old, done := openOldEntries(w.name, c.stamp, w.root)
			defer done()
			stored := w.state.stored.sorted()
			if err := writeEntries(out, c.stamp, w.root, w.state.entries(old, stored), keepFrom); err != nil {
				return err
			}
			return stored.err
		})
		w.state.stored.close()
		if err != nil {
			c.note("cannot write the cache in %s (%v); it was not updated", c.dir, unwrapPath(err))
			continue
		}
		written[filepath.Base(w.name)] = true
	}
	if len(written) > 0 {
		removeUnused(c.dir, c.now(), written)
	}
}

func (c *Cache) today() uint32 { return day(c.now()) }

// keepFrom is the first day whose entries are kept.
func (c *Cache) keepFrom() uint32 { return max(c.today(), KeepDays) - KeepDays }

func day(t time.Time) uint32 { return uint32(max(t.Unix()/86400, 0)) }

// note records a problem (told once).
func (c *Cache) note(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.noteLocked(format, args...)
}

func (c *Cache) noteLocked(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	for _, p := range c.problems {
		if p == msg {
			return
		}
	}
	c.problems = append(c.problems, msg)
}

// unwrapPath returns the cause of a *fs.PathError (its path is said
// elsewhere in the message).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
