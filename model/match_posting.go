package model

import (
	"strings"
)

// Annotations is the user's state a query can ask about (tag:, is:). The
// state store implements it; a nil Annotations means no tags and nothing
// shortlisted. Filter calls it from several goroutines at once, so an
// implementation must be safe for concurrent reads.
type Annotations interface {
	Shortlisted(id string) bool
	Tags(id string) []string
}

// matchPosting reports whether posting i of s satisfies every term of q, and
// its score: the sum of the best fuzzy score of each positive text term.
func (q *Query) matchPosting(s Snapshot, i int, ann Annotations) (int, bool) {
	key := s.keys[i]
	total := 0
	for ti := range q.Terms {
		t := &q.Terms[ti]
		score, ok := t.match(s.postings[i], key, ann)
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
// search key is key, and the best score among the fields it matches.
func (t *Term) match(p *Posting, key string, ann Annotations) (int, bool) {
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
	case ScopeTitle:
		return t.matchField(key, fieldTitle, p.Title)
	case ScopeCompany:
		return t.matchField(key, fieldCompany, p.Company)
	case ScopeLocation:
		return t.matchField(key, fieldLocation, p.Location)
	}
	_, score, ok := t.bestField(p, key)
	return score, ok
}

// matchField scores t against one field whose folded key part is field f of
// key and whose text is s.
func (t *Term) matchField(key string, f int, s string) (int, bool) {
	if !isFoldedSubseq(t.folded, keyField(key, f)) {
		return 0, false
	}
	return fuzzyScore(t.runes, s, nil)
}

// bestField finds the field of p (fieldTitle, fieldCompany, fieldLocation,
// or fieldKeywords+i for keyword i) where t scores best, earlier fields
// winning ties, and that score; ok is false when no field matches.
func (t *Term) bestField(p *Posting, key string) (field, score int, ok bool) {
	if !isFoldedSubseq(t.folded, key) {
		return -1, 0, false
	}
	field = -1
	for f, rest := 0, key; rest != ""; f++ {
		end := strings.IndexByte(rest, keySep)
		if end < 0 {
			end = len(rest)
		}
		part := rest[:end]
		rest = rest[min(end+1, len(rest)):]
		if !isFoldedSubseq(t.folded, part) {
			continue
		}
		sc, m := fuzzyScore(t.runes, fieldText(p, f), nil)
		if m && (field < 0 || sc > score) {
			field, score = f, sc
		}
	}
	return field, score, field >= 0
}

// fieldText returns the text of field f of p ("" when p has no such field).
func fieldText(p *Posting, f int) string {
	switch f {
	case fieldTitle:
		return p.Title
	case fieldCompany:
		return p.Company
	case fieldLocation:
		return p.Location
	}
	if k := f - fieldKeywords; k >= 0 && k < len(p.Keywords) {
		return p.Keywords[k]
	}
	return ""
}
