package model

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// fakeAnn is an Annotations backed by maps.
type fakeAnn struct {
	short map[string]bool
	tags  map[string][]string
}

func (a fakeAnn) Shortlisted(id string) bool { return a.short[id] }
func (a fakeAnn) Tags(id string) []string    { return a.tags[id] }

func day(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }

// fixture returns a small collection of fictional postings.
func fixture() *Collection {
	c := NewCollection()
	c.Add(
		&Posting{ID: "a", Path: "a.md", Title: "Senior Backend Engineer", Company: "Quillfeather Labs", Location: "Berlin", Date: day(20), Keywords: []string{"go", "postgres"}},
		&Posting{ID: "b", Path: "b.md", Title: "Frontend Developer", Company: "acme Widgets", Location: "Zürich", Date: day(18), Keywords: []string{"react", "typescript"}},
		&Posting{ID: "c", Path: "c.md", Title: "Team Lead Platform", Company: "Brightwater", Location: "Remote", Keywords: []string{"kubernetes"}},
		&Posting{ID: "d", Path: "d.md", Title: "Data Scientist", Company: "Acme Analytics", Location: "München", Date: day(22), Keywords: []string{"python", "ml"}},
		&Posting{ID: "e", Path: "e.md", Title: "Backend Engineer (Junior)", Company: "Zephyr Robotics", Location: "Berlin", Date: day(1)},
	)
	return c
}

func ids(r Result) []string {
	out := make([]string, r.Len())
	for i := range out {
		out[i] = r.Posting(i).ID
	}
	return out
}

func mustFilter(t *testing.T, c *Collection, q string, o SortOrder, ann Annotations) Result {
	t.Helper()
	r, err := Filter(context.Background(), c.Snapshot(), ParseQuery(q), o, ann, nil)
	if err != nil {
		t.Fatalf("Filter(%q): %v", q, err)
	}
	return r
}

func TestFilterMatches(t *testing.T) {
	c := fixture()
	ann := fakeAnn{
		short: map[string]bool{"b": true, "d": true},
		tags:  map[string][]string{"a": {"remote-ok", "applied"}, "d": {"Maybe"}},
	}
	tests := []struct {
		q    string
		want []string // as a set, sorted
	}{
		{"", []string{"a", "b", "c", "d", "e"}},
		{"   ", []string{"a", "b", "c", "d", "e"}},
		{"backend senior", []string{"a"}},
		{"senior backend", []string{"a"}},
		{"BACKEND", []string{"a", "e"}},
		{"backend -junior", []string{"a"}},
		{"company:acme", []string{"b", "d"}},
		{"-company:acme", []string{"a", "c", "e"}},
		{"title:lead", []string{"c"}},
		{"lead", []string{"c"}},
		{"loc:berlin", []string{"a", "e"}},
		{"location:zür", []string{"b"}},
		{"loc:zur", nil}, // ü is not u
		{"tag:remote", []string{"a"}},
		{"tag:maybe", []string{"d"}},
		{"-tag:applied", []string{"b", "c", "d", "e"}},
		{"is:shortlisted", []string{"b", "d"}},
		{"is:starred", []string{"b", "d"}},
		{"is:s", []string{"b", "d"}},
		{"-is:shortlisted", []string{"a", "c", "e"}},
		{"is:sh acme", []string{"b", "d"}},
		{"is:bogus", nil},             // unknown is: value: plain text
		{"foo:bar", nil},              // unknown scope: plain text
		{"kubernetes", []string{"c"}}, // keywords
		{"python", []string{"d"}},
		{"title: -", []string{"a", "b", "c", "d", "e"}}, // incomplete terms match all
		{"xyzzy", nil},
		{"-xyzzy", []string{"a", "b", "c", "d", "e"}},
	}
	for _, tc := range tests {
		got := ids(mustFilter(t, c, tc.q, SortNewest, ann))
		slices.Sort(got)
		if !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("query %q: got %v, want %v", tc.q, got, tc.want)
		}
	}
	// Without annotations tag: and is: match nothing.
	if got := ids(mustFilter(t, c, "is:shortlisted", SortNewest, nil)); len(got) != 0 {
		t.Errorf("is:shortlisted with nil Annotations: got %v", got)
	}
}

func TestFilterSortOrders(t *testing.T) {
	c := fixture()
	tests := []struct {
		o    SortOrder
		want []string
	}{
		{SortNewest, []string{"d", "a", "b", "e", "c"}},
		{SortOldest, []string{"e", "b", "a", "d", "c"}},
		{SortCompany, []string{"d", "b", "c", "a", "e"}}, // case-insensitive: Acme Analytics, acme Widgets
		{SortTitle, []string{"e", "d", "b", "a", "c"}},
	}
	for _, tc := range tests {
		if got := ids(mustFilter(t, c, "", tc.o, nil)); !slices.Equal(got, tc.want) {
			t.Errorf("sort %v: got %v, want %v", tc.o, got, tc.want)
		}
	}
}

func TestFilterRanksByScoreThenSort(t *testing.T) {
	c := NewCollection()
	c.Add(
		&Posting{ID: "weak", Title: "Sxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx e n i o r", Date: day(25)},
		&Posting{ID: "strong", Title: "Senior", Date: day(1)},
		&Posting{ID: "tie-old", Title: "Senior", Company: "B", Date: day(2)},
	)
	r := mustFilter(t, c, "senior", SortNewest, nil)
	if got, want := ids(r), []string{"tie-old", "strong", "weak"}; !slices.Equal(got, want) {
		t.Errorf("newest: got %v, want %v", got, want)
	}
	r = mustFilter(t, c, "senior", SortOldest, nil)
	if got, want := ids(r), []string{"strong", "tie-old", "weak"}; !slices.Equal(got, want) {
		t.Errorf("oldest: got %v, want %v", got, want)
	}
}

func TestFilterCancelled(t *testing.T) {
	c := fixture()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Filter(ctx, c.Snapshot(), ParseQuery("backend"), SortNewest, nil, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Filter with cancelled ctx: err = %v, want context.Canceled", err)
	}
}
