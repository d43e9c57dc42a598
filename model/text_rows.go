package model

import (
	"context"
	"sync"
)

// RowKeys is a full-text index's table of posting ids by row number: row r
// names the posting [RowKeys.Key] returns. A [RowTextSearcher] names its
// hits by row, and the table keeps, for the last collection searched, the
// position in it of each row's posting: the filter turns a hit into a row
// of the list with an array read instead of a lookup by id. Rows are only
// ever added, never renamed; an index whose rows change meaning (a file
// rebuilt) starts a new table. Safe for concurrent use.
type RowKeys struct {
	mu   sync.Mutex
	keys []string // keys[r] is the id of row r; "" for none
	at   rowPositions
}

// rowPositions is where the rows of a RowKeys sit in one collection.
type rowPositions struct {
	owner *collShared       // the collection; nil: none yet
	n     int               // the positions cover its first n postings
	first []int32           // first[r]: the position of the first posting with id keys[r] among them, or -1
	dups  map[int32][]int32 // a first position → the later positions of postings with the same id
}

// Set names row r (r ≥ 0) id; the rows between the last one named and r
// name nothing until set.
func (k *RowKeys) Set(r int64, id string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for int64(len(k.keys)) <= r {
		k.keys = append(k.keys, "")
	}
	if int(r) < len(k.at.first) {
		k.at = rowPositions{} // a row it placed changed: place them all again
	}
	k.keys[r] = id
}

// Len returns one more than the highest row named: the next row to read.
func (k *RowKeys) Len() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.keys)
}

// Key returns the id of row r, if it names one.
func (k *RowKeys) Key(r int64) (string, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if r < 0 || r >= int64(len(k.keys)) || k.keys[r] == "" {
		return "", false
	}
	return k.keys[r], true
}

// Unknown returns the first of rows that names no posting, and false; or
// true when all do.
func (k *RowKeys) Unknown(rows []int64) (int64, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, r := range rows {
		if r < 0 || r >= int64(len(k.keys)) || k.keys[r] == "" {
			return r, false
		}
	}
	return 0, true
}

// TextRowSet is the part of a full-text result named by one table: the
// rows found and, when ranked, the relevance of each (Scores[i] is that of
// Rows[i]; nil: all 0).
type TextRowSet struct {
	Keys   *RowKeys
	Rows   []int64
	Scores []float64
}

// TextRows is a full-text result as a [RowTextSearcher] gives it: a
// posting named by a row of any of its sets is found, with the relevance
// of the last set naming it.
type TextRows []TextRowSet

// unscored returns r with every relevance 0.
func (r TextRows) unscored() TextRows {
	out := make(TextRows, len(r))
	for i, s := range r {
		out[i] = TextRowSet{Keys: s.Keys, Rows: s.Rows}
	}
	return out
}

// RowTextSearcher is a [TextSearcher] that can also answer with rows of
// [RowKeys] tables, which a filter turns into postings faster than ids.
type RowTextSearcher interface {
	TextSearcher
	// SearchTextRows is SearchText answering with rows.
	SearchTextRows(ctx context.Context, terms []TextTerm, ranked bool) (TextRows, error)
}

// TextPreparer is a [TextSearcher] that can get ready to answer for a
// collection before it is asked (a [RowTextSearcher] placing its rows in
// it), so that the first query does not pay for that.
type TextPreparer interface {
	PrepareText(snap Snapshot)
}

// PrepareText readies s for snap's collection when s is a [TextPreparer];
// it does nothing otherwise. Call it off the UI goroutine: for 100k
// postings it takes tens of milliseconds.
func PrepareText(s TextSearcher, snap Snapshot) {
	if p, ok := s.(TextPreparer); ok {
		p.PrepareText(snap)
	}
}

// Place works out where k's rows sit in snap's collection now, as the
// first search over it would.
func (k *RowKeys) Place(snap Snapshot) {
	if snap.shared == nil {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.place(snap)
}

// eachRowHit calls visit with the index in s of every posting named by a
// row of rows, and its relevance: every posting with that id, as
// [Snapshot.eachHit] does for many hits.
func (s Snapshot) eachRowHit(rows TextRows, visit func(i int, rel float64)) {
	for _, set := range rows {
		if s.shared == nil {
			s.eachHit(set.named(), visit)
			continue
		}
		set.Keys.each(s, set.Rows, set.Scores, visit)
	}
}

// named returns the rows of set by id, with their relevance.
func (set TextRowSet) named() map[string]float64 {
	out := make(map[string]float64, len(set.Rows))
	for j, r := range set.Rows {
		if id, ok := set.Keys.Key(r); ok {
			out[id] = set.score(j)
		}
	}
	return out
}

func (set TextRowSet) score(j int) float64 {
	if set.Scores == nil {
		return 0
	}
	return set.Scores[j]
}

// each calls visit with the position in s (which has a collection) of
// every posting named by rows, with scores[j] (0 when nil) for rows[j].
func (k *RowKeys) each(s Snapshot, rows []int64, scores []float64, visit func(i int, rel float64)) {
	k.mu.Lock()
	defer k.mu.Unlock()
	at := k.place(s)
	n := int32(len(s.postings))
	for j, r := range rows {
		if r < 0 || r >= int64(len(at.first)) {
			continue
		}
		i := at.first[r]
		if i < 0 || i >= n {
			continue
		}
		rel := 0.0
		if scores != nil {
			rel = scores[j]
		}
		visit(int(i), rel)
		for _, d := range at.dups[i] {
			if d < n {
				visit(int(d), rel)
			}
		}
	}
}

// place returns the positions of k's rows in s's collection, covering at
// least s's postings: kept from the last call when they do, else worked
// out again (once per collection as it grows: a lookup by id per row).
// The caller holds k.mu.
func (k *RowKeys) place(s Snapshot) *rowPositions {
	at := &k.at
	if at.owner != s.shared || at.n < len(s.postings) {
		x := &s.shared.ids
		x.mu.Lock()
		x.extend(s.postings)
		*at = rowPositions{owner: s.shared, n: x.n, dups: x.dupsByFirst()}
		k.placeRows(at, x)
		x.mu.Unlock()
	}
	if len(at.first) < len(k.keys) {
		x := &s.shared.ids
		x.mu.Lock()
		k.placeRows(at, x)
		x.mu.Unlock()
	}
	return at
}

// placeRows places the rows of k past those at holds, by x (whose lock
// the caller holds, with k.mu).
func (k *RowKeys) placeRows(at *rowPositions, x *idIndex) {
	for r := len(at.first); r < len(k.keys); r++ {
		i, ok := int32(-1), false
		if id := k.keys[r]; id != "" {
			i, ok = x.at.Get(id)
		}
		if !ok || int(i) >= at.n {
			i = -1
		}
		at.first = append(at.first, i)
	}
}
