package model

import "sync"

// hitScanShare: with more than one hit per hitScanShare postings, a scan
// of the postings beats looking each hit up (BenchmarkFilterTextHits).
const hitScanShare = 8

// idIndex maps posting ids to where they first sit in the collection, for
// turning a full-text search's ids into rows. It is built on the first
// full-text query, not on Add, so folders never searched by text do not
// pay for it, and it grows as bigger snapshots ask. Safe for concurrent
// use.
type idIndex struct {
	mu   sync.Mutex
	n    int        // postings indexed: the first n of the collection
	at   IDMap      // id → first index
	dups [][2]int32 // (first index, later index) of each posting whose id an earlier one has
}

// extend indexes the postings of ps (a prefix of the collection) past the
// first x.n. The caller holds x.mu.
func (x *idIndex) extend(ps []*Posting) {
	for i := x.n; i < len(ps); i++ {
		if first, had := x.at.Add(ps[i].ID, int32(i)); had {
			x.dups = append(x.dups, [2]int32{first, int32(i)})
		}
	}
	x.n = max(x.n, len(ps))
}

// dupsByFirst returns x.dups by first index (nil when there are none).
// The caller holds x.mu.
func (x *idIndex) dupsByFirst() map[int32][]int32 {
	if len(x.dups) == 0 {
		return nil
	}
	out := make(map[int32][]int32)
	for _, d := range x.dups {
		out[d[0]] = append(out[d[0]], d[1])
	}
	return out
}

// eachHit calls visit with the index in s of every posting whose id is
// one of hits, and its value. For many hits (over one posting in
// hitScanShare), or without a collection behind s, it scans s's postings,
// reading the map in order; else it looks each hit up.
func (s Snapshot) eachHit(hits map[string]float64, visit func(i int, rel float64)) {
	if s.shared == nil || len(hits)*hitScanShare > len(s.postings) {
		for i, p := range s.postings {
			if rel, ok := hits[p.ID]; ok {
				visit(i, rel)
			}
		}
		return
	}
	x := &s.shared.ids
	x.mu.Lock()
	defer x.mu.Unlock()
	x.extend(s.postings)
	dups := x.dupsByFirst()
	n := int32(len(s.postings))
	for id, rel := range hits {
		if i, ok := x.at.Get(id); ok && i < n {
			visit(int(i), rel)
			for _, d := range dups[i] {
				if d < n {
					visit(int(d), rel)
				}
			}
		}
	}
}
