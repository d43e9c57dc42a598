package model

import (
	"encoding/binary"
	"math"
	"strings"
	"time"
)

// orderKey is what the sorts read first of a posting: 40 bytes a posting
// in one array, apart from the search keys, so that sorting or merging a
// million postings compares them mostly without reading a search key,
// which costs a cache miss or two per comparison.
type orderKey struct {
	// date orders the postings by date as Posting.Date.Compare does, or
	// is undated (see dateKey).
	date int64
	// title is the first 16 bytes of the folded title and company the
	// first 8 of the folded company (see textPrefix).
	title   [2]uint64
	company uint64
	// titleClass and companyClass number the folded title and company
	// (see textClasses): equal numbers mean equal texts, so postings that
	// share both, common in a big folder, are told tied without reading
	// their search keys. Different numbers say nothing about the order.
	titleClass, companyClass uint32
}

// undated is orderKey.date for a posting without a date.
const undated = math.MinInt64

// dateKey is orderKey.date for a posting's date t: twice the date in Unix
// seconds, plus one when it has a fraction of a second. So equal dates of
// whole seconds (the usual kind) are told equal without reading the
// postings; only a tie of two odd keys needs their Dates.
func dateKey(t time.Time) int64 {
	if t.IsZero() {
		return undated
	}
	k := t.Unix() * 2
	if t.Nanosecond() != 0 {
		k++
	}
	return k
}

// textPrefix returns the first 16 bytes of s as two big-endian numbers,
// padded with zeros. Two texts whose prefixes differ compare as their
// prefixes do (strings.Compare); equal prefixes say nothing. Fields hold
// no NUL byte (else comparing equal prefixes settles it), so an empty
// text, and only it, has a zero prefix.
func textPrefix(s string) [2]uint64 {
	var b [16]byte
	copy(b[:], s)
	return [2]uint64{binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])}
}

// prefixOrder compares two texts by their prefixes a and b: -1 or 1 when
// these tell, 0 when the texts themselves must be compared. When
// nonEmptyFirst, a zero prefix tells nothing (the text may be empty, which
// sorts last).
func prefixOrder(a, b [2]uint64, nonEmptyFirst bool) int {
	if nonEmptyFirst && (a == [2]uint64{} || b == [2]uint64{}) {
		return 0
	}
	for i := range a {
		switch {
		case a[i] < b[i]:
			return -1
		case a[i] > b[i]:
			return 1
		}
	}
	return 0
}

// textClasses numbers distinct texts in the order they are first seen.
// The map's keys are the folded fields of the collection's search keys,
// which live as long as the collection.
type textClasses map[string]uint32

// of returns the number of s, giving it the next one when it is new.
func (c textClasses) of(s string) uint32 {
	n, ok := c[s]
	if !ok {
		n = uint32(len(c))
		c[s] = n
	}
	return n
}

// fillOrderKeys sets ks (as long as ps) to the order keys of ps, whose
// search keys are es, numbering their titles and companies in classes.
func fillOrderKeys(ks []orderKey, ps []*Posting, es []entry, classes textClasses) {
	for k, p := range ps {
		t, c := es[k].field(fieldTitle), es[k].field(fieldCompany)
		ks[k] = orderKey{
			date:         dateKey(p.Date),
			title:        textPrefix(t),
			company:      textPrefix(c)[0],
			titleClass:   classes.of(t),
			companyClass: classes.of(c),
		}
	}
}

// compareTitles compares the folded titles of postings a and b of s as
// strings.Compare does, or as compareNonEmptyFirst when nonEmptyFirst,
// from their prefixes when these tell.
func (s Snapshot) compareTitles(a, b int32, nonEmptyFirst bool) int {
	ka, kb := s.orderKeys.at(int(a)), s.orderKeys.at(int(b))
	if ka.titleClass == kb.titleClass {
		return 0
	}
	if c := prefixOrder(ka.title, kb.title, nonEmptyFirst); c != 0 {
		return c
	}
	fa, fb := s.keys.at(int(a)).field(fieldTitle), s.keys.at(int(b)).field(fieldTitle)
	if nonEmptyFirst {
		return compareNonEmptyFirst(fa, fb)
	}
	return strings.Compare(fa, fb)
}

// compareCompanies compares the folded companies of postings a and b of s
// as strings.Compare does, or as compareNonEmptyFirst when nonEmptyFirst.
func (s Snapshot) compareCompanies(a, b int32, nonEmptyFirst bool) int {
	ka, kb := s.orderKeys.at(int(a)), s.orderKeys.at(int(b))
	if ka.companyClass == kb.companyClass {
		return 0
	}
	if c := prefixOrder([2]uint64{ka.company}, [2]uint64{kb.company}, nonEmptyFirst); c != 0 {
		return c
	}
	fa, fb := s.keys.at(int(a)).field(fieldCompany), s.keys.at(int(b)).field(fieldCompany)
	if nonEmptyFirst {
		return compareNonEmptyFirst(fa, fb)
	}
	return strings.Compare(fa, fb)
}
