package search

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Hit is a document that matches a query, with its relevance: the BM25
// score, higher for a better match. It is 0 when the query had only
// excluded terms, and when the query matches at least half the documents
// (see [Index.Search]).
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
// Scoring costs about 1.5 us per hit, most of it FTS5 reading each hit's
// length. It is skipped when the query matches at least half the
// documents: every term of such a query is in half of them too, and FTS5's
// BM25 then clamps the term's weight (its IDF) to 1e-6, which puts every
// hit's score under 2.2e-6 per term (1e-6 × (k1+1)) — below any
// difference a ranking can use. Those hits come back with Score 0, as
// fast as [Index.Match].
func (ix *Index) Search(ctx context.Context, q Query) ([]Hit, error) {
	return ix.search(ctx, q, true)
}

// Match is [Index.Search] without scores: every Hit's Score is 0. Use it
// when the results are not ranked by relevance (the query has other terms,
// or a sort of its own).
func (ix *Index) Match(ctx context.Context, q Query) ([]Hit, error) {
	return ix.search(ctx, q, false)
}

// The statements of a search: the rowids matching an FTS5 expression, as
// one comma-separated list (one row instead of one a hit: half the cost of
// a large result); the same with scores ("rowid score,…"; FTS5 allows its
// ranking function only in a query of its own, hence the materialized
// subquery); the documents matching none of an expression; and the number
// of documents.
const (
	sqlMatch       = `SELECT group_concat(rowid) FROM fts WHERE fts MATCH ?`
	sqlRanked      = rankedHead + rankedTail
	sqlRankedUpTo  = rankedHead + ` AND rowid <= ?` + rankedTail
	sqlRankedAbove = rankedHead + ` AND rowid > ?` + rankedTail
	sqlNone        = `SELECT group_concat(id) FROM docs WHERE id NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)`
	sqlCount       = `SELECT count(*) FROM docs`
	sqlGen         = `SELECT v FROM meta WHERE k = 'gen'`

	rankedHead = `WITH h AS MATERIALIZED (SELECT rowid AS id, -bm25(fts, ` + weights + `) AS score FROM fts WHERE fts MATCH ?`
	rankedTail = `) SELECT group_concat(id || ' ' || score) FROM h`
)

func (ix *Index) search(ctx context.Context, q Query, ranked bool) ([]Hit, error) {
	if len(q) == 0 {
		return nil, ErrEmptyQuery
	}
	in, ex := q.match()
	switch {
	case in != "" && ex != "":
		in = "(" + in + ") NOT (" + ex + ")"
	case in == "":
		return ix.query(ctx, sqlNone, ex)
	}
	if !ranked {
		return ix.query(ctx, sqlMatch, in)
	}
	return ix.query(ctx, sqlRanked, in)
}

// query runs a search statement for the MATCH expression match, or returns
// the cached hits of the same statement when nothing was written since.
func (ix *Index) query(ctx context.Context, sqlText, match string) ([]Hit, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.r == nil {
		return nil, errClosed
	}
	var gen int64
	if err := ix.r.QueryRowContext(ctx, sqlGen).Scan(&gen); err != nil {
		return nil, ix.markBroken(ctx, fmt.Errorf("search: %w", err))
	}
	key := sqlText + "\x00" + match
	if hits, ok := ix.cache.get(key, gen); ok && !ix.opts.NoCache {
		return hits, nil
	}
	hits, err := ix.run(ctx, sqlText, match, gen)
	if err == nil && !ix.opts.NoCache {
		ix.cache.put(key, gen, hits)
	}
	return slices.Clone(hits), err
}

// run runs a search statement and names its rowids; the caller holds
// ix.mu.
func (ix *Index) run(ctx context.Context, sqlText, match string, gen int64) ([]Hit, error) {
	var ids []int64
	var scores []float64
	var err error
	if sqlText == sqlRanked {
		ids, scores, err = ix.ranked(ctx, match, gen)
	} else {
		ids, scores, err = ix.rows(ctx, sqlText, match, false)
	}
	if err != nil {
		return nil, ix.markBroken(ctx, fmt.Errorf("search: %w", err))
	}
	// After the query: every rowid it returned is in docs by now.
	if err := ix.keys.refresh(ctx, ix.r); err != nil {
		return nil, ix.markBroken(ctx, fmt.Errorf("search: %w", err))
	}
	hits, orphan, ok := ix.keys.hits(ids, scores)
	if !ok {
		return nil, ix.markBroken(ctx, fmt.Errorf("search: %w: text of rowid %d has no document", errOrphan, orphan))
	}
	return hits, nil
}

// splitMin is the number of hits from which a ranked search scores them
// in two halves at once, on two connections (two cores): about 8 ms of
// scoring. The halves take about a third less time when a core is free,
// and the same when the machine is busy, for some more CPU; under it, one
// query costs less.
const splitMin = 5000

// ranked returns the rowids matching match with their scores, or with nil
// scores when they match at least half the documents (see
// [Index.Search]). A query of single words (or prefixes) is first matched
// without scores, which costs a tenth as much: a common one needs no
// more, and the others are scored in two halves at once when they are
// many. A query with a phrase is scored at once: FTS5's BM25 matches each
// phrase over the whole table to weigh it, which would be done twice.
func (ix *Index) ranked(ctx context.Context, match string, gen int64) ([]int64, []float64, error) {
	n, err := ix.count(ctx, gen)
	if err != nil {
		return nil, nil, err
	}
	if hasPhrase(match) {
		ids, scores, err := ix.rows(ctx, sqlRanked, match, true)
		if 2*len(ids) >= n {
			scores = nil
		}
		return ids, scores, err
	}
	ids, _, err := ix.rows(ctx, sqlMatch, match, false)
	if err != nil || 2*len(ids) >= n || len(ids) == 0 {
		return ids, nil, err
	}
	if len(ids) < splitMin {
		return ix.rows(ctx, sqlRanked, match, true)
	}
	return ix.rankedHalves(ctx, match, ids[len(ids)/2])
}

// rankedHalves scores the matches up to rowid mid and those after it on
// two connections at once. The scores are those of one query (BM25 weighs
// terms over the whole table whatever the rowids asked for), and so are
// the hits: each half reads in a transaction of its own, and when another
// process wrote between the two (their write generations differ) the
// query runs again as one.
func (ix *Index) rankedHalves(ctx context.Context, match string, mid int64) ([]int64, []float64, error) {
	type half struct {
		ids    []int64
		scores []float64
		gen    int64
		err    error
	}
	above := make(chan half, 1)
	go func() {
		var h half
		h.ids, h.scores, h.gen, h.err = ix.rowsAt(ctx, sqlRankedAbove, match, mid)
		above <- h
	}()
	ids, scores, gen, err := ix.rowsAt(ctx, sqlRankedUpTo, match, mid)
	hi := <-above
	if err := errors.Join(err, hi.err); err != nil {
		return nil, nil, err
	}
	if gen != hi.gen {
		return ix.rows(ctx, sqlRanked, match, true)
	}
	return append(ids, hi.ids...), append(scores, hi.scores...), nil
}

// rowsAt runs a scored statement with the argument arg in a read
// transaction, and returns the write generation it read at too.
func (ix *Index) rowsAt(ctx context.Context, sqlText, match string, arg any) ([]int64, []float64, int64, error) {
	tx, err := ix.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, 0, err
	}
	defer tx.Rollback()
	var gen int64
	if err := tx.QueryRowContext(ctx, sqlGen).Scan(&gen); err != nil {
		return nil, nil, 0, err
	}
	var list sql.NullString
	if err := tx.QueryRowContext(ctx, sqlText, match, arg).Scan(&list); err != nil {
		return nil, nil, 0, err
	}
	ids, scores, err := parseHits(list.String, true)
	return ids, scores, gen, err
}

// hasPhrase reports whether a MATCH expression of [Query.match] holds a
// term of several words.
func hasPhrase(match string) bool {
	for _, t := range strings.Split(match, `"`) {
		if words := strings.FieldsFunc(t, func(r rune) bool { return !isWordRune(r) }); len(words) > 1 {
			return true
		}
	}
	return false
}

// count returns the number of documents at write generation gen, counted
// once per generation.
func (ix *Index) count(ctx context.Context, gen int64) (int, error) {
	if n, ok := ix.cache.count(gen); ok {
		return n, nil
	}
	var n int
	if err := ix.r.QueryRowContext(ctx, sqlCount).Scan(&n); err != nil {
		return 0, err
	}
	ix.cache.setCount(gen, n)
	return n, nil
}

// errOrphan is the damage of an FTS5 row without its docs row.
var errOrphan = &damage{"index rows without documents"}

// rows runs a statement returning one list of rowids, or of "rowid score"
// pairs when scored, separated by commas.
func (ix *Index) rows(ctx context.Context, sqlText, match string, scored bool, args ...any) ([]int64, []float64, error) {
	var list sql.NullString
	if err := ix.r.QueryRowContext(ctx, sqlText, append([]any{match}, args...)...).Scan(&list); err != nil {
		return nil, nil, err
	}
	return parseHits(list.String, scored)
}

// parseHits parses the list of a search statement.
func parseHits(list string, scored bool) ([]int64, []float64, error) {
	if list == "" {
		return nil, nil, nil
	}
	n := strings.Count(list, ",") + 1
	ids := make([]int64, 0, n)
	var scores []float64
	if scored {
		scores = make([]float64, 0, n)
	}
	for item := range strings.SplitSeq(list, ",") {
		idText, scoreText, _ := strings.Cut(item, " ")
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: rowid %q", errBadList, idText)
		}
		ids = append(ids, id)
		if scored {
			sc, err := strconv.ParseFloat(scoreText, 64)
			if err != nil {
				return nil, nil, fmt.Errorf("%w: score %q", errBadList, scoreText)
			}
			scores = append(scores, sc)
		}
	}
	return ids, scores, nil
}

// errBadList is the damage of a search result that does not parse.
var errBadList = &damage{"a search returned a malformed list"}

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
