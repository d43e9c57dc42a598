package model

import (
	"encoding/binary"
	"math"
	"strings"
	"time"
)

// orderKey is what the date and title sorts read first of a posting: 16
// bytes a posting in one array, apart from the search keys, so that
// sorting or merging a million postings compares them mostly without
// reading a search key, which costs a cache miss or two per comparison.
type orderKey struct {
	// date orders the postings by date as Posting.Date.Compare does, or
	// is undated (see dateKey).
	date int64
	// title is the first 8 bytes of the folded title, big-endian, padded
	// with zeros (see titlePrefix).
	title uint64
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

// titlePrefix is orderKey.title for the folded title s. Two titles whose
// prefixes differ compare as their prefixes do (strings.Compare); equal
// prefixes say nothing. A title holds no NUL byte (else the comparison
// of equal prefixes settles it), so an empty title, and only it, has 0.
func titlePrefix(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}

// newOrderKeys returns the order keys of ps, whose search keys are es.
func newOrderKeys(ps []*Posting, es []entry) []orderKey {
	ks := make([]orderKey, len(ps))
	for k, p := range ps {
		ks[k] = orderKey{date: dateKey(p.Date), title: titlePrefix(es[k].field(fieldTitle))}
	}
	return ks
}

// compareTitles compares the folded titles of postings a and b of s as
// strings.Compare does, or as compareNonEmptyFirst when nonEmptyFirst,
// from their prefixes when these tell.
func (s Snapshot) compareTitles(a, b int32, nonEmptyFirst bool) int {
	ta, tb := s.orderKeys[a].title, s.orderKeys[b].title
	if ta != tb && (!nonEmptyFirst || ta != 0 && tb != 0) {
		if ta < tb {
			return -1
		}
		return 1
	}
	fa, fb := s.keys.at(int(a)).field(fieldTitle), s.keys.at(int(b)).field(fieldTitle)
	if nonEmptyFirst {
		return compareNonEmptyFirst(fa, fb)
	}
	return strings.Compare(fa, fb)
}
