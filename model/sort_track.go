package model

import (
	"cmp"
	"slices"
	"time"
)

// tracks reports whether order o reads the application state, so that it
// is computed on every filter rather than cached with the snapshot.
func (o SortOrder) tracks() bool { return o == SortStage || o == SortFollowUp }

// trackOrder returns the indexes 0..Len-1 of s in order o (SortStage or
// SortFollowUp), reading each posting's Track from trk (nil: nothing is
// tracked, so the order is newest first). Postings o does not rank keep
// the newest-first order, after the ranked ones; ties among ranked ones
// too. The slice must not be modified (without trk it is the shared
// newest-first one).
func (s Snapshot) trackOrder(o SortOrder, trk Tracking) []int32 {
	base := s.order(SortNewest)
	if trk == nil {
		return base
	}
	type ranked struct {
		i     int32
		stage Stage
		at    time.Time // SortStage: the last change; SortFollowUp: the day
	}
	// Look up every posting in index order (the postings lie in memory in
	// that order), then sort the few ranked ones; the rest keep base order.
	var top []ranked
	isTop := make([]uint64, (len(s.postings)+63)/64)
	for i, p := range s.postings {
		tr := trk.Track(p.ID)
		r := ranked{i: int32(i), stage: tr.Stage}
		switch {
		case o == SortStage && tr.Stage != StageNone:
			if n := len(tr.History); n > 0 {
				r.at = tr.History[n-1].At
			}
		case o == SortFollowUp && !tr.FollowUp.IsZero():
			r.at = tr.FollowUp
		default:
			continue
		}
		top = append(top, r)
		isTop[i/64] |= 1 << (uint(i) % 64)
	}
	rank := make(map[int32]int, len(top)) // base position, for stable ties
	for pos, i := range base {
		if isTop[i/64]&(1<<(uint(i)%64)) != 0 {
			rank[i] = pos
		}
	}
	slices.SortFunc(top, func(a, b ranked) int {
		c := a.at.Compare(b.at)
		if o == SortStage {
			c = cmp.Or(cmp.Compare(a.stage, b.stage), -c)
		}
		return cmp.Or(c, cmp.Compare(rank[a.i], rank[b.i]))
	})
	out := make([]int32, 0, len(base))
	for _, r := range top {
		out = append(out, r.i)
	}
	for _, i := range base {
		if isTop[i/64]&(1<<(uint(i)%64)) == 0 {
			out = append(out, i)
		}
	}
	return out
}
