package model

import (
	"testing"
	"time"
)

func TestBoard(t *testing.T) {
	c := fixture()
	var ps []*Posting
	for i := range c.Len() {
		ps = append(ps, c.At(i))
	}
	ps = append(ps, c.At(0)) // listed twice
	at := func(d int) time.Time { return trackNow.AddDate(0, 0, -d) }
	ann := fakeTrackAnn{track: map[string]Track{
		"a": {Stage: StageApplied, History: []StageChange{{StageApplied, at(9)}}, FollowUp: Day(at(0))},
		"b": {Stage: StageApplied, History: []StageChange{{StageApplied, at(2)}}},
		"c": {Stage: StageRejected, History: []StageChange{{StageApplied, at(20)}, {StageRejected, at(1)}}},
		"d": {Stage: StageOffer}, // no history
	}}
	cols := Board(ps, ann, trackNow)
	if len(cols) != 6 || cols[0].Name() != "interested" || cols[5].Name() != "closed" || !cols[5].Closed {
		t.Fatalf("columns %+v", cols)
	}
	applied := cols[1].Cards
	if len(applied) != 2 || applied[0].Posting.ID != "b" || applied[0].Days != 2 || applied[1].Posting.ID != "a" || applied[1].Days != 9 || !applied[1].Due || applied[0].Due {
		t.Errorf("applied column %+v", applied)
	}
	if got := cols[3].Cards; len(got) != 1 || got[0].Posting.ID != "d" || got[0].Days != 0 || !got[0].Since.IsZero() {
		t.Errorf("offer column %+v", got)
	}
	if got := cols[5].Cards; len(got) != 1 || got[0].Stage != StageRejected || got[0].Days != 1 {
		t.Errorf("closed column %+v", got)
	}
	if n := len(cols[0].Cards) + len(cols[2].Cards) + len(cols[4].Cards); n != 0 {
		t.Errorf("%d cards in empty columns", n)
	}
	if cols := Board(ps, nil, trackNow); len(cols) != 6 || len(cols[1].Cards) != 0 {
		t.Errorf("board without tracking: %+v", cols)
	}
}
