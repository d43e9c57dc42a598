package search

import (
	"context"
	"fmt"
	"slices"
)

// Hit is a document that matches a query, with its relevance: the BM25
// score, higher for a better match (0 when the query had only excluded
// terms).
type Hit struct {
	ID    string
	Score float64
}

// weights are the BM25 weights of the columns title, company, location,
// keywords and body: a word in the title counts as much as ten in the body.
const weights = "10.0, 5.0, 3.0, 5.0, 1.0"

// Search returns the documents that match every included term of q and no
// excluded one, in no particular order, with their BM25 scores. It
// returns [ErrEmptyQuery] for a query without terms and an error wrapping
// [ErrBroken] when the file turns out to be damaged (the next
// [Index.Sync] rebuilds it); it never returns a partial result.
//
// Scoring costs about 2 us per hit; [Index.Match] finds the same
// documents without scores, several times faster on large results.
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
	if len(q) == 0 {
		return nil, ErrEmptyQuery
	}
	score := "0.0"
	if ranked {
		score = "-bm25(fts, " + weights + ")"
	}
	in, ex := q.match()
	switch {
	case in != "" && ex != "":
		in = "(" + in + ") NOT (" + ex + ")"
	case in == "":
		return ix.query(ctx, `SELECT id, 0.0 FROM docs WHERE id NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)`, ex)
	}
	return ix.query(ctx, `SELECT rowid, `+score+` FROM fts WHERE fts MATCH ?`, in)
}

// query runs a search statement returning (rowid, score) rows for the MATCH
// expression match, or returns the cached rows of the same statement when
// nothing was written since.
func (ix *Index) query(ctx context.Context, sqlText, match string) ([]Hit, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.r == nil {
		return nil, errClosed
	}
	var gen int64
	if err := ix.r.QueryRowContext(ctx, `SELECT v FROM meta WHERE k = 'gen'`).Scan(&gen); err != nil {
		return nil, ix.markBroken(ctx, fmt.Errorf("search: %w", err))
	}
	key := sqlText + "\x00" + match
	if hits, ok := ix.cache.get(key, gen); ok && !ix.opts.NoCache {
		return hits, nil
	}
	hits, err := ix.run(ctx, sqlText, match)
	if err == nil && !ix.opts.NoCache {
		ix.cache.put(key, gen, hits)
	}
	return slices.Clone(hits), err
}

// run runs a search statement and names its rowids; the caller holds
// ix.mu.
func (ix *Index) run(ctx context.Context, sqlText, match string) ([]Hit, error) {
	ids, scores, err := ix.rows(ctx, sqlText, match)
	if err != nil {
		return nil, ix.markBroken(ctx, fmt.Errorf("search: %w", err))
	}
	// After the query: every rowid it returned is in docs by now.
	if err := ix.keys.refresh(ctx, ix.r); err != nil {
		return nil, ix.markBroken(ctx, fmt.Errorf("search: %w", err))
	}
	hits := make([]Hit, 0, len(ids))
	for i, id := range ids {
		key := ix.keys.name(id)
		if key == "" {
			return nil, ix.markBroken(ctx, fmt.Errorf("search: %w: text of rowid %d has no document", errOrphan, id))
		}
		hits = append(hits, Hit{ID: key, Score: scores[i]})
	}
	return hits, nil
}

// errOrphan is the damage of an FTS5 row without its docs row.
var errOrphan = &damage{"index rows without documents"}

// rows runs a statement returning (rowid, score) rows.
func (ix *Index) rows(ctx context.Context, sqlText, match string) ([]int64, []float64, error) {
	rows, err := ix.r.QueryContext(ctx, sqlText, match)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var ids []int64
	var scores []float64
	for rows.Next() {
		var id int64
		var score float64
		if err := rows.Scan(&id, &score); err != nil {
			return nil, nil, err
		}
		ids, scores = append(ids, id), append(scores, score)
	}
	return ids, scores, rows.Err()
}

// Count returns the number of documents in the index.
func (ix *Index) Count(ctx context.Context) (int, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.r == nil {
		return 0, errClosed
	}
	var n int
	err := ix.r.QueryRowContext(ctx, `SELECT count(*) FROM docs`).Scan(&n)
	return n, ix.markBroken(ctx, err)
}
