package search

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"maps"
	"os"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// FileName is the name of the index's first file inside its folder; the
// second is "index-2.db".
const FileName = "index.db"

// shardCount is the number of files the index is split into, each
// written by a goroutine of its own: FTS5 writes one file on one thread,
// and that thread bounded the time to index (see [Index.Sync]). Changing
// it moves documents between files: bump schemaVersion with it.
const shardCount = 2

// shardFile returns the name of shard k's file: "index.db", "index-2.db".
func shardFile(k int) string {
	if k == 0 {
		return FileName
	}
	return fmt.Sprintf("index-%d.db", k+1)
}

// shardOf returns the shard a document new to a large build goes to: a
// hash of its ID, so that each shard holds a random half of the postings
// whatever their order or folders.
func shardOf(id string) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % shardCount)
}

// shardMin is the number of documents new to the index from which a Sync
// spreads them over the shards ([shardOf]); fewer go to the first file.
// Each shard scores its hits with its own statistics (see [Index.Search]):
// from 5,000 documents a shard, a random half weighs terms as the whole
// does, where a few dozen postings split in two would rank by chance; and
// under it the build is short anyway (10,000 postings: under a second).
const shardMin = 10_000

// ErrBroken wraps errors that show an index file is damaged. The next
// [Index.Sync] sets the file aside and builds a new one.
var ErrBroken = errors.New("search: the index is damaged")

// Options tune [Open]. The zero value is ready to use.
type Options struct {
	// Now is the clock that names set-aside files; time.Now when nil.
	Now func() time.Time
	// BusyTimeout is how long a statement waits for another process's
	// lock before the index counts as locked; 10s when zero.
	BusyTimeout time.Duration
	// BatchSize is the number of documents [Index.Sync] writes per
	// transaction of each file; when zero, 1,000, and 6,000 in a build of
	// more than 1,000 documents a file.
	BatchSize int
	// NoCache turns off the cache of the last few results (for measuring
	// the engine itself).
	NoCache bool

	shardMin  int // shardMin when zero; set by tests
	bulkBatch int // documents per transaction of a bulk build: bulkBatch unless BatchSize is set
}

// Index is an open full-text index: two files in one folder, each
// holding the documents whose ID hashes to it, written and searched at
// once. Its methods may be called from several goroutines: searches run
// while [Index.Sync] writes.
type Index struct {
	dir      string
	shards   []*shard
	shardMin int
}

// Open opens the index in dir, creating dir and the index as needed. A
// file that cannot serve as this index (see the package doc) is set aside
// and a new index created; [Index.Notes] then says why. Open fails only
// when no index can be created in dir at all. It reads no document: it
// returns in milliseconds for any size of index.
func Open(ctx context.Context, dir string, opts Options) (*Index, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = 10 * time.Second
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize, opts.bulkBatch = batchSize, bulkBatch
	}
	if opts.shardMin <= 0 {
		opts.shardMin = shardMin
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	ix := &Index{dir: dir, shardMin: opts.shardMin}
	for k := range shardCount {
		s, err := openShard(ctx, dir, shardFile(k), opts)
		if err != nil {
			ix.Close()
			return nil, err
		}
		ix.shards = append(ix.shards, s)
	}
	return ix, nil
}

// Dir returns the folder of the index.
func (ix *Index) Dir() string { return ix.dir }

// Notes returns the messages about index files set aside or replaced
// since Open, oldest first (those of the first file first), each message
// once: both files of an older format give one.
func (ix *Index) Notes() []string {
	var out []string
	for _, s := range ix.shards {
		for _, n := range s.Notes() {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// Close closes the index. Searches after Close fail. When no other
// process has a file open and it was found sound (checked in full, built
// from nothing, or closed cleanly before), Close records its size and time
// beside it ("index.db.clean"), so that the next [Index.Sync] can skip the
// full check of a file that nothing touched since.
func (ix *Index) Close() error {
	var errs []error
	for _, s := range ix.shards {
		errs = append(errs, s.Close())
	}
	return errors.Join(errs...)
}

// eachShard runs fn on every shard at once and returns the first error,
// in the order of the shards.
func (ix *Index) eachShard(fn func(k int, s *shard) error) error {
	errs := make([]error, len(ix.shards))
	var wg sync.WaitGroup
	for k, s := range ix.shards {
		wg.Go(func() { errs[k] = fn(k, s) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Sync makes the index hold exactly the documents of items: documents
// whose ID is not in items are removed; those whose stamp differs from the
// indexed one (or that are new) are loaded with load(ctx, i) — i indexes
// items — and indexed. A load error leaves that document out (and removes
// its old text, which may be stale). load is called from one goroutine
// per file of the index at once, so that one file's reads wait on the
// disk while the other's run (and, when a transaction is tried again
// after another process held the lock, from the file's writing goroutine
// for the documents it took already): it must be safe for concurrent
// use. progress, when not nil, is called (from one goroutine at a time)
// after each batch and at the end.
//
// Each file is brought in step by a goroutine of its own, so that the
// files are written at once (on two cores, a 100k build takes about half
// the time of one file's). A file found damaged earlier ([ErrBroken]) is
// first set aside and rebuilt; so is a file that fails SQLite's quick
// check, which Sync runs at the end (it reads the whole file: about 1.5 s
// of CPU for 100k postings) unless the file is known sound: built from
// nothing by this Index, checked by it already, or closed cleanly
// ([Index.Close]) and not changed since, within a week of its last check.
// When ctx is cancelled, Sync returns ctx.Err(); the batches already
// written stay valid and a later Sync goes on from there.
//
// Each file's goroutine ends by reading its rowid → ID table and its
// documents' lengths (about 150 ms of CPU for 100k postings), which the
// first search after Sync would otherwise read, while the other file may
// still be written; a failure to read them is left to that search to
// report.
func (ix *Index) Sync(ctx context.Context, items []Item, load func(ctx context.Context, i int) (Doc, error), progress func(Progress)) (Stats, error) {
	return ix.SyncFunc(ctx, items, nil, load, progress)
}

// SyncFunc is Sync for items whose stamps cost something to find (a stat
// of a file each): an item's Stamp may be left empty, and is then asked
// of stamp(i) only where the index holds the item's ID, to compare; a new
// item is indexed with the Stamp of the Doc that load gives. stamp (nil:
// none; the empty stamp then matches none) is called from one goroutine
// per core at once.
func (ix *Index) SyncFunc(ctx context.Context, items []Item, stamp func(i int) string, load func(ctx context.Context, i int) (Doc, error), progress func(Progress)) (Stats, error) {
	parts, where, have, err := ix.route(ctx, items)
	if err != nil {
		return Stats{}, err
	}
	if stamp != nil {
		stampHeld(parts, where, have, stamp)
	}
	prog := newProgressSum(len(ix.shards), progress)
	stats := make([]Stats, len(ix.shards))
	err = ix.eachShard(func(k int, s *shard) error {
		var err error
		stats[k], err = s.Sync(ctx, parts[k], have[k], func(ctx context.Context, j int) (Doc, error) {
			return load(ctx, where[k][j])
		}, func(p Progress) { prog.report(k, p) })
		if err == nil {
			// At once, while the other file may still be written. A
			// failure here is the search's to report (and marks the
			// file).
			_ = s.warm(ctx)
		}
		return err
	})
	var st Stats
	for _, s := range stats {
		st.Indexed, st.Removed, st.Unchanged, st.Failed = st.Indexed+s.Indexed, st.Removed+s.Removed, st.Unchanged+s.Unchanged, st.Failed+s.Failed
	}
	return st, err
}

// route splits items by the shard each is to be in: the one that holds it
// already (the first, should two), else, when at least ix.shardMin are
// new, the one of [shardOf], else the first. where[k][j] is the index in
// items of parts[k][j]; have[k] is what shard k holds (nil when it was
// found damaged). A shard that holds a document of another's part removes
// it in its Sync.
func (ix *Index) route(ctx context.Context, items []Item) (parts [][]Item, where [][]int, have []map[string]string, err error) {
	have = make([]map[string]string, len(ix.shards))
	for k, s := range ix.shards {
		if _, err := s.rebuild(ctx); err != nil {
			return nil, nil, nil, err
		}
		stamps, err := s.Stamps(ctx)
		if errors.Is(err, ErrBroken) {
			continue // its Sync rebuilds it, and indexes its part again
		}
		if err != nil {
			return nil, nil, nil, err
		}
		have[k] = stamps
	}
	holder := func(id string) (int, bool) {
		for k, m := range have {
			if _, ok := m[id]; ok {
				return k, true
			}
		}
		return 0, false
	}
	held := make([]int, len(items)) // the shard holding items[i], or -1
	fresh := 0
	for i, it := range items {
		k, ok := holder(it.ID)
		if !ok {
			k = -1
			fresh++
		}
		held[i] = k
	}
	parts, where = make([][]Item, len(ix.shards)), make([][]int, len(ix.shards))
	for i, it := range items {
		k := held[i]
		switch {
		case k >= 0:
		case fresh >= ix.shardMin:
			k = shardOf(it.ID)
		default:
			k = 0
		}
		parts[k] = append(parts[k], it)
		where[k] = append(where[k], i)
	}
	return parts, where, have, nil
}

// stampPart is the fewest items [stampHeld] gives a goroutine of its own.
const stampPart = 4096

// stampHeld sets the empty stamps of the items of parts that their file
// holds (have) to stamp of their index in the caller's items (where), on
// every core.
func stampHeld(parts [][]Item, where [][]int, have []map[string]string, stamp func(i int) string) {
	type ref struct{ k, j int }
	var todo []ref
	for k, part := range parts {
		for j, it := range part {
			if _, held := have[k][it.ID]; held && it.Stamp == "" {
				todo = append(todo, ref{k, j})
			}
		}
	}
	n := min(runtime.GOMAXPROCS(0), max(1, len(todo)/stampPart))
	var wg sync.WaitGroup
	for w := range n {
		wg.Go(func() {
			for _, r := range todo[w*len(todo)/n : (w+1)*len(todo)/n] {
				parts[r.k][r.j].Stamp = stamp(where[r.k][r.j])
			}
		})
	}
	wg.Wait()
}

// progressSum adds up the progress of the shards' Syncs. It reports
// nothing until every shard has reported once, and then first that none
// is done, so that the first report counts every document to index.
type progressSum struct {
	mu      sync.Mutex
	each    []Progress
	heard   []bool
	started bool
	fn      func(Progress)
}

func newProgressSum(n int, fn func(Progress)) *progressSum {
	return &progressSum{each: make([]Progress, n), heard: make([]bool, n), fn: fn}
}

// report records shard k's progress and reports the sum.
func (p *progressSum) report(k int, pr Progress) {
	if p.fn == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.each[k], p.heard[k] = pr, true
	var sum Progress
	for i, e := range p.each {
		if !p.heard[i] {
			return
		}
		sum.Done, sum.Total = sum.Done+e.Done, sum.Total+e.Total
	}
	if !p.started {
		p.started = true
		p.fn(Progress{Total: sum.Total})
		if sum.Done == 0 {
			return
		}
	}
	p.fn(sum)
}

// Put adds documents or replaces their text, in one transaction per file
// written: a document goes to the file that holds it, a new one to the
// first (it reads the stamps of the index first, as [Index.Sync] does). A
// document whose stamp is already indexed is left as it is.
func (ix *Index) Put(ctx context.Context, docs ...Doc) error {
	parts, _, _, err := ix.route(ctx, docItems(docs))
	if err != nil {
		return err
	}
	byID := make(map[string]Doc, len(docs))
	for _, d := range docs {
		byID[d.ID] = d
	}
	return ix.eachShard(func(k int, s *shard) error {
		if len(parts[k]) == 0 {
			return nil
		}
		out := make([]Doc, len(parts[k]))
		for j, it := range parts[k] {
			out[j] = byID[it.ID]
		}
		return s.Put(ctx, out...)
	})
}

// docItems returns the items of docs.
func docItems(docs []Doc) []Item {
	out := make([]Item, len(docs))
	for i, d := range docs {
		out[i] = Item{ID: d.ID, Stamp: d.Stamp}
	}
	return out
}

// Remove removes the documents of these IDs; unknown IDs are ignored.
func (ix *Index) Remove(ctx context.Context, ids ...string) error {
	return ix.eachShard(func(_ int, s *shard) error { return s.Remove(ctx, ids...) })
}

// Stamps returns the indexed documents: ID → stamp.
func (ix *Index) Stamps(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	for _, s := range ix.shards {
		m, err := s.Stamps(ctx)
		if err != nil {
			return nil, err
		}
		maps.Copy(out, m)
	}
	return out, nil
}

// Count returns the number of documents in the index.
func (ix *Index) Count(ctx context.Context) (int, error) {
	total := 0
	for _, s := range ix.shards {
		n, err := s.Count(ctx)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// Search returns the documents that match every included term of q and no
// excluded one, in no particular order, with their BM25 scores. It
// returns [ErrEmptyQuery] for a query without terms and an error wrapping
// [ErrBroken] when a file turns out to be damaged (the next [Index.Sync]
// rebuilds it); it never returns a partial result.
//
// Each file is searched at once by a goroutine of its own and scores its
// hits with the statistics of its own documents (their number, lengths
// and how many hold each term), as a search engine's shards do: the files
// hold random halves of the postings, so a term weighs about the same in
// each (a small index is one file). Scores are 0 for the hits of a file
// that half its documents or more match, and for those of a phrase whose
// words are each that common (BM25 gives such words no weight). A
// document that two processes indexed into both files at once comes back
// twice, with the same ID, until the next [Index.Sync] keeps one copy.
func (ix *Index) Search(ctx context.Context, q Query) ([]Hit, error) {
	return ix.search(ctx, q, true)
}

// Match is [Index.Search] without scores: every Hit's Score is 0. Use it
// when the results are not ranked by relevance (the query has other terms,
// or a sort of its own).
func (ix *Index) Match(ctx context.Context, q Query) ([]Hit, error) {
	return ix.search(ctx, q, false)
}

func (ix *Index) search(ctx context.Context, q Query, ranked bool) ([]Hit, error) {
	parts, err := ix.find(ctx, q, ranked)
	if err != nil {
		return nil, err
	}
	n := 0
	for _, p := range parts {
		n += len(p.rows)
	}
	out := make([]Hit, 0, n)
	for _, p := range parts {
		out = append(out, p.hits()...)
	}
	return out, nil
}

// find searches every shard at once and returns their results, in the
// order of the shards.
func (ix *Index) find(ctx context.Context, q Query, ranked bool) ([]found, error) {
	if len(q) == 0 {
		return nil, ErrEmptyQuery
	}
	parts := make([]found, len(ix.shards))
	err := ix.eachShard(func(k int, s *shard) error {
		var err error
		parts[k], err = s.search(ctx, q, ranked)
		return err
	})
	if err != nil {
		return nil, err
	}
	return parts, nil
}

// Rows is [Index.Search] (ranked) or [Index.Match] answering with the
// rows of each file's key table, which a filter places in a collection
// with an array read a hit (see [model.RowKeys]).
func (ix *Index) Rows(ctx context.Context, q Query, ranked bool) (model.TextRows, error) {
	parts, err := ix.find(ctx, q, ranked)
	if err != nil {
		return nil, err
	}
	out := make(model.TextRows, 0, len(parts))
	for _, p := range parts {
		if len(p.rows) > 0 {
			out = append(out, model.TextRowSet{Keys: p.keys, Rows: p.rows, Scores: p.scores})
		}
	}
	return out, nil
}
