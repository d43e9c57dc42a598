package main

import (
	"context"
	"errors"
	"io"

	"github.com/jobdeck/jobdeck/loader/textindex"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/ui"
)

// textIndexLater is the browser's full-text index, opened in a goroutine
// of its own while the load begins: opening SQLite's files and checking
// their schema took 8-16 ms that the first batch of postings waited for.
// Its searcher and its sync wait for the open; what the open had to say
// (an index that could not be opened) is the sync's error, in the status
// line, and [textIndexLater.Close] says it on stderr, where openTextIndex
// says it for the other commands.
type textIndexLater struct {
	done chan struct{}
	// Set before done is closed.
	x    *textindex.Index   // nil: none
	text model.TextSearcher // x's searcher, or the one saying why there is none
	err  error              // why x could not be opened
}

// openTextIndexLater starts opening the index of paths as openTextIndex
// does, and returns at once.
func openTextIndexLater(ctx context.Context, c common, paths []string, maxBody int64) *textIndexLater {
	l := &textIndexLater{done: make(chan struct{})}
	go func() {
		defer close(l.done)
		l.x, l.text, l.err = openTextIndexErr(ctx, c, paths, maxBody)
	}()
	return l
}

// wait waits for the open, or for ctx to end.
func (l *textIndexLater) wait(ctx context.Context) error {
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
	<-l.done
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

// Close waits for the open, closes the index and says on stderr what the
// open said, as the other commands do before they begin.
func (l *textIndexLater) Close(stderr io.Writer) {
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
