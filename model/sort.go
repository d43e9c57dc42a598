package model

import (
	"errors"
	"fmt"
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

	numSortOrders
)

// Remaining ties in every order are broken by title, company, path and
// finally the order the postings were added, so the order is total and
// `jobdeck list` prints the same thing on every run.

var sortNames = [numSortOrders]string{"newest", "oldest", "company", "title"}

// String returns the order's name for the status line: "newest", "oldest",
// "company" or "title" ("SortOrder(n)" for an invalid value).
func (o SortOrder) String() string {
	if o < 0 || o >= numSortOrders {
		return fmt.Sprintf("SortOrder(%d)", int(o))
	}
	return sortNames[o]
}

// Next returns the order after o in the cycle newest → oldest → company →
// title → newest. An invalid o yields SortNewest.
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
	return SortNewest, fmt.Errorf("sort %q (want newest, oldest, company or title): %w", s, ErrUnknownSort)
}

// sortCache holds, per order, the sorted permutation of the largest snapshot
// sorted so far. Permutations are immutable once stored; a bigger snapshot
// gets a new one by sorting only the appended postings and merging.
type sortCache struct {
	mu    [numSortOrders]sync.Mutex
	perms [numSortOrders][]int32
}

// order returns the indexes 0..Len-1 of s in order o. The slice is shared
// and must not be modified. Safe for concurrent use.
func (s Snapshot) order(o SortOrder) []int32 {
	if o < 0 || o >= numSortOrders {
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
	added := s.sortRange(o, len(old), n)
	perm := make([]int32, 0, n)
	less := s.lessFunc(o)
	a, b := old, added
	for len(a) > 0 && len(b) > 0 {
		if less(b[0], a[0]) {
			perm = append(perm, b[0])
			b = b[1:]
		} else {
			perm = append(perm, a[0])
			a = a[1:]
		}
	}
	perm = append(append(perm, a...), b...)
	c.perms[o] = perm
	return perm
}

// sortRange returns the indexes lo..hi-1 sorted in order o.
func (s Snapshot) sortRange(o SortOrder, lo, hi int) []int32 {
	perm := make([]int32, hi-lo)
	for i := range perm {
		perm[i] = int32(lo + i)
	}
	slices.SortFunc(perm, func(a, b int32) int { return s.compare(o, a, b) })
	return perm
}

// lessFunc returns the strict total order o over indexes of s.
func (s Snapshot) lessFunc(o SortOrder) func(a, b int32) bool {
	return func(a, b int32) bool { return s.compare(o, a, b) < 0 }
}

// compare compares postings a and b of s in order o; it returns 0 only when
// a == b.
func (s Snapshot) compare(o SortOrder, a, b int32) int {
	pa, pb := s.postings[a], s.postings[b]
	ka, kb := s.keys[a].key(), s.keys[b].key()
	c := 0
	switch o {
	case SortNewest, SortOldest:
		za, zb := pa.Date.IsZero(), pb.Date.IsZero()
		switch {
		case za && !zb:
			return 1
		case zb && !za:
			return -1
		case !za:
			c = pa.Date.Compare(pb.Date)
			if o == SortNewest {
				c = -c
			}
		}
		if c == 0 {
			c = compareFolded(keyField(ka, fieldTitle), keyField(kb, fieldTitle))
		}
		if c == 0 {
			c = compareFolded(keyField(ka, fieldCompany), keyField(kb, fieldCompany))
		}
	case SortCompany:
		c = compareNonEmptyFirst(keyField(ka, fieldCompany), keyField(kb, fieldCompany))
		if c == 0 {
			c = compareNonEmptyFirst(keyField(ka, fieldTitle), keyField(kb, fieldTitle))
		}
	default: // SortTitle
		c = compareNonEmptyFirst(keyField(ka, fieldTitle), keyField(kb, fieldTitle))
		if c == 0 {
			c = compareNonEmptyFirst(keyField(ka, fieldCompany), keyField(kb, fieldCompany))
		}
	}
	if c == 0 {
		c = strings.Compare(pa.Path, pb.Path)
	}
	if c == 0 {
		c = int(a) - int(b)
	}
	return c
}

// compareNonEmptyFirst is compareFolded except that "" sorts after
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
	return compareFolded(a, b)
}
