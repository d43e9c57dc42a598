package model

import (
	"cmp"
	"slices"
	"strings"

	"github.com/jobdeck/jobdeck/model/keysort"
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
	if perm, ok := s.sortPacked(o, lo, hi, &ranks); ok {
		return perm
	}
	dated := o == SortNewest || o == SortOldest
	items := make([]sortItem, hi-lo)
	for k := range items {
		key := s.orderKeys.at(lo + k)
		it := &items[k]
		it.title, it.company, it.i = ranks.of(key.titleClass), ranks.of(key.companyClass), int32(lo+k)
		if dated {
			it.date = key.date
		}
	}
	sortRun := func(run []sortItem) {
		slices.SortFunc(run, func(x, y sortItem) int { return s.compareItems(o, &x, &y) })
	}
	return sortInHalves(items, sortRun,
		func(x, y *sortItem) bool { return s.compareItems(o, x, y) < 0 },
		func(it *sortItem) int32 { return it.i })
}

// textRanking is the rank of each folded title and company of a run of
// postings among them, by text class (see [Snapshot.textRanks]).
type textRanking struct {
	dense  []uint32          // by class, when the run's classes are few beside it
	sparse map[uint32]uint32 // else
	n      int               // how many ranks there are
}

// of returns the rank of the text of class, one of the run's.
func (r *textRanking) of(class uint32) uint32 {
	if r.dense != nil {
		return r.dense[class]
	}
	return r.sparse[class]
}

// denseClasses is how many text classes beyond sixteen per posting of a
// run a [textRanking] may index by class in a slice rather than a map:
// a lookup in a slice of 256 KB costs a tenth of a map's, and the slice's
// size is the collection's count of distinct texts, which a run of new
// postings reaches however short it is.
const denseClasses = 1 << 16

// textRanks returns the rank of each folded title and company of postings
// lo..hi-1 of s among them, by text class (orderKey.titleClass and
// companyClass), in the order o compares them: strings.Compare in the
// date orders, else compareNonEmptyFirst. Equal texts share their class,
// so ranks are equal exactly when the texts are and compare as the texts
// do. A run of postings holds few distinct titles and companies: sorting
// them costs little beside sorting the postings.
func (s Snapshot) textRanks(o SortOrder, lo, hi int) textRanking {
	top := uint32(0)
	for i := lo; i < hi; i++ {
		k := s.orderKeys.at(i)
		top = max(top, k.titleClass, k.companyClass)
	}
	return s.textRanksIn(o, lo, hi, top, int(top) < 16*(hi-lo)+denseClasses)
}

// textRanksIn is textRanks for runs whose classes are at most top, ranked
// in a slice when dense, else in a map.
func (s Snapshot) textRanksIn(o SortOrder, lo, hi int, top uint32, dense bool) textRanking {
	type classText struct {
		class uint32
		text  string
	}
	var texts []classText
	var r textRanking
	// first reports whether class is met for the first time in the run.
	var first func(class uint32) bool
	if dense {
		r.dense = make([]uint32, top+1)
		first = func(class uint32) bool {
			if r.dense[class] != 0 {
				return false
			}
			r.dense[class] = 1
			return true
		}
	} else {
		seen := make(map[uint32]struct{}, 64)
		first = func(class uint32) bool {
			if _, ok := seen[class]; ok {
				return false
			}
			seen[class] = struct{}{}
			return true
		}
	}
	for i := lo; i < hi; i++ {
		k := s.orderKeys.at(i)
		if first(k.titleClass) {
			texts = append(texts, classText{k.titleClass, s.keys.at(i).field(fieldTitle)})
		}
		if first(k.companyClass) {
			texts = append(texts, classText{k.companyClass, s.keys.at(i).field(fieldCompany)})
		}
	}
	if r.dense == nil {
		r.sparse = make(map[uint32]uint32, len(texts))
	}
	for rank, k := range sortTexts(texts, func(t classText) string { return t.text }, o != SortNewest && o != SortOldest) {
		if t := texts[k]; r.dense != nil {
			r.dense[t.class] = uint32(rank)
		} else {
			r.sparse[t.class] = uint32(rank)
		}
	}
	r.n = len(texts)
	return r
}

// sortTexts returns the indexes of texts, distinct strings (of text), in
// the order strings.Compare puts the strings, or compareNonEmptyFirst when
// nonEmptyFirst: radix-sorted by their first 8 bytes, those with equal
// ones by the next 8 (see textPrefix), and compared in full where these
// are equal too.
func sortTexts[T any](texts []T, text func(T) string, nonEmptyFirst bool) []int32 {
	items := keysort.Scratch(len(texts))
	defer keysort.Release(items)
	for k, t := range texts {
		key := textPrefix(text(t))[0]
		if nonEmptyFirst {
			key-- // the empty text's zero prefix, and it alone, wraps to sort last
		}
		items[k] = keysort.Item{Key: key, I: int32(k)}
	}
	keysort.Radix(items, 64)
	keysort.Runs(items, func(run []keysort.Item) {
		for k := range run {
			run[k].Key = textPrefix(text(texts[run[k].I]))[1]
		}
		keysort.Radix(run, 64)
		keysort.Runs(run, func(run []keysort.Item) { // of distinct texts: no order to keep
			slices.SortFunc(run, func(x, y keysort.Item) int { return strings.Compare(text(texts[x.I]), text(texts[y.I])) })
		})
	})
	order := make([]int32, len(items))
	for k := range items {
		order[k] = items[k].I
	}
	return order
}
