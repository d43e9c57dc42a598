package model

import "math"

// facts are what the salary:, posted: and is:remote terms and the salary
// sort read of a posting, kept apart from its search key so that the
// fuzzy filter, which streams the keys, does not read them too.
type facts struct {
	// day is the posting's day (Day of its date) in days since
	// 1970-01-01, or noDay.
	day int32
	// salLo and salHi are the posting's salary range as yearly amounts
	// (0 when it has none), cur its currency code.
	salLo, salHi float32
	cur          [3]byte
	flags        uint8 // flagRemote
}

// noDay is facts.day for a posting without a date.
const noDay = math.MinInt32

// flagRemote marks in facts.flags a posting that says it is remote.
const flagRemote = 1

// fillFacts sets fs (as long as ps) to the facts of ps.
func fillFacts(fs []facts, ps []*Posting) {
	for k, p := range ps {
		f := &fs[k]
		*f = facts{day: noDay}
		if !p.Date.IsZero() {
			f.day = int32(epochDay(Day(p.Date).Unix()))
		}
		f.salLo, f.salHi, f.cur = salaryKey(p)
		if p.Remote {
			f.flags |= flagRemote
		}
	}
}
