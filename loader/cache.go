package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/jobdeck/jobdeck/model"
)

// Version names the parsing rules. Bump it with every change to how a file
// becomes postings (fields, repair, warnings, IDs, titles), so that a
// [Cache] written by an older jobdeck is not used.
const Version = 3

// FileKey identifies the content of one file for a [Cache]: where it is
// (Root, the source folder as an absolute path, and Path, the posting's
// SourcePath inside it) and what the walk's stat said of it. A file whose
// size, times, device or inode changed has another key.
type FileKey struct {
	Root       string
	Path       string
	Size       int64
	ModTime    int64 // nanoseconds since 1970
	ChangeTime int64 // inode change time, nanoseconds since 1970; 0 where the FS has none
	Dev, Ino   uint64
}

// Cache keeps the postings parsed from files between loads. Stream calls it
// from several goroutines at once, so implementations must be safe for
// concurrent use.
//
// Stamp must equal [CacheStamp] of the load's Options, else Stream ignores
// the cache. Lookup returns the [CacheEntry] last stored for exactly this
// key (ok false when there is none; a cache may not yet find what the
// same load stored, as a load looks each file up once): Stream takes its postings, sets their
// Path, Source and SourcePath and hands them out. Store records the
// postings parsed from the file of k (without bodies) and aux, the
// loader's own note of where in the file each one sits (empty for a file
// of one posting); it may keep them or not. A folder's entries are stored
// the same way, as no postings and an aux note, under a Path that ends
// with "/" (see [FoldersCached]). LoadDone is called once a
// Stream has walked and read every source (not when it was cancelled), so
// the cache may write what it learnt.
type Cache interface {
	Stamp() string
	Lookup(k FileKey) (e CacheEntry, ok bool)
	Store(k FileKey, ps []*model.Posting, aux []byte)
	LoadDone()
}

// CacheEntry is what a [Cache] holds for one file: Len postings and the
// aux note stored with them. Next returns the next posting, in the order
// they were stored, as a new posting the caller owns; the caller calls it
// at most Len times. A cache may decode each posting as it is asked for,
// so that a file of many postings is handed out while it is decoded;
// Lookup has checked that they decode, so Next cannot fail. An entry is
// used by one goroutine. Release says that the caller is done with the
// entry and that the postings it took hold none of the entry's memory any
// more (their strings are their own, see ownFields): the cache may then
// reuse that memory. An entry whose postings keep the cache's memory (a
// file of many postings, see cachedRecords.next) is not released. Aux's
// bytes may be the cache's memory too: they are neither written nor used
// after Release.
type CacheEntry interface {
	Len() int
	Aux() []byte
	Next() *model.Posting
	Release()
}

// CacheStamp names everything that decides how a file is parsed under
// opts: [Version] and every Options field except those that only tune
// speed or delivery (Workers, BatchSize, KeepBodies, Cache). A new parsing
// option is thus part of the stamp without further work, as long as it
// prints the same for equal values (no pointers).
func CacheStamp(opts Options) string {
	o := opts.withDefaults()
	o.Workers, o.BatchSize, o.KeepBodies, o.Cache = 0, 0, false, nil
	sum := sha256.Sum256(fmt.Appendf(nil, "loader %d %#v", Version, o))
	return fmt.Sprintf("v%d-%s", Version, hex.EncodeToString(sum[:8]))
}

// cacheHook is the parse cache's place in a Stream: around work, for the
// sources it can key (folders read through [SourcesFromPaths]).
type cacheHook struct {
	c      Cache
	roots  map[*Source]string // absolute folder of each cacheable source
	lists  map[*Source]uint64 // the device of each source whose folders' entries are cached (see listing)
	tables sync.Pool          // of *internTable, for ownFields
}

// newCacheHook returns the hook for a load of sources, or nil when opts
// has no usable cache: none, a stamp for other options, or bodies kept
// (the cache holds no bodies).
func newCacheHook(sources []Source, opts Options) *cacheHook {
	if opts.Cache == nil || opts.KeepBodies || opts.Cache.Stamp() != CacheStamp(opts) {
		return nil
	}
	h := &cacheHook{c: opts.Cache, roots: map[*Source]string{}, lists: map[*Source]uint64{}}
	h.tables.New = func() any { return newInternTable() }
	for i := range sources {
		d, ok := sources[i].FS.(*dirFS)
		if !ok {
			continue
		}
		if abs, err := filepath.Abs(d.dir); err == nil {
			h.roots[&sources[i]] = abs
			if dev, ok := keepsFolderTimes(abs); ok {
				h.lists[&sources[i]] = dev
			}
		}
	}
	return h
}

// work is work(j, opts, dh, m) with the cache: the file's postings come from the
// cache when its key is known, else from parsing, and are then stored.
// The key is taken before the read, so a file rewritten or replaced in
// between is stored under its old key, which never matches again (its
// change time moved), or not at all (its times are too recent).
// dh is the open folder of j's file (see [openChunkDir]).
func (h *cacheHook) work(j job, opts Options, dh dirHandle, m *recordMemo) result {
	k, ok := h.key(j, dh)
	if !ok {
		return work(j, opts, dh, m)
	}
	if e, ok := h.c.Lookup(k); ok && e.Len() == 1 && len(e.Aux()) == 0 {
		t := h.tables.Get().(*internTable)
		r, ok := fromCache(j, e.Next(), t)
		h.tables.Put(t)
		e.Release() // the posting owns its strings now
		if ok {
			return r
		}
	}
	r := work(j, opts, dh, m)
	if ps, ok := toCache(j, postingsOf(r)); ok {
		h.c.Store(k, ps, nil)
	}
	return r
}

// key returns the cache key of j's file, statted through dh; ok is false
// when the file's postings are not looked up in the cache.
func (h *cacheHook) key(j job, dh dirHandle) (FileKey, bool) {
	if h == nil {
		return FileKey{}, false
	}
	root, ok := h.roots[j.src]
	if !ok {
		return FileKey{}, false
	}
	k, ok := dh.key(j.src.FS.(*dirFS), j.fsPath)
	k.Root = root
	return k, ok
}

// done tells the cache that the load read every source.
func (h *cacheHook) done() {
	if h != nil {
		h.c.LoadDone()
	}
}

// postingsOf returns the postings a result holds.
func postingsOf(r result) []*model.Posting {
	if r.p == nil {
		return nil
	}
	return []*model.Posting{r.p}
}

// fromCache turns the cached posting p back into j's result: Path and
// SourcePath (stored relative to the job's paths) made whole again, Source
// set, and the strings its own (see ownFields, which interns through t).
// ok is false when there is no posting.
func fromCache(j job, p *model.Posting, t *internTable) (result, bool) {
	if p == nil {
		return result{}, false
	}
	ownFields(p, t)
	p.Path = j.display + p.Path
	p.SourcePath = j.fsPath + p.SourcePath
	p.Source = j.src.FS
	return result{p: p}, true
}

// toCache returns copies of ps fit for the cache: no body, no Source, and
// Path and SourcePath relative to the job's display and FS paths (so that
// the entry holds whatever name the source is given next time). ok is
// false when there is nothing to store or a path does not start with the
// job's.
func toCache(j job, ps []*model.Posting) ([]*model.Posting, bool) {
	if len(ps) == 0 {
		return nil, false
	}
	out := make([]*model.Posting, len(ps))
	for i, p := range ps {
		if !strings.HasPrefix(p.Path, j.display) || !strings.HasPrefix(p.SourcePath, j.fsPath) {
			return nil, false
		}
		q := *p
		q.Path = p.Path[len(j.display):]
		q.SourcePath = p.SourcePath[len(j.fsPath):]
		q.Body, q.Source = "", nil
		out[i] = &q
	}
	return out, true
}
