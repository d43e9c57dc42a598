package model

import (
	"math/bits"
	"slices"

	"github.com/jobdeck/jobdeck/model/keysort"
)

// sortPacked is [Snapshot.sortItems] for a run whose sort keys fit in 64
// bits: the date (in the date orders, as its distance from the run's
// newest or oldest, undated last) above the ranks of the two texts the
// order compares (from ranks), a number per posting
// that compares as [Snapshot.compareItems] does. When the paths are in
// order and the posting's place in the run fits below that too, the run
// is sorted as plain numbers; else as pairs of number and index, equal
// numbers going by index or, when the paths are not in order, by
// [Snapshot.compare]. ok is false when the keys do not fit (or a date
// has a fraction of a second, which only the postings' Dates order):
// the caller sorts items then. A folder of 100k postings sorts so in
// about a third of the time.
func (s Snapshot) sortPacked(o SortOrder, lo, hi int, ranks *textRanking) (perm []int32, ok bool) {
	if hi-lo < 2 {
		for i := lo; i < hi; i++ {
			perm = append(perm, int32(i))
		}
		return perm, true
	}
	dated := o == SortNewest || o == SortOldest
	var from, span uint64 // in the date orders: the newest or oldest date key, and the undated posting's distance
	dBits := 0
	if dated {
		if from, span, ok = s.dateSpan(o, lo, hi); !ok {
			return nil, false
		}
		dBits = bits.Len64(span)
	}
	rBits := bits.Len(uint(ranks.n))
	if dBits+2*rBits > 64 {
		return nil, false
	}
	key := func(i int) uint64 {
		k := s.orderKeys.at(i)
		first, second := uint64(ranks.of(k.titleClass)), uint64(ranks.of(k.companyClass))
		if o == SortCompany {
			first, second = second, first
		}
		var d uint64
		switch {
		case !dated:
		case k.date == undated:
			d = span
		case o == SortNewest:
			d = (from - uint64(k.date)) / 2
		default:
			d = (uint64(k.date) - from) / 2
		}
		return d<<(2*rBits) | first<<rBits | second
	}
	if iBits := bits.Len(uint(hi - lo - 1)); s.pathOrdered && dBits+2*rBits+iBits <= 64 {
		return sortNumbers(lo, hi, iBits, key), true
	}
	return s.sortKeyed(o, lo, hi, dBits+2*rBits, key), true
}

// dateSpan returns, for postings lo..hi-1 sorted in the date order o,
// the date key the distances are taken from (the newest in SortNewest,
// the oldest in SortOldest) and the distance given the undated: one more
// than the farthest (date keys are even, distances halved). ok is false
// when a date key is odd (a fraction of a second).
func (s Snapshot) dateSpan(o SortOrder, lo, hi int) (from, span uint64, ok bool) {
	newest, oldest := int64(undated), int64(undated)
	for i := lo; i < hi; i++ {
		d := s.orderKeys.at(i).date
		switch {
		case d == undated:
			continue
		case d&1 != 0:
			return 0, 0, false
		case newest == undated:
			newest, oldest = d, d
		default:
			newest, oldest = max(newest, d), min(oldest, d)
		}
	}
	if newest == undated {
		return 0, 0, true
	}
	span = (uint64(newest)-uint64(oldest))/2 + 1 // the difference of two int64s fits a uint64
	if o == SortNewest {
		return uint64(newest), span, true
	}
	return uint64(oldest), span, true
}

// sortNumbers returns lo..hi-1 sorted by key, ties by index: each
// posting's key with its place in the run below it (iBits bits), sorted
// as numbers, in two halves on two goroutines when the run is long.
func sortNumbers(lo, hi, iBits int, key func(int) uint64) []int32 {
	ns := make([]uint64, hi-lo)
	for k := range ns {
		ns[k] = key(lo+k)<<iBits | uint64(k)
	}
	mask := uint64(1)<<iBits - 1
	return sortInHalves(ns, slices.Sort[[]uint64],
		func(x, y *uint64) bool { return *x < *y },
		func(n *uint64) int32 { return int32(lo + int(*n&mask)) })
}

// sortKeyed returns lo..hi-1 sorted by key (of keyBits bits), ties by
// index when the paths are in order and else by [Snapshot.compare] (which
// then goes by path), in two halves on two goroutines when the run is
// long. The keys are sorted by their digits (see [keysort.Radix]): a run
// of 100k postings so in a third of the time compared item by item.
func (s Snapshot) sortKeyed(o SortOrder, lo, hi, keyBits int, key func(int) uint64) []int32 {
	items := keysort.Scratch(hi - lo)
	defer keysort.Release(items)
	for k := range items {
		items[k] = keysort.Item{Key: key(lo + k), I: int32(lo + k)}
	}
	less := func(x, y *keysort.Item) int {
		switch {
		case x.Key < y.Key:
			return -1
		case x.Key > y.Key:
			return 1
		case s.pathOrdered:
			return int(x.I) - int(y.I)
		}
		return s.compare(o, x.I, y.I)
	}
	sortRun := func(run []keysort.Item) {
		keysort.Radix(run, keyBits) // ties stay by index
		if !s.pathOrdered {
			sortEqualKeys(run, func(x, y *keysort.Item) int { return s.compare(o, x.I, y.I) })
		}
	}
	return sortInHalves(items, sortRun,
		func(x, y *keysort.Item) bool { return less(x, y) < 0 },
		func(it *keysort.Item) int32 { return it.I })
}
