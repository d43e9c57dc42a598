package model

import (
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// SortOrder is the order of the list when no query ranks it, and the
// tie-break between postings with equal scores when one does.
type SortOrder int

// The sort orders, in the order SortOrder.Next cycles through them.
const (
	// SortNewest: newest date first, undated postings last.
	SortNewest SortOrder = iota
	// SortOldest: oldest date first, undated postings last.
	SortOldest
	// SortCompany: company A–Z (case-insensitive), then title; postings
	// without a company last.
	SortCompany
	// SortTitle: title A–Z (case-insensitive), then company; postings
	// without a title last.
	SortTitle
	// SortStage: tracked postings in pipeline order of their stage
	// (interested first, the closed stages last), the most recent stage
	// change first within a stage; untracked postings after them, newest
	// first. It reads the store (see Tracking).
	SortStage
	// SortFollowUp: postings with a follow-up, soonest first; the rest
	// after them, newest first. It reads the store (see Tracking).
	SortFollowUp
	// SortSalary: the highest salary first (the top of its range, as a
	// yearly amount in its own currency, see ScopeSalary), postings
	// without a salary last.
	SortSalary

	numSortOrders
)

// Remaining ties in every order are broken by title, company, path and
// finally the order the postings were added, so the order is total and
// `jobdeck list` prints the same thing on every run.

var sortNames = [numSortOrders]string{"newest", "oldest", "company", "title", "stage", "follow-up", "salary"}

// String returns the order's name for the status line: "newest", "oldest",
// "company", "title", "stage", "follow-up" or "salary" ("SortOrder(n)" for an invalid
// value).
func (o SortOrder) String() string {
	if o < 0 || o >= numSortOrders {
		return fmt.Sprintf("SortOrder(%d)", int(o))
	}
	return sortNames[o]
}

// Next returns the order after o in the cycle newest → oldest → company →
// title → stage → follow-up → salary → newest. An invalid o yields SortNewest.
func (o SortOrder) Next() SortOrder {
	if o < 0 || o >= numSortOrders-1 {
		return SortNewest
	}
	return o + 1
}

// ErrUnknownSort is returned (wrapped) by ParseSortOrder for a name that is
// no sort order.
var ErrUnknownSort = errors.New("unknown sort order")

// ParseSortOrder returns the order named s (as String prints it, any case).
func ParseSortOrder(s string) (SortOrder, error) {
	for i, n := range sortNames {
		if strings.EqualFold(s, n) {
			return SortOrder(i), nil
		}
	}
	return SortNewest, fmt.Errorf("sort %q (want %s): %w", s, strings.Join(sortNames[:], ", "), ErrUnknownSort)
}

// sortCache holds, per order, the sorted permutation of the largest snapshot
// sorted so far. Permutations are immutable once stored; a bigger snapshot
// gets a new one by sorting only the appended postings and merging.
type sortCache struct {
	mu    [numSortOrders]sync.Mutex
	perms [numSortOrders][]int32
}

// order returns the indexes 0..Len-1 of s in order o. The slice is shared
// and must not be modified. Safe for concurrent use. The orders that read
// the store (see SortOrder.tracks) come from trackOrder instead; here they
// are SortNewest.
func (s Snapshot) order(o SortOrder) []int32 {
	if o < 0 || o >= numSortOrders || o.tracks() {
		o = SortNewest
	}
	n := len(s.postings)
	if s.shared == nil {
		return s.sortRange(o, 0, n)
	}
	c := &s.shared.sorts
	c.mu[o].Lock()
	defer c.mu[o].Unlock()
	old := c.perms[o]
	switch {
	case len(old) == n:
		return old
	case len(old) > n: // an older, smaller snapshot: keep its members
		perm := make([]int32, 0, n)
		for _, i := range old {
			if int(i) < n {
				perm = append(perm, i)
			}
		}
		return perm
	}
	perm := s.merge(o, old, s.sortRange(o, len(old), n))
	c.perms[o] = perm
	return perm
}

// sortRange returns the indexes lo..hi-1 sorted in order o. Large ranges
// are sorted in halves on two goroutines and merged. The orders that
// compare by date and text sort items ([Snapshot.sortItems]).
func (s Snapshot) sortRange(o SortOrder, lo, hi int) []int32 {
	if itemOrders(o) {
		return s.sortItems(o, lo, hi)
	}
	if hi-lo >= 2*parallelMin && runtime.GOMAXPROCS(0) > 1 {
		mid := lo + (hi-lo)/2
		var left []int32
		done := make(chan struct{})
		go func() {
			defer close(done)
			left = s.sortRange(o, lo, mid)
		}()
		right := s.sortRange(o, mid, hi)
		<-done
		return s.merge(o, left, right)
	}
	perm := make([]int32, hi-lo)
	for i := range perm {
		perm[i] = int32(lo + i)
	}
	slices.SortFunc(perm, func(a, b int32) int { return s.compare(o, a, b) })
	return perm
}

// merge merges two sorted runs of indexes into a new slice. Each element
// of the shorter run finds its place in the rest of the longer one by
// galloping (doubling steps, then a binary search within the last step),
// so a batch of m postings goes into n sorted ones in O(m log(n/m))
// comparisons plus copying, and similar runs cost a linear merge's. When
// the shorter run is long, each half of it is merged on its own goroutine
// with the part of the longer run that goes with it: the merge that shows
// a loaded million postings, after the loader has let go of the cores,
// takes half the time.
func (s Snapshot) merge(o SortOrder, a, b []int32) []int32 {
	if len(a) < len(b) {
		a, b = b, a
	}
	perm := make([]int32, len(a)+len(b))
	if len(b) < parallelMin || runtime.GOMAXPROCS(0) < 2 {
		s.mergeInto(o, perm, a, b)
		return perm
	}
	// a[:k] and b[:mid] sort before b[mid], a[k:] after it.
	mid := len(b) / 2
	k := s.gallop(o, a, b[mid])
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.mergeInto(o, perm[:k+mid], a[:k], b[:mid])
	}()
	s.mergeInto(o, perm[k+mid:], a[k:], b[mid:])
	<-done
	return perm
}

// mergeInto merges the sorted runs a and b, galloping through a, into
// dst, which is as long as both.
func (s Snapshot) mergeInto(o SortOrder, dst, a, b []int32) {
	n := 0
	for _, x := range b {
		k := s.gallop(o, a, x)
		n += copy(dst[n:], a[:k])
		dst[n] = x
		n++
		a = a[k:]
	}
	copy(dst[n:], a)
}

// gallop returns how many indexes at the start of the sorted run a sort
// before x in order o.
func (s Snapshot) gallop(o SortOrder, a []int32, x int32) int {
	lo, hi := 0, 1 // a[:lo] sorts before x; the boundary is below hi
	for hi <= len(a) && s.compare(o, a[hi-1], x) < 0 {
		lo, hi = hi, 2*hi
	}
	hi = min(hi, len(a)+1)
	k, _ := slices.BinarySearchFunc(a[lo:hi-1], x, func(y, x int32) int { return s.compare(o, y, x) })
	return lo + k
}

// compare compares postings a and b of s in order o; it returns 0 only when
// a == b. It reads the order keys, then the entries (folded fields), and
// touches the postings only to break ties.
func (s Snapshot) compare(o SortOrder, a, b int32) int {
	c := 0
	switch o {
	case SortNewest, SortOldest:
		da, db := s.orderKeys.at(int(a)).date, s.orderKeys.at(int(b)).date
		za, zb := da == undated, db == undated
		switch {
		case za && !zb:
			return 1
		case zb && !za:
			return -1
		case !za:
			c = cmpInt(da, db)
			if c == 0 && da&1 != 0 {
				c = s.postings[a].Date.Compare(s.postings[b].Date)
			}
			if o == SortNewest {
				c = -c
			}
		}
		if c == 0 {
			c = s.compareTitles(a, b, false)
		}
		if c == 0 {
			c = s.compareCompanies(a, b, false)
		}
	case SortSalary:
		fa, fb := s.facts.at(int(a)), s.facts.at(int(b))
		za, zb := fa.salHi <= 0, fb.salHi <= 0
		switch {
		case za && !zb:
			return 1
		case zb && !za:
			return -1
		}
		c = cmp.Or(cmp.Compare(fb.salHi, fa.salHi), cmp.Compare(fb.salLo, fa.salLo))
		if c == 0 {
			c = s.compareTitles(a, b, true)
		}
	case SortCompany:
		c = s.compareCompanies(a, b, true)
		if c == 0 {
			c = s.compareTitles(a, b, true)
		}
	default: // SortTitle
		c = s.compareTitles(a, b, true)
		if c == 0 {
			c = s.compareCompanies(a, b, true)
		}
	}
	if c == 0 && !s.pathOrdered {
		c = strings.Compare(s.postings[a].Path, s.postings[b].Path)
	}
	if c == 0 {
		c = int(a) - int(b)
	}
	return c
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compareNonEmptyFirst is strings.Compare except that "" sorts after
// everything else.
func compareNonEmptyFirst(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return strings.Compare(a, b)
}
