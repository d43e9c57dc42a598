package model

import (
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestSelectionByStageAndDue(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	entries := map[string]Entry{
		"applied-due": {Stage: StageApplied, FollowUp: Day(now), Tags: []string{"go"}},
		"applied":     {Stage: StageApplied, FollowUp: Day(now.AddDate(0, 0, 1))},
		"offer-due":   {Stage: StageOffer, FollowUp: Day(now.AddDate(0, 0, -3))},
		"shortlisted": {Shortlisted: true},
	}
	tests := []struct {
		sel   Selection
		want  []string
		title string
	}{
		{Selection{Stage: StageApplied}, []string{"applied", "applied-due"}, "Stage applied"},
		{Selection{Due: true, Now: now}, []string{"applied-due", "offer-due"}, "Follow-ups due"},
		{Selection{Due: true, Now: now, Stage: StageApplied, Tag: "GO"}, []string{"applied-due"}, "Tagged “GO” · Stage applied · Follow-ups due"},
		{Selection{Stage: StageApplied, All: true}, []string{"applied", "applied-due"}, "Stage applied"},
		{Selection{}, []string{"shortlisted"}, "Shortlist"},
	}
	for _, tt := range tests {
		var got []string
		for id, e := range entries {
			if tt.sel.Matches(e) {
				got = append(got, id)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) || tt.sel.Title() != tt.title {
			t.Errorf("%+v: %v %q, want %v %q", tt.sel, got, tt.sel.Title(), tt.want, tt.title)
		}
	}
}

func TestTrackedEntries(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	a, b := statePosting("a", "Old title"), statePosting("b", "B")
	must(t, s.SetStage(a, StageApplied, time.Time{}))
	must(t, s.SetStage(b, StageApplied, time.Time{}))
	if got := TrackedEntries(nil, s); len(got) != 2 {
		t.Errorf("every entry: %v", got)
	}
	fresh := &Posting{ID: "a", Title: "New title", Company: "Acme"}
	got := TrackedEntries([]*Posting{fresh, nil, {ID: "untracked"}}, s)
	if len(got) != 1 || got["a"].Title != "New title" || got["a"].Stage != StageApplied {
		t.Errorf("entries of loaded postings: %+v", got)
	}
}
