package main

import (
	"context"
	"errors"
	"io"
	"sync"

	"github.com/jobdeck/jobdeck/loader/textindex"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/search"
	"github.com/jobdeck/jobdeck/ui"
)

// textIndexLater is the browser's full-text index, opened in a goroutine
// of its own when it is first needed: by the sync, which starts once the
// loaded folder shows, or by a full-text query typed before that. Opened
// before the load, SQLite's files and schema check took 8-16 ms that the
// first batch of postings waited for; opened beside it, its CPU was taken
// from the load. Its searcher and its sync wait for the open; what the
// open had to say (an index that could not be opened) is the sync's
// error, in the status line, and [textIndexLater.Close] says it on
// stderr, where openTextIndex says it for the other commands.
type textIndexLater struct {
	open  func() (*textindex.Index, model.TextSearcher, error)
	begin sync.Once // starts open
	done  chan struct{}
	// Set before done is closed.
	x    *textindex.Index   // nil: none
	text model.TextSearcher // x's searcher, or the one saying why there is none
	err  error              // why x could not be opened
}

// openTextIndexLater returns the index of paths, to be opened as
// openTextIndex does when first needed.
func openTextIndexLater(ctx context.Context, c common, paths []string, maxBody int64) *textIndexLater {
	return &textIndexLater{
		open: func() (*textindex.Index, model.TextSearcher, error) {
			return openTextIndexErr(ctx, c, paths, maxBody)
		},
		done: make(chan struct{}),
	}
}

// start starts the open unless it has started (or Close came first).
func (l *textIndexLater) start() {
	l.begin.Do(func() {
		go func() {
			defer close(l.done)
			l.x, l.text, l.err = l.open()
		}()
	})
}

// wait starts the open and waits for it, or for ctx to end.
func (l *textIndexLater) wait(ctx context.Context) error {
	l.start()
	select {
	case <-l.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// SearchText implements [model.TextSearcher] once the index is open.
func (l *textIndexLater) SearchText(ctx context.Context, terms []model.TextTerm, ranked bool) (map[string]float64, error) {
	if err := l.wait(ctx); err != nil {
		return nil, err
	}
	return l.text.SearchText(ctx, terms, ranked)
}

// SearchTextRows implements [model.RowTextSearcher] once the index is
// open; a searcher that answers only with ids (one saying why there is no
// index fails anyway) gives its error, or [errNoRows].
func (l *textIndexLater) SearchTextRows(ctx context.Context, terms []model.TextTerm, ranked bool) (model.TextRows, error) {
	if err := l.wait(ctx); err != nil {
		return nil, err
	}
	if rs, ok := l.text.(model.RowTextSearcher); ok {
		return rs.SearchTextRows(ctx, terms, ranked)
	}
	if _, err := l.text.SearchText(ctx, terms, ranked); err != nil {
		return nil, err
	}
	return nil, errNoRows
}

// errNoRows is what [textIndexLater.SearchTextRows] says of a searcher
// that answered by id.
var errNoRows = errors.New("full-text index: the searcher does not answer by row")

// PrepareText implements [model.TextPreparer] once the index is open.
func (l *textIndexLater) PrepareText(snap model.Snapshot) {
	_ = l.wait(context.Background())
	model.PrepareText(l.text, snap)
}

// Sync is the browser's sync of the index (see indexFunc); it first
// waits for the open, whose trouble it gives as its error.
func (l *textIndexLater) Sync(ctx context.Context, ps []*model.Posting, progress func(done, total int)) ([]string, error) {
	if err := l.wait(ctx); err != nil {
		return nil, err
	}
	if l.x == nil {
		return nil, l.err
	}
	return indexFunc(l.x)(ctx, ps, progress)
}

// Close waits for an open that started, closes the index and says on
// stderr what the open said, as the other commands do before they begin.
// An index nothing needed is never opened.
func (l *textIndexLater) Close(stderr io.Writer) {
	l.begin.Do(func() {
		l.text = search.Off{Reason: "the browser has quit"}
		close(l.done)
	})
	<-l.done
	if l.err != nil {
		warn(stderr, l.err)
	}
	closeTextIndex(l.x, stderr)
}

var (
	_ model.RowTextSearcher = (*textIndexLater)(nil)
	_ model.TextPreparer    = (*textIndexLater)(nil)
)

// browserTextIndex is the browser's searcher and index sync: an index
// opened in the background (closed when the program ends, which cancels a
// sync still running), or with --no-cache or --demo none, the searcher
// saying why.
func browserTextIndex(c common, paths []string, maxBody int64, stderr io.Writer) (model.TextSearcher, ui.IndexFunc, func()) {
	if c.demo || c.noCache {
		_, text := openTextIndex(context.Background(), c, paths, maxBody, stderr)
		return text, nil, func() {}
	}
	l := openTextIndexLater(context.Background(), c, paths, maxBody)
	return l, l.Sync, func() { l.Close(stderr) }
}
