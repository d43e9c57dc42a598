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
// too. The slice is new.
func (s Snapshot) trackOrder(o SortOrder, trk Tracking) []int32 {
	base := s.order(SortNewest)
	if trk == nil {
		return slices.Clone(base)
	}
	type ranked struct {
		i     int32
		stage Stage
		at    time.Time // SortStage: the last change; SortFollowUp: the day
	}
	var top []ranked
	rest := make([]int32, 0, len(base))
	for _, i := range base {
		tr := trk.Track(s.postings[i].ID)
		switch {
		case o == SortStage && tr.Stage != StageNone:
			var last time.Time
			if n := len(tr.History); n > 0 {
				last = tr.History[n-1].At
			}
			top = append(top, ranked{i, tr.Stage, last})
		case o == SortFollowUp && !tr.FollowUp.IsZero():
			top = append(top, ranked{i, tr.Stage, tr.FollowUp})
		default:
			rest = append(rest, i)
		}
	}
	slices.SortStableFunc(top, func(a, b ranked) int {
		if o == SortStage {
			return cmp.Or(cmp.Compare(a.stage, b.stage), b.at.Compare(a.at))
		}
		return a.at.Compare(b.at)
	})
	out := make([]int32, 0, len(base))
	for _, r := range top {
		out = append(out, r.i)
	}
	return append(out, rest...)
}
