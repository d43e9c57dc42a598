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
	mu sync.Mutex
	n  int   // postings indexed: the first n of the collection
	at IDMap // id → first index
}

// eachHit calls visit with the index in s of every id of hits found there
// (the first posting with that id) and its value. For many hits (over
// one posting in hitScanShare), or without a collection behind s, it
// scans s's postings instead, which then reads the map in order, and
// calls visit for every posting with an id of hits.
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
	for i := x.n; i < len(s.postings); i++ {
		x.at.Add(s.postings[i].ID, int32(i))
	}
	x.n = max(x.n, len(s.postings))
	for id, rel := range hits {
		if i, ok := x.at.Get(id); ok && int(i) < len(s.postings) {
			visit(int(i), rel)
		}
	}
}
