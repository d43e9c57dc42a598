package model

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// ErrTextSearchOff is returned (wrapped) for a query with quoted terms when
// there is no full-text search to answer them.
var ErrTextSearchOff = errors.New("full-text search is off")

// HasText reports whether q has quoted (full-text) terms.
func (q Query) HasText() bool {
	for _, t := range q.Terms {
		if t.Scope == ScopeText {
			return true
		}
	}
	return false
}

// RanksByText reports whether q's rows rank by full-text relevance: it has
// quoted terms and no others, one of them not excluded.
func (q Query) RanksByText() bool {
	pos := false
	for _, t := range q.Terms {
		if t.Scope != ScopeText {
			return false
		}
		pos = pos || !t.Negate
	}
	return pos
}

// WithTextHits returns q with the Hits of each of its quoted terms filled
// in by s: one SearchText call per term, the term asked for as not
// excluded (the filter applies the exclusion and the OR groups), ranked
// when [Query.RanksByText]. A ranked query whose terms must all hold (no
// OR) asks s once for all of them (see [Query.conjunctHits]). A query
// without quoted terms comes back as it is; one with them and a nil s
// fails with [ErrTextSearchOff]; an error of s (one wrapping
// [ErrIndexNotReady] while the index builds) is returned wrapped. q itself
// is not modified.
func (q Query) WithTextHits(ctx context.Context, s TextSearcher) (Query, error) {
	if !q.HasText() {
		return q, nil
	}
	if s == nil {
		return q, fmt.Errorf("query %q: %w", q.Raw, ErrTextSearchOff)
	}
	ranked := q.RanksByText()
	if ranked && q.expr == nil && len(q.TextTerms()) > 1 {
		return q.conjunctHits(ctx, s)
	}
	terms := append([]Term(nil), q.Terms...)
	for i := range terms {
		if terms[i].Scope != ScopeText {
			continue
		}
		if err := terms[i].search(ctx, s, []TextTerm{{Text: terms[i].Text}}, ranked); err != nil {
			return q, fmt.Errorf("full-text search %q: %w", terms[i].Text, err)
		}
	}
	q.Terms = terms
	return q, nil
}

// search fills in t's hits for terms: by row when s is a
// [RowTextSearcher], else by id.
func (t *Term) search(ctx context.Context, s TextSearcher, terms []TextTerm, ranked bool) error {
	if rs, ok := s.(RowTextSearcher); ok {
		rows, err := rs.SearchTextRows(ctx, terms, ranked)
		if err != nil {
			return err
		}
		if rows == nil {
			rows = TextRows{}
		}
		t.rows = rows
		return nil
	}
	hits, err := s.SearchText(ctx, terms, ranked)
	if err != nil {
		return err
	}
	if hits == nil {
		hits = map[string]float64{}
	}
	t.Hits = hits
	return nil
}

// searched reports whether t's hits were filled in.
func (t *Term) searched() bool { return t.Hits != nil || t.rows != nil }

// conjunctHits is WithTextHits for a ranked query of quoted terms that
// must all hold: one SearchText call for all of them, so the engine
// intersects before it scores, instead of scoring every hit of each term.
// BM25 sums over the terms, so the first positive term gets the postings
// with their whole relevance, the other positive terms the same postings
// with none, and the excluded terms (already applied by s) no postings.
func (q Query) conjunctHits(ctx context.Context, s TextSearcher) (Query, error) {
	var all Term
	if err := all.search(ctx, s, q.TextTerms(), true); err != nil {
		return q, fmt.Errorf("full-text search %q: %w", q.Raw, err)
	}
	var same map[string]float64 // all.Hits, each with relevance 0
	terms := append([]Term(nil), q.Terms...)
	first := true
	for i := range terms {
		switch t := &terms[i]; {
		case t.Negate && all.rows != nil:
			t.rows = TextRows{}
		case t.Negate:
			t.Hits = map[string]float64{}
		case first:
			t.Hits, t.rows, first = all.Hits, all.rows, false
		case all.rows != nil:
			t.rows = all.rows.unscored()
		default:
			if same == nil {
				same = make(map[string]float64, len(all.Hits))
				for id := range all.Hits {
					same[id] = 0
				}
			}
			t.Hits = same
		}
	}
	q.Terms = terms
	return q, nil
}

// relevanceScale turns a relevance into a filter score: three decimals.
const relevanceScale = 1000

// bind returns q with what its terms need of snap and the clock worked
// out: the days a posted: term allows, and each quoted term's Hits as a
// bit set over snap (with scores when q ranks by text). It fails with
// [ErrTextSearchOff] for a quoted term whose Hits were never filled in.
// q itself is not modified.
func (q Query) bind(snap Snapshot, clk trackClock) (Query, error) {
	var text []int
	for i, t := range q.Terms {
		if t.Scope == ScopePosted || t.Scope == ScopeText {
			text = append(text, i)
		}
	}
	if len(text) == 0 {
		return q, nil
	}
	terms := append([]Term(nil), q.Terms...)
	ranked := q.RanksByText()
	for _, i := range text {
		t := &terms[i]
		if t.Scope == ScopePosted {
			t.days[0], t.days[1] = t.cond.dayRange(clk.today)
			continue
		}
		if !t.searched() {
			return q, fmt.Errorf("query %q: %w", q.Raw, ErrTextSearchOff)
		}
		t.hits = make([]uint64, (snap.Len()+63)/64)
		if ranked {
			t.scores = make([]int32, snap.Len())
		}
		visit := func(k int, rel float64) {
			t.hits[k/64] |= 1 << (uint(k) % 64)
			if t.scores != nil {
				t.scores[k] = int32(clampScore(int(math.Round(rel * relevanceScale))))
			}
		}
		if t.rows != nil {
			snap.eachRowHit(t.rows, visit)
		} else {
			snap.eachHit(t.Hits, visit)
		}
	}
	q.Terms = terms
	return q, nil
}
