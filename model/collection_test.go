package model

import (
	"slices"
	"testing"
)

func TestCollectionAddAndLookup(t *testing.T) {
	c := NewCollection()
	if c.Len() != 0 || c.Snapshot().Len() != 0 {
		t.Fatal("new collection not empty")
	}
	a := &Posting{ID: "a", Path: "a.md", Title: "A"}
	dup := &Posting{ID: "a", Path: "dup.md", Title: "A again"}
	c.Add(a, nil, &Posting{ID: "b", Path: "b.md"}, dup)
	if c.Len() != 3 {
		t.Fatalf("Len = %d, want 3 (nil skipped)", c.Len())
	}
	if p, ok := c.ByID("a"); !ok || p != a {
		t.Errorf("ByID(a) = %v, %v; want the first one added", p, ok)
	}
	if _, ok := c.ByID("zz"); ok {
		t.Error("ByID(zz) found something")
	}
	if c.IndexOf("b") != 1 || c.IndexOf("zz") != -1 {
		t.Errorf("IndexOf: b=%d zz=%d", c.IndexOf("b"), c.IndexOf("zz"))
	}
	if c.At(2) != dup {
		t.Error("At(2) is not the duplicate")
	}
}

func TestCollectionMerge(t *testing.T) {
	c := NewCollection()
	p := &Posting{ID: "a", Path: "x/a.md"}
	c.Add(p)
	before := p.AllPaths()
	if !c.Merge("a", "y/a.md") {
		t.Fatal("Merge(a) = false")
	}
	if !c.Merge("a", "y/a.md") { // already listed: no change
		t.Fatal("second Merge(a) = false")
	}
	if !c.Merge("a", "x/a.md") {
		t.Fatal("Merge of the first path = false")
	}
	if want := []string{"x/a.md", "y/a.md"}; !slices.Equal(p.Paths(), want) {
		t.Errorf("Paths = %v, want %v", p.Paths(), want)
	}
	c.Merge("a", "z/a.md")
	if want := []string{"x/a.md", "y/a.md", "z/a.md"}; !slices.Equal(p.Paths(), want) {
		t.Errorf("Paths = %v, want %v", p.Paths(), want)
	}
	if !slices.Equal(before, []string{"x/a.md"}) {
		t.Errorf("a slice handed out earlier changed: %v", before)
	}
	if c.Merge("nope", "q.md") {
		t.Error("Merge of an unknown id = true")
	}
}

// TestSnapshotIsolation checks a snapshot keeps its length and postings
// while the collection grows.
func TestSnapshotIsolation(t *testing.T) {
	c := NewCollection()
	ps := genPostings(100, 1)
	c.Add(ps[:10]...)
	s := c.Snapshot()
	c.Add(ps[10:]...)
	if s.Len() != 10 || c.Len() != 100 {
		t.Fatalf("snapshot %d, collection %d", s.Len(), c.Len())
	}
	for i := range s.Len() {
		if s.At(i) != ps[i] {
			t.Fatalf("snapshot posting %d changed", i)
		}
	}
	if c.Snapshot().At(50) != ps[50] {
		t.Error("later snapshot misses new postings")
	}
}

// TestCollectionAddParallelSameAsInBatches makes a collection of postings
// at once (their keys and facts built on two goroutines), one that adds
// them in batches, and one that adds the first batches one at a time and
// the rest together with AddParallel (as the browser adds a load's last
// batches, nil postings among them), and checks that every posting,
// search key, fact and order key is the same.
func TestCollectionAddParallelSameAsInBatches(t *testing.T) {
	ps := genPostings(3*parallelAddMin+123, 5)
	ps[7].Title = "Straße Kelvin \u212a café" // folds to fewer bytes, non-ASCII
	ps[parallelAddMin+9].Company = "camelCase GmbH"
	all := NewCollectionOf(ps)
	batched := NewCollection()
	var rest [][]*Posting
	for lo := 0; lo < len(ps); lo += 1000 {
		batched.Add(ps[lo:min(lo+1000, len(ps))]...)
		rest = append(rest, ps[lo:min(lo+1000, len(ps))])
	}
	last := NewCollection()
	last.Add(rest[0]...)
	last.Add(rest[1]...)
	rest = append([][]*Posting{{nil}}, rest[2:]...)
	last.AddParallel(rest...)
	if last.Len() != len(ps) {
		t.Fatalf("AddParallel: %d postings, want %d", last.Len(), len(ps))
	}
	for i := range ps {
		if p := last.Snapshot().At(i); p != ps[i] {
			t.Fatalf("AddParallel: posting %d is %v, want %v", i, p.Path, ps[i].Path)
		}
		if a, b := all.keys.at(i), last.keys.at(i); a.folded != b.folded || a.masks != b.masks ||
			*all.facts.at(i) != *last.facts.at(i) || *all.orderKeys.at(i) != *last.orderKeys.at(i) {
			t.Fatalf("AddParallel: posting %d: search key, facts or order key differ", i)
		}
	}
	for i := range ps {
		a, b := all.keys.at(i), batched.keys.at(i)
		if a.folded != b.folded || a.raw() != b.raw() || !slices.Equal(a.fieldEnds(), b.fieldEnds()) ||
			a.nonASCII != b.nonASCII || a.camel != b.camel || a.masks != b.masks {
			t.Fatalf("posting %d: search key %+v, in batches %+v", i, *a, *b)
		}
		if *all.facts.at(i) != *batched.facts.at(i) || *all.orderKeys.at(i) != *batched.orderKeys.at(i) {
			t.Fatalf("posting %d: facts or order key differ", i)
		}
	}
}
