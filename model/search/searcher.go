package search

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/jobdeck/jobdeck/model"
)

// Searcher is the [model.TextSearcher] of an [Index]: it turns the quoted
// terms of a query into a [Query] and runs [Index.Search] when ranked,
// [Index.Match] otherwise.
//
// A Searcher answers only once the index is ready, and until then returns
// an error wrapping [model.ErrIndexNotReady]. The index is ready when
// [Searcher.SetReady] was called — after the first [Index.Sync] of this
// process finished — or when it was already searchable when the Searcher
// was made: an index holding documents from an earlier launch answers at
// once, from what it held then, while the Sync brings it in step (a
// posting whose file changed since is found by its old text until then).
type Searcher struct {
	ix    *Index
	ready atomic.Bool
}

// NewSearcher returns the Searcher of ix. It counts ix's documents: an
// index that holds some is ready at once (see [Searcher]).
func NewSearcher(ctx context.Context, ix *Index) *Searcher {
	s := &Searcher{ix: ix}
	if n, err := ix.Count(ctx); err == nil && n > 0 {
		s.ready.Store(true)
	}
	return s
}

// SetReady marks the index as in step with the postings: call it when a
// Sync has finished.
func (s *Searcher) SetReady() { s.ready.Store(true) }

// Ready reports whether the Searcher answers.
func (s *Searcher) Ready() bool { return s.ready.Load() }

// SearchText implements [model.TextSearcher]. A term that holds no word
// is an error wrapping [ErrEmptyTerm]; so is a list of none.
func (s *Searcher) SearchText(ctx context.Context, terms []model.TextTerm, ranked bool) (map[string]float64, error) {
	if !s.ready.Load() {
		return nil, fmt.Errorf("search: %w", model.ErrIndexNotReady)
	}
	q, err := QueryOf(terms)
	if err != nil {
		return nil, err
	}
	var hits []Hit
	if ranked {
		hits, err = s.ix.Search(ctx, q)
	} else {
		hits, err = s.ix.Match(ctx, q)
	}
	if err != nil {
		return nil, err
	}
	out := make(map[string]float64, len(hits))
	for _, h := range hits {
		out[h.ID] = h.Score
	}
	return out, nil
}

// SearchTextRows implements [model.RowTextSearcher]: SearchText
// answering with rows ([Index.Rows]).
func (s *Searcher) SearchTextRows(ctx context.Context, terms []model.TextTerm, ranked bool) (model.TextRows, error) {
	if !s.ready.Load() {
		return nil, fmt.Errorf("search: %w", model.ErrIndexNotReady)
	}
	q, err := QueryOf(terms)
	if err != nil {
		return nil, err
	}
	return s.ix.Rows(ctx, q, ranked)
}

// PrepareText implements [model.TextPreparer]: it places the rows of
// every file of the index in snap's collection (see [model.RowKeys]), as
// the first search would.
func (s *Searcher) PrepareText(snap model.Snapshot) {
	for _, sh := range s.ix.shards {
		sh.keys.table().Place(snap)
	}
}

// QueryOf returns the index query of a query's quoted terms.
func QueryOf(terms []model.TextTerm) (Query, error) {
	if len(terms) == 0 {
		return nil, fmt.Errorf("no quoted term: %w", ErrEmptyTerm)
	}
	q := make(Query, 0, len(terms))
	for _, t := range terms {
		term, err := NewTerm(t.Text, t.Exclude)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		q = append(q, term)
	}
	return q, nil
}

// ErrTextOff is wrapped by the searcher of [Off].
var ErrTextOff = errors.New("full-text search is off")

// Off is the [model.TextSearcher] of a jobdeck that keeps no index: every
// search fails with an error wrapping [ErrTextOff] that ends with Reason
// ("--no-cache").
type Off struct{ Reason string }

// SearchText implements [model.TextSearcher]: it always fails.
func (o Off) SearchText(context.Context, []model.TextTerm, bool) (map[string]float64, error) {
	if o.Reason == "" {
		return nil, ErrTextOff
	}
	return nil, fmt.Errorf("%w (%s)", ErrTextOff, o.Reason)
}

var (
	_ model.RowTextSearcher = (*Searcher)(nil)
	_ model.TextPreparer    = (*Searcher)(nil)
	_ model.TextSearcher    = Off{}
)
