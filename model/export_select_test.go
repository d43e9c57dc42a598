package model

import (
	"strings"
	"testing"
)

func TestExportSelectsShortlistThenMissing(t *testing.T) {
	ps, s := exportFixture(t)
	items := SelectForExport(ps, s, Selection{})
	var ids []string
	for _, it := range items {
		ids = append(ids, it.Posting.ID)
		if it.Missing != (it.Posting.ID == "u-gone") {
			t.Errorf("%s: Missing = %v", it.Posting.ID, it.Missing)
		}
	}
	if got, want := strings.Join(ids, " "), "u-gardener c-formula u-gone"; got != want {
		t.Errorf("selected %q, want %q", got, want)
	}
	gone := items[2]
	if gone.Posting.Title != "Data Cartographer" || gone.Posting.Company != "Lanternfish Analytics" {
		t.Errorf("missing posting not built from the snapshot: %+v", gone.Posting)
	}
}

func TestExportSelections(t *testing.T) {
	ps, s := exportFixture(t)
	cases := []struct {
		sel         Selection
		export      string
		list, title string
	}{
		{Selection{}, "u-gardener c-formula u-gone", "u-gardener c-formula", "Shortlist"},
		{Selection{All: true}, "u-gardener c-formula u-weaver u-idle u-gone", "u-gardener c-formula u-weaver u-idle", "Postings"},
		{Selection{Tag: "REMOTE"}, "u-gardener u-weaver", "u-gardener u-weaver", "Tagged “REMOTE”"},
		{Selection{Tag: "nobody-uses-this"}, "", "", "Tagged “nobody-uses-this”"},
	}
	for _, c := range cases {
		var ids []string
		for _, it := range SelectForExport(ps, s, c.sel) {
			ids = append(ids, it.Posting.ID)
		}
		if got := strings.Join(ids, " "); got != c.export {
			t.Errorf("SelectForExport(%+v) = %q, want %q", c.sel, got, c.export)
		}
		ids = nil
		for _, p := range SelectPostings(ps, s, c.sel) {
			ids = append(ids, p.ID)
		}
		if got := strings.Join(ids, " "); got != c.list {
			t.Errorf("SelectPostings(%+v) = %q, want %q", c.sel, got, c.list)
		}
		if got := c.sel.Title(); got != c.title {
			t.Errorf("Title(%+v) = %q, want %q", c.sel, got, c.title)
		}
	}
}

func TestSelectWithoutStoreAndDuplicates(t *testing.T) {
	p := &Posting{ID: "a", Title: "Glassblower"}
	if got := SelectForExport([]*Posting{p, p, nil}, nil, Selection{All: true}); len(got) != 1 {
		t.Errorf("duplicate or nil postings selected: %d items", len(got))
	}
	if got := SelectPostings([]*Posting{p}, nil, Selection{}); len(got) != 0 {
		t.Errorf("nil store has a shortlist: %v", got)
	}
}
