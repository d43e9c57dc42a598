package model

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"sync"
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

func mustFilterQ(t *testing.T, c *Collection, q Query) Result {
	t.Helper()
	r, err := Filter(context.Background(), c.Snapshot(), q, SortNewest, nil, nil)
	if err != nil {
		t.Fatalf("Filter(%q): %v", q.Raw, err)
	}
	return r
}

// TestNarrowingEqualsFresh types random queries key by key over a growing
// collection and checks every narrowed result equals a fresh filter.
func TestNarrowingEqualsFresh(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	all := genPostings(6000, 3)
	words := []string{"senior backend", "data sci", "berlin go", "zürich", "company:quill lab",
		"loc:remote ml", "frontend -junior", "-ios mobile", "title:lead pl", "kubern", "sre",
		"go -go", "münchen", "engineer (go)"}
	ctx := context.Background()
	narrowed := 0
	for round := range 12 {
		c := NewCollection()
		c.Add(all[:4000]...)
		typed := []rune(words[r.IntN(len(words))])
		if r.IntN(3) == 0 { // a random extra term
			typed = append(typed, []rune(" "+randString(r, 2))...)
		}
		o := SortOrder(r.IntN(int(numSortOrders)))
		var prev *Result
		for n := 1; n <= len(typed); n++ {
			if r.IntN(4) == 0 { // the loader delivers more while the user types
				c.Add(all[c.Len():min(c.Len()+r.IntN(400), len(all))]...)
			}
			snap := c.Snapshot()
			q := ParseQuery(string(typed[:n]))
			got, err := Filter(ctx, snap, q, o, nil, prev)
			if err != nil {
				t.Fatal(err)
			}
			want, err := filter(ctx, snap, q, o, nil, nil, false)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.Rows, want.Rows) {
				t.Fatalf("round %d: %q (sort %v) narrowed from %q: %d rows, fresh %d rows",
					round, q.Raw, o, prev.Query, got.Len(), want.Len())
			}
			if got.Narrowed {
				narrowed++
			}
			prev = &got
		}
	}
	if narrowed < 20 {
		t.Fatalf("only %d filters narrowed; the test does not exercise narrowing", narrowed)
	}
}

// TestFilterDoesNotNarrowAcrossCollections checks a Result from another
// collection is ignored as prev.
func TestFilterDoesNotNarrowAcrossCollections(t *testing.T) {
	a, b := fixture(), fixture()
	ra := mustFilter(t, a, "xyzzy", SortNewest, nil)
	rb, err := Filter(context.Background(), b.Snapshot(), ParseQuery("xyzzyq"), SortNewest, nil, &ra)
	if err != nil || rb.Narrowed {
		t.Fatalf("narrowed across collections: %v %v", rb.Narrowed, err)
	}
	rb, err = Filter(context.Background(), b.Snapshot(), ParseQuery("backend"), SortNewest, nil, &ra)
	if err != nil || rb.Len() != 2 {
		t.Fatalf("backend with a foreign prev: %v rows, %v", rb.Len(), err)
	}
}

// TestFilterWhileAdding runs filters in goroutines while the owner keeps
// adding postings, as the browser does; run under -race.
func TestFilterWhileAdding(t *testing.T) {
	all := genPostings(20000, 5)
	c := NewCollection()
	c.Add(all[:5000]...)
	ctx := context.Background()
	var wg sync.WaitGroup
	results := make(chan Result, 64)
	for k := 5000; k < len(all); k += 500 {
		snap := c.Snapshot()
		wg.Go(func() {
			r, err := Filter(ctx, snap, ParseQuery("senior ber"), SortOrder(k%4), nil, nil)
			if err != nil {
				t.Error(err)
				return
			}
			results <- r
		})
		c.Add(all[k : k+500]...)
		c.Merge(all[k-1].ID, "copy/of/"+all[k-1].Path)
	}
	wg.Wait()
	close(results)
	seen := 0
	for r := range results {
		seen++
		want := mustFilterSnap(t, r.Snapshot(), "senior ber", r.Sort)
		if !slices.Equal(r.Rows, want.Rows) {
			t.Fatalf("result over %d postings changed after later Adds", r.Total)
		}
		for i := range r.Len() {
			if r.Rows[i] >= int32(r.Total) {
				t.Fatalf("row %d beyond snapshot %d", r.Rows[i], r.Total)
			}
		}
	}
	if seen != 30 {
		t.Fatalf("%d results, want 30", seen)
	}
}

// mustFilterSnap filters s without the result cache, as a reference.
func mustFilterSnap(t *testing.T, s Snapshot, q string, o SortOrder) Result {
	t.Helper()
	r, err := filter(context.Background(), s, ParseQuery(q), o, nil, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestFilterCancelledMidway cancels while a big filter runs.
func TestFilterCancelledMidway(t *testing.T) {
	c := NewCollection()
	c.Add(genPostings(20000, 1)...)
	snap := c.Snapshot()
	snap.order(SortNewest)
	ctx, cancel := context.WithTimeout(context.Background(), time.Microsecond)
	defer cancel()
	time.Sleep(time.Millisecond)
	_, err := Filter(ctx, snap, ParseQuery("e"), SortNewest, nil, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want DeadlineExceeded", err)
	}
	// A context cancelled by another goroutine while the workers run.
	ctx2, cancel2 := context.WithCancel(context.Background())
	ann := cancellingAnn{cancel: cancel2}
	_, err = Filter(ctx2, snap, ParseQuery("is:s"), SortNewest, ann, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled during the pass: err = %v, want Canceled", err)
	}
}

// cancellingAnn cancels its context on the first lookup.
type cancellingAnn struct{ cancel context.CancelFunc }

func (a cancellingAnn) Shortlisted(string) bool { a.cancel(); return true }
func (a cancellingAnn) Tags(string) []string    { return nil }

func TestRankByScore(t *testing.T) {
	rows := []int32{10, 11, 12, 13, 14, 15}
	scores := []int32{5, 9, 5, -3, 9, 0}
	got := rankByScore(slices.Clone(rows), scores)
	if want := []int32{11, 14, 10, 12, 15, 13}; !slices.Equal(got, want) {
		t.Errorf("counting sort: got %v, want %v", got, want)
	}
	// A range too wide for counting falls back to the stable comparison sort.
	wide := []int32{1 << 20, -1 << 20, 7, 1 << 20}
	got = rankByScore([]int32{1, 2, 3, 4}, wide)
	if want := []int32{1, 4, 3, 2}; !slices.Equal(got, want) {
		t.Errorf("wide range: got %v, want %v", got, want)
	}
	if got := rankByScore(nil, nil); len(got) != 0 {
		t.Errorf("empty: %v", got)
	}
}

func TestResultFindAndPosting(t *testing.T) {
	c := fixture()
	r := mustFilter(t, c, "backend", SortNewest, nil)
	if got := r.Find("e"); got < 0 || r.Posting(got).ID != "e" {
		t.Errorf("Find(e) = %d", got)
	}
	if got := r.Find("c"); got != -1 {
		t.Errorf("Find(c) = %d, want -1 (not shown)", got)
	}
	if got := r.RowOf(c.IndexOf("e")); got != r.Find("e") {
		t.Errorf("RowOf(IndexOf(e)) = %d, Find(e) = %d", got, r.Find("e"))
	}
	if got := r.RowOf(c.IndexOf("c")); got != -1 {
		t.Errorf("RowOf(c) = %d, want -1", got)
	}
	if r.Total != 5 || r.Query != "backend" || r.Sort != SortNewest {
		t.Errorf("result header: %+v", r)
	}
}
