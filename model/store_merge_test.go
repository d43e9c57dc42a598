package model

import (
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestMerge3(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	base := Entry{Tags: []string{"a"}, Note: "old", Updated: t0}
	tests := []struct {
		name         string
		mine, theirs Entry
		want         Entry
	}{
		{"different fields both kept",
			Entry{Tags: []string{"a"}, Note: "mine", Updated: t0.Add(1)},
			Entry{Shortlisted: true, Tags: []string{"a"}, Note: "old", Updated: t0.Add(2)},
			Entry{Shortlisted: true, Tags: []string{"a"}, Note: "mine", Updated: t0.Add(2)}},
		{"same field, theirs newer wins",
			Entry{Tags: []string{"a"}, Note: "mine", Updated: t0.Add(1)},
			Entry{Tags: []string{"a"}, Note: "theirs", Updated: t0.Add(2)},
			Entry{Tags: []string{"a"}, Note: "theirs", Updated: t0.Add(2)}},
		{"same field, mine newer wins",
			Entry{Tags: []string{"b"}, Note: "old", Updated: t0.Add(3)},
			Entry{Tags: []string{"c"}, Note: "old", Updated: t0.Add(2)},
			Entry{Tags: []string{"b"}, Note: "old", Updated: t0.Add(3)}},
		{"only mine changed",
			Entry{Shortlisted: true, Tags: []string{"a"}, Note: "old", Updated: t0.Add(1)},
			base,
			Entry{Shortlisted: true, Tags: []string{"a"}, Note: "old", Updated: t0.Add(1)}},
		{"a cleared field stays cleared",
			Entry{Tags: nil, Note: "old", Updated: t0.Add(1)},
			base,
			Entry{Tags: nil, Note: "old", Updated: t0.Add(1)}},
	}
	for _, tt := range tests {
		got := merge3(base, tt.mine, tt.theirs)
		if got.Shortlisted != tt.want.Shortlisted || !slices.Equal(got.Tags, tt.want.Tags) || got.Note != tt.want.Note || !got.Updated.Equal(tt.want.Updated) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// Two jobdecks open on one file change different fields of the same
// posting: neither change may be lost.
func TestStoresChangingDifferentFieldsOfOnePosting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	p := &Posting{ID: "p1", Title: "Platform Engineer", Company: "Fernhill"}
	a, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetNote(p, "call them on Monday"); err != nil {
		t.Fatal(err)
	}
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ToggleShortlist(p); err != nil { // b has not seen a's note
		t.Fatal(err)
	}
	if err := b.SetTags(p, []string{"remote"}); err != nil {
		t.Fatal(err)
	}
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	if err := a.SetTags(p, []string{"remote", "go"}); err != nil { // a edits tags after b
		t.Fatal(err)
	}
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	c, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := c.Get("p1")
	if e.Note != "call them on Monday" || !e.Shortlisted || !slices.Equal(e.Tags, []string{"remote", "go"}) {
		t.Fatalf("a change was lost: %+v", e)
	}
	// Each store's view includes the other's changes after its save.
	if got, _ := a.Get("p1"); !got.Shortlisted {
		t.Errorf("a's view lacks b's shortlist after saving: %+v", got)
	}
}
