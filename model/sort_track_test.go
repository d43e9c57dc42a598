package model

import (
	"context"
	"slices"
	"testing"
	"time"
)

func TestSortStageAndFollowUp(t *testing.T) {
	c := fixture() // newest first: d a b e c
	at := func(d int) time.Time { return trackNow.AddDate(0, 0, -d) }
	ann := fakeTrackAnn{track: map[string]Track{
		"a": {Stage: StageApplied, History: []StageChange{{StageApplied, at(9)}}, FollowUp: Day(at(-7))},
		"b": {Stage: StageApplied, History: []StageChange{{StageApplied, at(2)}}},
		"c": {Stage: StageRejected, History: []StageChange{{StageRejected, at(1)}}, FollowUp: Day(at(-1))},
		"e": {Stage: StageInterested, History: []StageChange{{StageInterested, at(30)}}, FollowUp: Day(at(3))},
	}}
	tests := []struct {
		o    SortOrder
		q    string
		want []string
	}{
		// interested, applied (b changed more recently than a), rejected; d untracked last.
		{SortStage, "", []string{"e", "b", "a", "c", "d"}},
		{SortFollowUp, "", []string{"e", "c", "a", "d", "b"}},
		{SortStage, "engineer", []string{"a", "e"}}, // ranked by score first; equal scores in stage order
		{SortFollowUp, "is:active", []string{"e", "a", "b"}},
	}
	for _, tt := range tests {
		r, err := Filter(context.Background(), c.Snapshot(), ParseQuery(tt.q), tt.o, ann, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(r); !slices.Equal(got, tt.want) {
			t.Errorf("%v %q = %v, want %v", tt.o, tt.q, got, tt.want)
		}
	}
	// Without tracking, both orders are newest first.
	r, _ := Filter(context.Background(), c.Snapshot(), Query{}, SortStage, nil, nil)
	if got := ids(r); !slices.Equal(got, []string{"d", "a", "b", "e", "c"}) {
		t.Errorf("SortStage without tracking = %v", got)
	}
}
