package model

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestSortPackedEqualsCompare checks that sorting by packed keys gives the
// order compare gives, in every order it serves and from ranges that do
// not start at 0: with the postings' place packed too (paths in order),
// as pairs of key and index (paths out of order: ties go to compare; a
// date span too wide for the place), and that it declines dates with a
// fraction of a second and keys that do not fit 64 bits.
func TestSortPackedEqualsCompare(t *testing.T) {
	base := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	far := []time.Time{time.Date(-200_000_000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(200_000_000, 1, 1, 0, 0, 0, 0, time.UTC)}
	cases := []struct {
		name      string
		n, titles int
		date      func(r *rand.Rand) time.Time
		packs     bool // sortPacked sorts it
	}{
		{"days", 3*parallelMin + 77, 6, func(r *rand.Rand) time.Time {
			if r.IntN(5) == 0 {
				return time.Time{}
			}
			return base.Add(time.Duration(r.IntN(3)) * 24 * time.Hour)
		}, true},
		{"seconds", 2*parallelMin + 5, 40, func(r *rand.Rand) time.Time { return base.Add(time.Duration(r.IntN(100000)) * time.Second) }, true},
		{"undated", 300, 6, func(*rand.Rand) time.Time { return time.Time{} }, true},
		{"far apart", 3000, 6, func(r *rand.Rand) time.Time { return far[r.IntN(2)].Add(time.Duration(r.IntN(5)) * time.Hour) }, true},
		{"far apart, many titles", 3000, 2000, func(r *rand.Rand) time.Time { return far[r.IntN(2)] }, false},
		{"fractions", 500, 6, func(r *rand.Rand) time.Time {
			return base.Add(time.Duration(r.IntN(3))*time.Second + time.Duration(r.IntN(2))*time.Millisecond)
		}, false},
	}
	companies := []string{"", "Acme", "acme", "Acme Corporation", "Beta", "Zürich AG"}
	for ci, tc := range cases {
		r := rand.New(rand.NewPCG(uint64(ci), 9))
		titles := []string{""}
		for i := range tc.titles {
			titles = append(titles, fmt.Sprintf("Senior Engineer %d", i), fmt.Sprintf("senior engineer %d", i))
		}
		var ps []*Posting
		for i := range tc.n {
			ps = append(ps, &Posting{ID: fmt.Sprint(i), Path: fmt.Sprintf("%05d.md", r.IntN(tc.n/3+1)),
				Title: titles[r.IntN(len(titles))], Company: companies[r.IntN(len(companies))], Date: tc.date(r)})
		}
		for _, s := range bothPathOrders(ps) {
			for _, o := range []SortOrder{SortNewest, SortOldest, SortCompany, SortTitle} {
				for _, lo := range []int{0, 1, s.Len() / 3, s.Len() - 1, s.Len()} {
					want := comparedOrder(s, o, lo)
					ranks := s.textRanks(o, lo, s.Len())
					got, ok := s.sortPacked(o, lo, s.Len(), &ranks)
					dated := o == SortNewest || o == SortOldest
					if wantOK := tc.packs || !dated || s.Len()-lo < 2; ok != wantOK {
						t.Errorf("%s, %v from %d: packed %v, want %v", tc.name, o, lo, ok, wantOK)
					}
					if ok && !slices.Equal(got, want) {
						t.Errorf("%s, %v from %d, paths in order %v: packed keys sort differently from compare", tc.name, o, lo, s.pathOrdered)
					}
					if got := s.sortItems(o, lo, s.Len()); !slices.Equal(got, want) {
						t.Errorf("%s, %v from %d, paths in order %v: items sort differently from compare", tc.name, o, lo, s.pathOrdered)
					}
				}
			}
		}
	}
}

// TestTextRanksDenseEqualsSparse checks that ranking a run's texts in a
// slice by class and in a map give the same ranks, for runs of a
// collection whose other postings hold classes the run lacks.
func TestTextRanksDenseEqualsSparse(t *testing.T) {
	c := NewCollection()
	c.Add(genPostings(3000, 11)...)
	s := c.Snapshot()
	for _, o := range []SortOrder{SortNewest, SortCompany} {
		for _, run := range [][2]int{{0, 3000}, {2000, 2100}, {2999, 3000}} {
			lo, hi := run[0], run[1]
			top := uint32(0)
			for i := lo; i < hi; i++ {
				top = max(top, s.orderKeys.at(i).titleClass, s.orderKeys.at(i).companyClass)
			}
			dense, sparse := s.textRanksIn(o, lo, hi, top, true), s.textRanksIn(o, lo, hi, top, false)
			if dense.dense == nil || sparse.sparse == nil || dense.n != sparse.n {
				t.Fatalf("%v %v: dense %d ranks, sparse %d", o, run, dense.n, sparse.n)
			}
			for i := lo; i < hi; i++ {
				for _, class := range []uint32{s.orderKeys.at(i).titleClass, s.orderKeys.at(i).companyClass} {
					if d, sp := dense.of(class), sparse.of(class); d != sp {
						t.Fatalf("%v %v: class %d ranks %d dense, %d sparse", o, run, class, d, sp)
					}
				}
			}
		}
	}
}
