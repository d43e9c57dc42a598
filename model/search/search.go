package search

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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

// search returns the shard's documents that match q (see [Index.Search]),
// with their BM25 scores when ranked, else with scores 0.
//
// FTS5 scores a hit in about 1.5 us, most of it reading the hit's length
// from disk; a query of one included word (or prefix) is scored in Go
// instead, from the word's instances and the lengths held in memory
// ([shard.rankedInGo]), for a fifth of that. Scoring is skipped when the
// query matches at least half the shard's documents: every term of such
// a query is in half of them too, and FTS5's BM25 then clamps the term's weight (its IDF) to 1e-6, which
// puts every hit's score under 2.2e-6 per term (1e-6 × (k1+1)) — below any
// difference a ranking can use. Those hits come back with Score 0, as
// fast as unranked.
// The statements of a search: the rowids matching an FTS5 expression, as
// one comma-separated list (one row instead of one a hit: half the cost of
// a large result); the same with scores ("rowid score,…", from FTS5's
// rank column set to BM25 with the weights: FTS5 allows bm25() itself only
// in a query of its own, and a materialized subquery of it cost a quarter
// more than the column); the documents matching none of an expression;
// and the number of documents.
const (
	sqlMatch  = `SELECT group_concat(rowid) FROM fts WHERE fts MATCH ?`
	sqlRanked = `SELECT group_concat(rowid || ' ' || -rank) FROM fts WHERE fts MATCH ? AND rank MATCH 'bm25(` + weights + `)'`
	sqlNone   = `SELECT group_concat(id) FROM docs WHERE id NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)`
	sqlCount  = `SELECT count(*) FROM docs`
	sqlGen    = `SELECT v FROM meta WHERE k = 'gen'`
)

func (ix *shard) search(ctx context.Context, q Query, ranked bool) (found, error) {
	in, ex := q.match()
	switch {
	case in != "" && ex != "":
		in = "(" + in + ") NOT (" + ex + ")"
	case in == "":
		return ix.query(ctx, sqlNone, ex, nil)
	}
	if !ranked {
		if _, ok := q.phraseTokens(); ok {
			return ix.query(ctx, sqlMatch, in, q)
		}
		return ix.query(ctx, sqlMatch, in, nil)
	}
	return ix.query(ctx, sqlRanked, in, q)
}

// query runs a search statement for the MATCH expression match, or returns
// the cached result of the same statement when nothing was written since.
// q is the query of a ranked search (nil otherwise).
func (ix *shard) query(ctx context.Context, sqlText, match string, q Query) (found, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.r == nil {
		return found{}, errClosed
	}
	var gen int64
	if err := ix.r.QueryRowContext(ctx, sqlGen).Scan(&gen); err != nil {
		return found{}, ix.markBroken(ctx, fmt.Errorf("search: %w", err))
	}
	key := sqlText + "\x00" + match
	if f, ok := ix.cache.get(key, gen); ok && !ix.opts.NoCache {
		return f, nil
	}
	f, err := ix.run(ctx, sqlText, match, q, gen)
	if err == nil && !ix.opts.NoCache {
		ix.cache.put(key, gen, f)
	}
	return f, err
}

// run runs a search statement and checks that its rowids name documents;
// the caller holds ix.mu.
func (ix *shard) run(ctx context.Context, sqlText, match string, q Query, gen int64) (found, error) {
	var ids []int64
	var scores []float64
	var err error
	switch {
	case sqlText == sqlRanked:
		ids, scores, err = ix.ranked(ctx, match, q, gen)
	case sqlText == sqlMatch && q != nil:
		ids, err = ix.matchPhrase(ctx, match, q, gen)
	default:
		ids, scores, err = ix.rows(ctx, sqlText, match, false)
	}
	if err != nil {
		return found{}, ix.markBroken(ctx, fmt.Errorf("search: %w", err))
	}
	// After the query: every rowid it returned is in docs by now.
	keys, err := ix.keys.refresh(ctx, ix.r)
	if err != nil {
		return found{}, ix.markBroken(ctx, fmt.Errorf("search: %w", err))
	}
	if orphan, ok := keys.Unknown(ids); !ok {
		return found{}, ix.markBroken(ctx, fmt.Errorf("search: %w: text of rowid %d has no document", errOrphan, orphan))
	}
	return found{keys: keys, rows: ids, scores: scores}, nil
}

// ranked returns the rowids matching q's MATCH expression match with
// their scores, or with nil scores when they match at least half the
// shard's documents (see [shard.search]). A query of one included word
// (or prefix) that this package tokenizes as FTS5 does is scored in Go
// ([shard.rankedInGo]); FTS5 scores the others. A query of single words
// (or prefixes) is first matched without scores, which costs a tenth as
// much: a common one needs no more. A query of one word asks instead
// whether the word is common ([shard.rankedWord]), which answers the same
// without the match.
//
// A query with a phrase is scored at once (FTS5's BM25 matches each phrase
// over the whole table to weigh it, which would be done twice) — unless
// every one of its words is in half the shard's documents or more
// ([shard.allCommon]). Then it is matched once, without scores: its hits
// rank by the BM25 of their words, which gives such words no weight, and
// so by the sort. Those are the phrases that cost most to score: a phrase
// of three words each in nearly every posting of 100k took 60 ms to
// score, twice its match, as FTS5 checks the positions of every posting
// that holds the three.
func (ix *shard) ranked(ctx context.Context, match string, q Query, gen int64) ([]int64, []float64, error) {
	n, err := ix.count(ctx, gen)
	if err != nil {
		return nil, nil, err
	}
	words := q.words()
	if hasPhrase(match) {
		common, err := ix.allCommon(ctx, words, n, gen)
		if err != nil {
			return nil, nil, err
		}
		if common {
			ids, err := ix.commonPhrase(ctx, match, q)
			return ids, nil, err
		}
		ids, scores, err := ix.rows(ctx, sqlRanked, match, true)
		if 2*len(ids) >= n {
			scores = nil
		}
		return ids, scores, err
	}
	if vt, ok := q.soleWord(); ok {
		ids, scores, err := ix.rankedInGo(ctx, match, words[0], vt, n)
		if !errors.Is(err, errStale) {
			return ids, scores, err
		}
	}
	if len(words) == 1 && match == words[0] {
		return ix.rankedWord(ctx, match, n, gen)
	}
	ids, _, err := ix.rows(ctx, sqlMatch, match, false)
	if err != nil || 2*len(ids) >= n || len(ids) == 0 {
		return ids, nil, err
	}
	return ix.rows(ctx, sqlRanked, match, true)
}

// matchPhrase is the unscored search of q, one phrase ([Query.phraseTokens]),
// whose MATCH expression is match, at write generation gen: matched in Go
// when its words are common ([shard.commonPhrase]).
func (ix *shard) matchPhrase(ctx context.Context, match string, q Query, gen int64) ([]int64, error) {
	n, err := ix.count(ctx, gen)
	if err != nil {
		return nil, err
	}
	common, err := ix.allCommon(ctx, q.words(), n, gen)
	if err != nil {
		return nil, err
	}
	if common {
		return ix.commonPhrase(ctx, match, q)
	}
	ids, _, err := ix.rows(ctx, sqlMatch, match, false)
	return ids, err
}

// commonPhrase matches q, whose words are each in half the documents or
// more, without scores: in Go ([shard.phraseInGo]) when q is one phrase
// it can read, else by FTS5.
func (ix *shard) commonPhrase(ctx context.Context, match string, q Query) ([]int64, error) {
	if toks, ok := q.phraseTokens(); ok {
		ids, err := ix.phraseInGo(ctx, toks)
		if !errors.Is(err, errNotPlain) {
			return ids, err
		}
	}
	ids, _, err := ix.rows(ctx, sqlMatch, match, false)
	return ids, err
}

// rankedWord is [shard.ranked] for a query of one word (or prefix), word,
// over n documents at generation gen: whether it is in half of them
// ([shard.allCommon], remembered until the next write, and which stops
// counting at half) says at once whether its hits are to be scored, so
// that a rare word is not matched twice.
func (ix *shard) rankedWord(ctx context.Context, word string, n int, gen int64) ([]int64, []float64, error) {
	common, err := ix.allCommon(ctx, []string{word}, n, gen)
	if err != nil {
		return nil, nil, err
	}
	if common {
		return ix.rows(ctx, sqlMatch, word, false)
	}
	ids, scores, err := ix.rows(ctx, sqlRanked, word, true)
	if 2*len(ids) >= n { // written to since it was counted
		scores = nil
	}
	return ids, scores, err
}

// sqlCommon counts a word's documents up to a limit: it stops at half the
// documents, so a common word costs at most half its list (about 3 ms
// for a word in 50,000 postings) and a rare one its own few.
const sqlCommon = `SELECT count(*) FROM (SELECT 1 FROM fts WHERE fts MATCH ? LIMIT ?)`

// allCommon reports whether every one of words (FTS5 strings, see
// [Query.words]) is in at least half of the shard's n documents, which
// hold them at write generation gen. It stops at the first that is not,
// and remembers the answers until the next write.
func (ix *shard) allCommon(ctx context.Context, words []string, n int, gen int64) (bool, error) {
	if len(words) == 0 {
		return false, nil
	}
	for _, w := range words {
		common, ok := ix.cache.common(gen, w)
		if !ok {
			var k int
			if err := ix.r.QueryRowContext(ctx, sqlCommon, w, (n+1)/2).Scan(&k); err != nil {
				return false, err
			}
			common = 2*k >= n
			ix.cache.setCommon(gen, w, common)
		}
		if !common {
			return false, nil
		}
	}
	return true, nil
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
func (ix *shard) count(ctx context.Context, gen int64) (int, error) {
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
func (ix *shard) rows(ctx context.Context, sqlText, match string, scored bool, args ...any) ([]int64, []float64, error) {
	return rowsWith(ctx, ix.r, sqlText, match, scored, args...)
}

// rowsWith is [shard.rows] read with q.
func rowsWith(ctx context.Context, q querier, sqlText, match string, scored bool, args ...any) ([]int64, []float64, error) {
	var list sql.NullString
	if err := q.QueryRowContext(ctx, sqlText, append([]any{match}, args...)...).Scan(&list); err != nil {
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

// Count returns the number of documents in the shard.
func (ix *shard) Count(ctx context.Context) (int, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.r == nil {
		return 0, errClosed
	}
	var n int
	err := ix.r.QueryRowContext(ctx, `SELECT count(*) FROM docs`).Scan(&n)
	return n, ix.markBroken(ctx, err)
}
