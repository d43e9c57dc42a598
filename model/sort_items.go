package model

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
)

// sortItem is a posting being sorted, carrying what its comparisons in
// the order being sorted read: sorting a run of items reads memory in
// order, where comparing postings by index reads the order keys and the
// search keys of postings scattered over the collection (~50 ns a
// comparison at 100k postings, most of it waiting for memory).
type sortItem struct {
	// date is orderKey.date in the date orders, else 0.
	date int64
	// title and company rank the posting's folded title and company
	// among those of the run (see [Snapshot.textRanks]).
	title, company uint32
	i              int32
}

// itemOrders reports whether o sorts by items ([Snapshot.sortItems]); the
// others sort indexes.
func itemOrders(o SortOrder) bool {
	switch o {
	case SortNewest, SortOldest, SortCompany, SortTitle:
		return true
	}
	return false
}

// compareItems compares x and y as [Snapshot.compare] compares their
// postings: from the items, unless their dates have a fraction of a
// second or their paths are to break a tie.
func (s Snapshot) compareItems(o SortOrder, x, y *sortItem) int {
	switch o {
	case SortNewest, SortOldest:
		za, zb := x.date == undated, y.date == undated
		switch {
		case za && !zb:
			return 1
		case zb && !za:
			return -1
		case !za && x.date != y.date:
			if o == SortNewest {
				return cmp.Compare(y.date, x.date)
			}
			return cmp.Compare(x.date, y.date)
		case !za && x.date&1 != 0:
			return s.compare(o, x.i, y.i) // only the postings' Dates tell
		}
		if c := cmp.Or(cmp.Compare(x.title, y.title), cmp.Compare(x.company, y.company)); c != 0 {
			return c
		}
	case SortCompany:
		if c := cmp.Or(cmp.Compare(x.company, y.company), cmp.Compare(x.title, y.title)); c != 0 {
			return c
		}
	default: // SortTitle
		if c := cmp.Or(cmp.Compare(x.title, y.title), cmp.Compare(x.company, y.company)); c != 0 {
			return c
		}
	}
	if !s.pathOrdered {
		return s.compare(o, x.i, y.i)
	}
	return cmp.Compare(x.i, y.i)
}

// sortItems returns the indexes lo..hi-1 of s sorted in order o (one of
// [itemOrders]), sorting their items. A large range is sorted in two
// halves on two goroutines, merged into the indexes.
func (s Snapshot) sortItems(o SortOrder, lo, hi int) []int32 {
	ranks := s.textRanks(o, lo, hi)
	dated := o == SortNewest || o == SortOldest
	items := make([]sortItem, hi-lo)
	for k := range items {
		key := s.orderKeys.at(lo + k)
		it := &items[k]
		it.title, it.company, it.i = ranks(key.titleClass), ranks(key.companyClass), int32(lo+k)
		if dated {
			it.date = key.date
		}
	}
	sortRun := func(run []sortItem) {
		slices.SortFunc(run, func(x, y sortItem) int { return s.compareItems(o, &x, &y) })
	}
	if len(items) < 2*parallelMin || runtime.GOMAXPROCS(0) < 2 {
		sortRun(items)
		return indexes(items)
	}
	a, b := items[:len(items)/2], items[len(items)/2:]
	done := make(chan struct{})
	go func() {
		defer close(done)
		sortRun(a)
	}()
	sortRun(b)
	<-done
	perm := make([]int32, 0, len(items))
	for len(a) > 0 && len(b) > 0 {
		if s.compareItems(o, &b[0], &a[0]) < 0 {
			perm, b = append(perm, b[0].i), b[1:]
		} else {
			perm, a = append(perm, a[0].i), a[1:]
		}
	}
	perm = append(perm, indexes(a)...)
	return append(perm, indexes(b)...)
}

// textRanks returns, indexed by text class (orderKey.titleClass and
// companyClass), the rank of each folded title and company of postings
// lo..hi-1 of s among them, in the order o compares them: strings.Compare
// in the date orders, else compareNonEmptyFirst. Equal texts share their
// class, so ranks are equal exactly when the texts are and compare as the
// texts do. A run of postings holds few distinct titles and companies:
// sorting them costs little beside sorting the postings.
func (s Snapshot) textRanks(o SortOrder, lo, hi int) func(class uint32) uint32 {
	type classText struct {
		class uint32
		text  string
	}
	var texts []classText
	seen := make(map[uint32]struct{}, 64)
	for i := lo; i < hi; i++ {
		k := s.orderKeys.at(i)
		if _, ok := seen[k.titleClass]; !ok {
			seen[k.titleClass] = struct{}{}
			texts = append(texts, classText{k.titleClass, s.keys.at(i).field(fieldTitle)})
		}
		if _, ok := seen[k.companyClass]; !ok {
			seen[k.companyClass] = struct{}{}
			texts = append(texts, classText{k.companyClass, s.keys.at(i).field(fieldCompany)})
		}
	}
	compareText := compareNonEmptyFirst
	if o == SortNewest || o == SortOldest {
		compareText = strings.Compare
	}
	slices.SortFunc(texts, func(a, b classText) int { return compareText(a.text, b.text) })
	ranks := make(map[uint32]uint32, len(texts))
	for r, t := range texts {
		ranks[t.class] = uint32(r)
	}
	return func(class uint32) uint32 { return ranks[class] }
}

// indexes returns the postings' indexes of items, in order.
func indexes(items []sortItem) []int32 {
	perm := make([]int32, len(items))
	for k := range items {
		perm[k] = items[k].i
	}
	return perm
}
