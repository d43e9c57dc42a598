package model

import (
	"context"
	"fmt"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Result is the outcome of Filter: which postings of a snapshot are shown,
// in which order. A Result is immutable and safe to read from any goroutine.
type Result struct {
	Query string    // the raw query it answers (Query.Raw)
	Sort  SortOrder // the sort order it was computed with
	// Rows are indexes into the snapshot, in display order: by descending
	// score when the query has terms, ties (and everything when it has none)
	// in Sort order. Rows may be shared with other Results: do not modify.
	Rows []int32
	// Total is the number of postings in the snapshot filtered.
	Total int
	// Narrowed reports that only the previous result's rows and the
	// postings added since were checked (see Filter).
	Narrowed bool
	// Restricted reports that the query had a Within restriction, which
	// Rows obey.
	Restricted bool

	q    Query
	snap Snapshot
	all  []int32 // the rows before the Within restriction: what narrowing starts from
}

// Len returns the number of rows shown.
func (r *Result) Len() int { return len(r.Rows) }

// Posting returns the posting shown at row i (0 ≤ i < Len).
func (r *Result) Posting(i int) *Posting { return r.snap.postings[r.Rows[i]] }

// Snapshot returns the snapshot the result indexes into.
func (r *Result) Snapshot() Snapshot { return r.snap }

// RowOf returns the row showing posting i of the snapshot (as
// Collection.IndexOf names it), or -1. It is a linear scan over Rows
// without touching the postings: about 50 µs for 100k rows.
func (r *Result) RowOf(i int) int {
	for row, j := range r.Rows {
		if int(j) == i {
			return row
		}
	}
	return -1
}

// Find returns the row showing the posting with id, or -1. It is a linear
// scan that reads every shown posting, meant for keeping the cursor on a
// posting when the list changes; RowOf is cheaper when the index is known.
func (r *Result) Find(id string) int {
	for row, i := range r.Rows {
		if r.snap.postings[i].ID == id {
			return row
		}
	}
	return -1
}

// Highlights returns the matched positions to highlight in row i: rune
// indexes into the posting's Title and into MetaLine(posting). See
// Query.Highlights.
func (r *Result) Highlights(i int) (title, meta []int) {
	return r.q.Highlights(r.Posting(i))
}

// parallelMin is the snapshot size below which Filter uses one goroutine.
const parallelMin = 4096

// chunkWords is how many bitset words (64 postings each) a worker takes at
// a time; it looks at ctx before each run.
const chunkWords = 16

// Filter returns the postings of snap matching q, ranked as Result.Rows
// describes, with ann answering tag: and is: terms (nil: none). It is meant
// to run in a tea.Cmd goroutine while the owner keeps adding to the
// collection: it reads only the immutable snapshot. The work is split across
// runtime.GOMAXPROCS goroutines.
//
// prev may be nil or any earlier Result; it only ever saves work. When it
// came from the same collection, snap is its snapshot or a later one, and q
// only narrows prev's query (each old term implied by a new one, as when
// the user types on, or the same query again after more postings arrived),
// only prev's rows and the postings added since are checked. The result is
// the same as without prev, whatever the sort orders. Queries with tag: or
// is: terms are always filtered from scratch, since the user's annotations
// may have changed in between.
//
// The collection remembers the rows of its last few filters without tag:
// and is: terms, so asking again for the same query, sort and snapshot size
// (as after deleting a typed character) costs nothing.
//
// q.Within restricts the rows after all that: the narrowing and the cache
// work on the unrestricted rows, so switching the restriction on or off, or
// changing it, never costs a full filter by itself.
//
// When ctx is cancelled, Filter stops early and returns an error wrapping
// ctx.Err() (check with errors.Is(err, context.Canceled)).
func Filter(ctx context.Context, snap Snapshot, q Query, sort SortOrder, ann Annotations, prev *Result) (Result, error) {
	return filter(ctx, snap, q, sort, ann, prev, true)
}

// filter is Filter; useCache false neither reads nor fills the result cache.
func filter(ctx context.Context, snap Snapshot, q Query, sort SortOrder, ann Annotations, prev *Result, useCache bool) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, fmt.Errorf("filter %q: %w", q.Raw, err)
	}
	if sort < 0 || sort >= numSortOrders {
		sort = SortNewest
	}
	if q.Err != nil {
		return Result{}, fmt.Errorf("filter: %w", q.Err)
	}
	q = q.prepared()
	bound, err := q.bind(snap, newTrackClock(q.Now))
	if err != nil {
		return Result{}, err
	}
	res := Result{Query: q.Raw, Sort: sort, Total: snap.Len(), q: q, snap: snap}
	rows, err := matchRows(ctx, snap, bound, sort, ann, prev, useCache, &res)
	if err != nil {
		return Result{}, err
	}
	res.all, res.Rows = rows, rows
	if q.Within != nil {
		res.Restricted = true
		res.Rows = restrict(rows, q.Within, snap.Len())
	}
	return res, nil
}

// restrict returns the rows of rows that are in within (indexes below n),
// in the order of rows. It marks within in a bit set, so it costs well
// under a millisecond for 100k rows.
func restrict(rows, within []int32, n int) []int32 {
	bits := make([]uint64, (n+63)/64)
	for _, i := range within {
		if i >= 0 && int(i) < n {
			bits[i/64] |= 1 << (uint(i) % 64)
		}
	}
	out := make([]int32, 0, min(len(within), len(rows)))
	for _, i := range rows {
		if bits[i/64]&(1<<(uint(i)%64)) != 0 {
			out = append(out, i)
		}
	}
	return out
}

// matchRows returns the rows of snap matching q, before any Within
// restriction, ranked as Result.Rows describes; it notes in res whether it
// narrowed from prev.
func matchRows(ctx context.Context, snap Snapshot, q Query, sort SortOrder, ann Annotations, prev *Result, useCache bool, res *Result) ([]int32, error) {
	trk, _ := ann.(Tracking)
	perm := snap.order(sort)
	if sort.tracks() {
		perm = snap.trackOrder(sort, trk)
	}
	if len(q.Terms) == 0 {
		return perm, nil
	}

	var key string
	if useCache && snap.shared != nil {
		key = cacheKey(q, sort, snap.Len())
		if rows, ok := snap.shared.results.get(key); ok {
			return rows, nil
		}
	}

	// Narrowing: a bitset of prev's rows; postings at or past prevN are new.
	var inPrev []uint64
	prevN := 0
	if prev != nil && prev.snap.shared != nil && prev.snap.shared == snap.shared &&
		prev.Total <= snap.Len() && len(prev.q.Terms) > 0 && q.narrows(prev.q) {
		prevN = prev.Total
		inPrev = make([]uint64, (prevN+63)/64)
		for _, i := range prev.unrestricted() {
			inPrev[i/64] |= 1 << (uint(i) % 64)
		}
		res.Narrowed = true
	}

	// Match in index order (the keys lie in memory in that order). Workers
	// take runs of chunkWords bitset words (1024 postings) from a shared
	// counter, so one that loses its core to another process does not hold
	// the others up.
	n := snap.Len()
	matched := make([]uint64, (n+63)/64)
	scores := make([]int32, n)
	workers := runtime.GOMAXPROCS(0)
	if n < parallelMin || workers < 1 {
		workers = 1
	}
	clk := newTrackClock(q.Now)
	var next atomic.Int64
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				lo := int(next.Add(chunkWords)) - chunkWords
				if lo >= len(matched) {
					return
				}
				if err := ctx.Err(); err != nil {
					errs[w] = err
					return
				}
				for wi := lo; wi < min(lo+chunkWords, len(matched)); wi++ {
					cand := ^uint64(0)
					if base := wi * 64; base+64 > n {
						cand = 1<<(n-base) - 1
					}
					if wi < len(inPrev) {
						cand &= inPrev[wi] | newSince(wi, prevN)
					}
					var hit uint64
					for cand != 0 {
						b := bits.TrailingZeros64(cand)
						cand &^= 1 << b
						i := wi*64 + b
						if score, ok := q.matchPosting(snap, i, ann, trk, clk); ok {
							hit |= 1 << b
							scores[i] = int32(clampScore(score))
						}
					}
					matched[wi] = hit
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("filter %q: %w", q.Raw, err)
		}
	}
	count := 0
	for _, m := range matched {
		count += bits.OnesCount64(m)
	}
	// Collect in sort order, then rank by score keeping that order for ties.
	rows := make([]int32, 0, count)
	rowScores := make([]int32, 0, count)
	for _, i := range perm {
		if matched[i/64]&(1<<(uint(i)%64)) != 0 {
			rows = append(rows, i)
			rowScores = append(rowScores, scores[i])
		}
	}
	rows = rankByScore(rows, rowScores)
	if useCache && snap.shared != nil {
		snap.shared.results.put(key, snap.Len(), rows)
	}
	return rows, nil
}

// unrestricted returns the rows of r before its Within restriction.
func (r *Result) unrestricted() []int32 {
	if r.all != nil || r.Restricted {
		return r.all
	}
	return r.Rows
}

// newSince returns the bits of word wi that stand for postings at or past
// prevN (added after the previous result).
func newSince(wi, prevN int) uint64 {
	base := wi * 64
	switch {
	case prevN <= base:
		return ^uint64(0)
	case prevN >= base+64:
		return 0
	}
	return ^uint64(0) << (prevN - base)
}

// clampScore keeps a score inside int32.
func clampScore(s int) int {
	return min(max(s, -1<<30), 1<<30)
}

// maxCountingRange is the widest score range rankByScore counting-sorts;
// wider ranges fall back to a comparison sort.
const maxCountingRange = 1 << 16

// rankByScore returns rows reordered by descending score, stably: rows with
// equal scores keep their order (the sort order they arrived in). It runs in
// O(n + score range) with a counting sort when the range is small.
func rankByScore(rows, scores []int32) []int32 {
	if len(rows) < 2 {
		return rows
	}
	lo, hi := scores[0], scores[0]
	for _, s := range scores[1:] {
		lo, hi = min(lo, s), max(hi, s)
	}
	if lo == hi {
		return rows
	}
	out := make([]int32, len(rows))
	if int64(hi)-int64(lo) >= maxCountingRange {
		idx := make([]int32, len(rows))
		for i := range idx {
			idx[i] = int32(i)
		}
		slices.SortStableFunc(idx, func(a, b int32) int { return int(scores[b]) - int(scores[a]) })
		for i, k := range idx {
			out[i] = rows[k]
		}
		return out
	}
	// Bucket b holds score hi-b, so bucket 0 (the best) comes first.
	count := make([]int32, int(hi-lo)+2)
	for _, s := range scores {
		count[hi-s+1]++
	}
	for b := 1; b < len(count); b++ {
		count[b] += count[b-1]
	}
	for k, s := range scores {
		out[count[hi-s]] = rows[k]
		count[hi-s]++
	}
	return out
}
