package model

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSortItemsEqualsCompare checks that sorting items gives the order
// compare gives, for ranges that do not start at 0, in collections whose
// paths are in order (ties go by index) and out of order (ties go to
// compare), with few distinct titles and companies, undated postings and
// dates with a fraction of a second (equal keys go to compare).
func TestSortItemsEqualsCompare(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	base := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	titles := []string{"", "Senior Site Reliability Engineer", "senior site reliability engineer", "Senior Site Reliability Manager", "Go Developer", "Zürich Lead"}
	companies := []string{"", "Acme", "acme", "Acme Corporation", "Beta"}
	var ps []*Posting
	for i := range 3*parallelMin + 77 {
		var d time.Time
		switch r.IntN(4) {
		case 0: // undated
		case 1:
			d = base.Add(time.Duration(r.IntN(3)) * 24 * time.Hour)
		case 2:
			d = base.Add(time.Duration(r.IntN(3))*24*time.Hour + time.Duration(1+r.IntN(5))*100*time.Millisecond)
		default:
			d = base.Add(time.Duration(r.IntN(1000)) * time.Second)
		}
		ps = append(ps, &Posting{ID: fmt.Sprint(i), Path: fmt.Sprintf("%05d.md", r.IntN(500)),
			Title: titles[r.IntN(len(titles))], Company: companies[r.IntN(len(companies))], Date: d})
	}
	for _, s := range bothPathOrders(ps) {
		for _, o := range []SortOrder{SortNewest, SortOldest, SortCompany, SortTitle} {
			for _, lo := range []int{0, 1000} {
				want := comparedOrder(s, o, lo)
				if got := s.sortItems(o, lo, s.Len()); !slices.Equal(got, want) {
					t.Errorf("%v from %d, paths in order %v: items sort differently from compare", o, lo, s.pathOrdered)
				}
			}
		}
	}
}

// TestSortMergeHalvesEqualsFull checks the merge of a long run of
// appended postings into a cached order, which merges each half of the
// run on its own goroutine, against a full sort, in every order.
func TestSortMergeHalvesEqualsFull(t *testing.T) {
	ps := genPostings(5*parallelMin, 31)
	for o := range numSortOrders {
		inc := NewCollection()
		inc.Add(ps[:2*parallelMin]...)
		inc.Snapshot().order(o)
		inc.Add(ps[2*parallelMin:]...)
		full := NewCollection()
		full.Add(ps...)
		if got, want := inc.Snapshot().order(o), full.Snapshot().order(o); !slices.Equal(got, want) {
			t.Fatalf("%v: merging halves differs from a full sort", o)
		}
	}
}

// comparedOrder returns the indexes lo.. of s sorted in order o by
// [Snapshot.compare], the order every faster sort must give.
func comparedOrder(s Snapshot, o SortOrder, lo int) []int32 {
	want := make([]int32, 0, s.Len()-lo)
	for i := lo; i < s.Len(); i++ {
		want = append(want, int32(i))
	}
	slices.SortFunc(want, func(a, b int32) int { return s.compare(o, a, b) })
	return want
}

// bothPathOrders returns snapshots of collections of ps as given and of
// ps sorted by path: one whose paths are out of order (ties go to
// compare) and one whose paths are in order (ties go by index).
func bothPathOrders(ps []*Posting) []Snapshot {
	inOrder := slices.Clone(ps)
	slices.SortStableFunc(inOrder, func(a, b *Posting) int { return strings.Compare(a.Path, b.Path) })
	var out []Snapshot
	for _, add := range [][]*Posting{ps, inOrder} {
		c := NewCollection()
		c.Add(add...)
		out = append(out, c.Snapshot())
	}
	return out
}
