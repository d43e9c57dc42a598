// Package textindex keeps the full-text index ([search.Index]) of a set of
// posting folders in step with the postings the loader read: it stamps
// each posting with its file's size and modification time, re-reads the
// bodies of the postings whose stamp changed, and makes the index's
// [search.Searcher] ready when a sync has finished. It knows nothing of
// the UI: progress goes to a callback.
package textindex

import (
	"context"
	"fmt"
	"sync"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/search"
)

// Index is the full-text index of one set of posting folders and its
// searcher.
type Index struct {
	ix      *search.Index
	text    *search.Searcher
	maxBody int64

	mu    sync.Mutex // guards shown
	shown int        // notes of ix already returned by NewNotes

	stop    context.CancelFunc // cancels every Sync, at Close
	stopped context.Context
	syncs   sync.WaitGroup // the Syncs running
}

// Open opens (or creates) the index of the folders roots (absolute paths)
// in the cache folder cache ([search.DirFor]). maxBody caps the bodies
// read for indexing (0: [loader.DefaultMaxBody]). A damaged, foreign or
// locked index file is set aside and a new one made: [Index.NewNotes]
// says so.
func Open(ctx context.Context, cache string, roots []string, maxBody int64, opts search.Options) (*Index, error) {
	ix, err := search.Open(ctx, search.DirFor(cache, roots), opts)
	if err != nil {
		return nil, fmt.Errorf("full-text index: %w", err)
	}
	x := &Index{ix: ix, text: search.NewSearcher(ctx, ix), maxBody: maxBody}
	x.stopped, x.stop = context.WithCancel(context.Background())
	return x, nil
}

// Text returns the searcher of the index, for the query's quoted terms.
func (x *Index) Text() *search.Searcher { return x.text }

// Close cancels the Syncs running, waits for them to end and closes the
// index.
func (x *Index) Close() error {
	x.stop()
	x.syncs.Wait()
	return x.ix.Close()
}

// NewNotes returns the index's messages about files set aside that no
// earlier call returned.
func (x *Index) NewNotes() []string {
	x.mu.Lock()
	defer x.mu.Unlock()
	all := x.ix.Notes()
	if len(all) <= x.shown {
		return nil
	}
	out := all[x.shown:]
	x.shown = len(all)
	return out
}

// Sync brings the index in step with ps — indexing the postings whose file
// changed, removing those no longer there — and then marks the searcher
// ready. progress (nil: none) is called with the documents indexed so far
// and the number to index. It stops when ctx is cancelled, keeping what
// it committed, or when the index is closed.
func (x *Index) Sync(ctx context.Context, ps []*model.Posting, progress func(done, total int)) (search.Stats, error) {
	x.syncs.Add(1)
	defer x.syncs.Done()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(x.stopped, cancel)()
	items := unstampedItems(ps)
	load := func(_ context.Context, i int) (search.Doc, error) {
		return DocOf(ps[i], items[i].Stamp, x.maxBody)
	}
	stamp := func(i int) string { return stampOf(ps[i], nil) }
	var report func(search.Progress)
	if progress != nil {
		report = func(p search.Progress) { progress(p.Done, p.Total) }
	}
	st, err := x.ix.SyncFunc(ctx, items, stamp, load, report)
	if err != nil {
		return st, fmt.Errorf("full-text index: %w", err)
	}
	x.text.SetReady()
	return st, nil
}

// DocOf returns the document of posting p with stamp: its fields and its
// body, read again from its file when the loader did not keep it. The
// body may share the memory of a read buffer, which the document's Done
// gives back once the index has written it. An empty stamp is that of the
// file read (see [Items]).
func DocOf(p *model.Posting, stamp string, maxBody int64) (search.Doc, error) {
	b, err := loader.BorrowBody(p, maxBody)
	if err != nil {
		return search.Doc{}, err
	}
	switch {
	case stamp != "":
	case b.File.Known:
		stamp = search.StampOf(b.File.Size, b.File.ModTime)
	default:
		stamp = stampOf(p, nil)
	}
	return search.Doc{
		ID: p.ID, Stamp: stamp,
		Title: p.Title, Company: p.Company, Location: p.Location, Keywords: p.Keywords,
		Body: b.Body, Done: b.Release,
	}, nil
}
