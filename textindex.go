package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/cache"
	"github.com/jobdeck/jobdeck/loader/textindex"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/search"
	"github.com/jobdeck/jobdeck/ui"
)

// openTextIndex opens the full-text index of paths (the current folder
// when none) in the cache folder. With --no-cache or --demo, or when it
// cannot be opened (said on stderr), there is none: the searcher says
// full-text search is off and why, and x is nil.
func openTextIndex(ctx context.Context, c common, paths []string, maxBody int64, stderr io.Writer) (x *textindex.Index, text model.TextSearcher) {
	x, text, err := openTextIndexErr(ctx, c, paths, maxBody)
	if err != nil {
		warn(stderr, err)
	}
	return x, text
}

// openTextIndexErr is openTextIndex returning what it would say on
// stderr.
func openTextIndexErr(ctx context.Context, c common, paths []string, maxBody int64) (*textindex.Index, model.TextSearcher, error) {
	switch {
	case c.demo:
		return nil, search.Off{Reason: "the demo has no index"}, nil
	case c.noCache:
		return nil, search.Off{Reason: "--no-cache"}, nil
	}
	dir, roots, err := cacheRoots(paths)
	if err != nil {
		return nil, search.Off{Reason: "no cache folder"}, err
	}
	x, err := textindex.Open(ctx, dir, roots, maxBody, search.Options{})
	if err != nil {
		return nil, search.Off{Reason: err.Error()}, err
	}
	return x, x.Text(), nil
}

// cacheRoots returns the cache folder and the absolute paths of the
// posting folders paths (the current folder when none).
func cacheRoots(paths []string) (dir string, roots []string, err error) {
	if dir, err = cache.DefaultDir(); err != nil {
		return "", nil, err
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	roots = make([]string, len(paths))
	for i, p := range paths {
		if roots[i], err = filepath.Abs(p); err != nil {
			return "", nil, err
		}
	}
	return dir, roots, nil
}

// indexFunc is the browser's sync of x (nil: none).
func indexFunc(x *textindex.Index) ui.IndexFunc {
	if x == nil {
		return nil
	}
	return func(ctx context.Context, ps []*model.Posting, progress func(done, total int)) ([]string, error) {
		m := &syncMemory{tighten: tightenForIndex}
		defer m.restore()
		_, err := x.Sync(ctx, ps, m.watch(progress))
		return x.NewNotes(), err
	}
}

// syncMemory tightens the memory limit for a sync once it has documents
// to index, the first time its progress says so: a sync that finds every
// document indexed (a launch on an unchanged folder) reads no body and
// makes little garbage, and the collection that measures the live heap
// took 0.1 s at 100k postings and about a second at a million.
type syncMemory struct {
	tighten func() (restore func())
	undo    func() // set once tightened
}

// watch returns progress, tightening the limit before the first report
// with documents to index.
func (m *syncMemory) watch(progress func(done, total int)) func(done, total int) {
	return func(done, total int) {
		if total > done && m.undo == nil {
			m.undo = m.tighten()
		}
		if progress != nil {
			progress(done, total)
		}
	}
}

// restore puts back the limit that was there before, if it was tightened.
func (m *syncMemory) restore() {
	if m.undo != nil {
		m.undo()
	}
}

// tightenForIndex sets the memory limit for a sync (see indexMemoryLimit)
// and returns what puts the previous one back.
func tightenForIndex() (restore func()) {
	prev := debug.SetMemoryLimit(indexMemoryLimit(liveHeap()))
	return func() { debug.SetMemoryLimit(prev) }
}

// indexHeadroom is how far Go's memory may grow beyond the live heap
// while the browser builds the full-text index. Reading and indexing every
// body makes garbage fast: with the collector's default (the heap doubles
// before it runs) the browser peaked at 330-370 MB of RSS for 100k
// postings; with this at 253 MB, for 42 collections instead of 22 (about
// 1 s more CPU).
const indexHeadroom = 96 << 20

// indexLiveMax is the live heap above which a sync gets the limit the
// browser already has: live plus indexHeadroom would make the collector
// run too often for a heap that large (each run marks it all), and no
// limit at all let a million postings' browser grow from 1.4 to 1.7 GB
// as the sync began; the governor (see startGovernor) gives such a heap
// its own headroom.
const indexLiveMax = 256 << 20

// indexMemoryLimit is the soft memory limit for a sync when live bytes
// are on the heap: live plus indexHeadroom, the current one above
// indexLiveMax, or the one GOMEMLIMIT chose.
func indexMemoryLimit(live uint64) int64 {
	if os.Getenv("GOMEMLIMIT") != "" || live > indexLiveMax {
		return debug.SetMemoryLimit(-1)
	}
	return int64(live) + indexHeadroom
}

// liveHeap is the heap in use now, after a collection (a sample between
// collections counts garbage too).
func liveHeap() uint64 {
	runtime.GC()
	if live, ok := liveAfterGC(); ok {
		return live
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// syncTextIndex brings x in step with ps before a command searches it,
// saying the index's notes on stderr.
func syncTextIndex(ctx context.Context, x *textindex.Index, ps []*model.Posting, stderr io.Writer) error {
	if x == nil {
		return nil
	}
	_, err := x.Sync(ctx, ps, nil)
	for _, n := range x.NewNotes() {
		fmt.Fprintf(stderr, "jobdeck: full-text index: %s\n", loader.SafePath(n))
	}
	return err
}

// closeTextIndex closes x, if any, saying a failure on stderr.
func closeTextIndex(x *textindex.Index, stderr io.Writer) {
	if x == nil {
		return
	}
	if err := x.Close(); err != nil {
		warn(stderr, err)
	}
}

// listTextIndex is the searcher of `jobdeck list --query` and the like: nil
// when q has no quoted term; else the index of paths brought in step with
// ps first (the caller closes x), or the searcher that says why there is
// none.
func listTextIndex(ctx context.Context, c common, paths []string, q model.Query, ps []*model.Posting, stderr io.Writer) (x *textindex.Index, text model.TextSearcher, err error) {
	if len(q.TextTerms()) == 0 {
		return nil, nil, nil
	}
	x, text = openTextIndex(ctx, c, paths, 0, stderr)
	if err := syncTextIndex(ctx, x, ps, stderr); err != nil {
		closeTextIndex(x, stderr)
		return nil, nil, err
	}
	return x, text, nil
}

// keepTextMatches keeps the postings of shown that q's quoted terms find
