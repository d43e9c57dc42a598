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
	if q.expr != nil {
		return q.eval(q.expr, s, i, ann, trk, clk)
	}
	e := s.keys.at(i)
	p := s.postings[i]
	total := 0
	for ti := range q.Terms {
		t := &q.Terms[ti]
		var score int
		var ok bool
		switch {
		case t.Scope.tracks():
			ok = trk != nil && t.matchTrack(trk.Track(p.ID), clk)
		case t.Scope >= ScopeText && t.Scope <= maxScope:
			score, ok = t.matchField(i, s.facts.at(i), p)
		default: // the fuzzy scopes, the hot path
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

// eval reports whether posting i of s satisfies the expression n, and its
// score: the sum over an AND's kids, the best of an OR's kids that hold.
func (q *Query) eval(n *node, s Snapshot, i int, ann Annotations, trk Tracking, clk trackClock) (int, bool) {
	score, ok := 0, false
	switch n.op {
	case opTerm:
		t := &q.Terms[n.term]
		score, ok = t.matchAt(s, i, ann, trk, clk)
		if t.Negate {
			score, ok = 0, !ok
		}
	case opAnd:
		ok = true
		for _, k := range n.kids {
			sc, kok := q.eval(k, s, i, ann, trk, clk)
			if !kok {
				ok = false
				break
			}
			score += sc
		}
	case opOr:
		for _, k := range n.kids {
			if sc, kok := q.eval(k, s, i, ann, trk, clk); kok && (!ok || sc > score) {
				score, ok = sc, true
			}
		}
	}
	if n.neg {
		return 0, !ok
	}
	return score, ok
}

// matchAt reports whether term t (ignoring Negate) holds for posting i of
// s, and its score.
func (t *Term) matchAt(s Snapshot, i int, ann Annotations, trk Tracking, clk trackClock) (int, bool) {
	p := s.postings[i]
	switch {
	case t.Scope.tracks():
		return 0, trk != nil && t.matchTrack(trk.Track(p.ID), clk)
	case t.Scope >= ScopeText && t.Scope <= maxScope:
		return t.matchField(i, s.facts.at(i), p)
	}
	return t.match(p, s.keys.at(i), ann)
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
	case ScopeNew:
		return 0, isNew(ann, p.ID)
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
