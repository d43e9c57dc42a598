package model

// Annotations is the user's state a query can ask about (tag:, is:). The
// state store implements it; a nil Annotations means no tags and nothing
// shortlisted. Filter calls it from several goroutines at once, so an
// implementation must be safe for concurrent reads.
type Annotations interface {
	Shortlisted(id string) bool
	Tags(id string) []string
}

// matchPosting reports whether posting i of s satisfies every term of q, and
// its score: the sum of the best fuzzy score of each positive term.
// q must be prepared; trk (nil: nothing tracked) and clk answer the
// tracking terms.
func (q *Query) matchPosting(s Snapshot, i int, ann Annotations, trk Tracking, clk trackClock) (int, bool) {
	e := s.keys.at(i)
	p := s.postings[i]
	total := 0
	for ti := range q.Terms {
		t := &q.Terms[ti]
		var score int
		var ok bool
		if t.Scope.tracks() {
			ok = trk != nil && t.matchTrack(trk.Track(p.ID), clk)
		} else {
			score, ok = t.match(p, e, ann)
		}
		if ok == t.Negate {
			return 0, false
		}
		if !t.Negate {
			total += score
		}
	}
	return total, true
}

// match reports whether t's pattern (ignoring Negate) matches p, whose
// search key is e, and the best score among the fields it matches.
func (t *Term) match(p *Posting, e *entry, ann Annotations) (int, bool) {
	if t.never {
		return 0, false
	}
	switch t.Scope {
	case ScopeShortlisted:
		return 0, ann != nil && ann.Shortlisted(p.ID)
	case ScopeTag:
		if ann == nil {
			return 0, false
		}
		best, found := 0, false
		for _, tag := range ann.Tags(p.ID) {
			if sc, ok := fuzzyScore(t.runes, tag, nil); ok && (!found || sc > best) {
				best, found = sc, true
			}
		}
		return best, found
	}
	_, score, ok := t.scan(e, p, t.onlyField())
	return score, ok
}

// onlyField returns the one field a scoped term searches, or -1 for all.
func (t *Term) onlyField() int {
	switch t.Scope {
	case ScopeTitle:
		return fieldTitle
	case ScopeCompany:
		return fieldCompany
	case ScopeLocation:
		return fieldLocation
	}
	return -1
}
