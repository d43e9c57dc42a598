package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Scope says what a query term is matched against.
type Scope int

// The scopes of a term.
const (
	// ScopeAny: plain text, fuzzy over title, company, location and each of
	// the posting's keywords (the best of them counts).
	ScopeAny Scope = iota
	// ScopeTitle (`title:x`): fuzzy over the title.
	ScopeTitle
	// ScopeCompany (`company:x`): fuzzy over the company.
	ScopeCompany
	// ScopeLocation (`loc:x` or `location:x`): fuzzy over the location.
	ScopeLocation
	// ScopeTag (`tag:x`): fuzzy over each of the user's own tags
	// (Annotations.Tags), not the posting's keywords.
	ScopeTag
	// ScopeShortlisted (`is:shortlisted`, `is:starred`, or any prefix of
	// those such as `is:s`): the user shortlisted the posting. Its Text is
	// empty.
	ScopeShortlisted
)

// scopePrefixes maps the lower-case prefix before ':' to its scope.
var scopePrefixes = map[string]Scope{
	"title":    ScopeTitle,
	"company":  ScopeCompany,
	"loc":      ScopeLocation,
	"location": ScopeLocation,
	"tag":      ScopeTag,
	"stage":    ScopeStage,
	"is":       ScopeShortlisted, // or another is: scope, see isScope
}

// Term is one space-separated word of a query.
type Term struct {
	Scope  Scope
	Text   string // the pattern, without '-' and scope prefix
	Negate bool   // a leading '-': the term must NOT match

	stages stageMask // ScopeStage, ScopeStageDate: the stages named
	cond   dateCond  // ScopeStageDate: the day condition

	runes  []rune // Text as runes, for scoring
	folded string // Text case-folded, for the prefilter
	ascii  bool   // folded is pure ASCII
	mask   uint64 // byteMask(folded)
	never  bool   // Text holds a NUL, which sahilm/fuzzy never matches
	src    string // Text when prepared; differs if Text was changed since
}

// Query is a parsed filter query. A posting is shown when every term holds;
// its score is the sum of the sahilm/fuzzy scores of its positive terms
// (each term's best field or tag; is: terms score 0).
type Query struct {
	Raw   string // the text as typed
	Terms []Term // in the order typed; empty: everything matches
	// Now is the clock reading is:due and the date terms (applied:<14d)
	// are judged against, in its location; zero means the time Filter
	// starts.
	Now time.Time
	// Within, when non-nil, restricts the query to the postings at these
	// indexes of the snapshot (as [Collection.IndexOf] names them), in any
	// order; indexes outside the snapshot are ignored. It is not part of
	// Raw: the shortlist-only view sets it to the shortlisted postings.
	Within []int32
}

// ParseQuery parses s. Terms are separated by white space and may come in
// any order. A term "scope:text" with a known scope (title, company, loc,
// location, tag, stage, is) is scoped; "is:" takes shortlisted, starred,
// active, closed or due (or a prefix of them); a stage name as the scope
// takes a day condition ("applied:<14d", see ScopeStageDate). A leading
// '-' negates a term. Any other "foo:bar" is plain text. Terms with nothing
// to match yet ("-", "title:", "-tag:", "is:", "applied:<1") are dropped,
// so typing a scope or a '-' does not empty the list for a moment.
// Matching is case-insensitive.
func ParseQuery(s string) Query {
	q := Query{Raw: s}
	for _, w := range strings.Fields(s) {
		if t, ok := parseTerm(w); ok {
			q.Terms = append(q.Terms, t)
		}
	}
	return q
}

// parseTerm parses one word; ok is false when the word matches everything.
func parseTerm(w string) (Term, bool) {
	var t Term
	if len(w) > 1 && w[0] == '-' {
		t.Negate = true
		w = w[1:]
	} else if w == "-" {
		return t, false
	}
	t.Text = w
	if _, _, ok := parseStageDateTerm(w); ok {
		t.Scope = ScopeStageDate
		t.prepare()
		return t, true
	}
	if typingStageDate(w) {
		return t, false
	}
	if i := strings.IndexByte(w, ':'); i > 0 {
		if sc, ok := scopePrefixes[strings.ToLower(w[:i])]; ok {
			val := w[i+1:]
			switch {
			case val == "":
				return t, false
			case sc == ScopeShortlisted:
				if is, ok := isScope(val); ok {
					t.Scope, t.Text = is, ""
				}
				// otherwise: plain text "is:val"
			default:
				t.Scope, t.Text = sc, val
			}
		}
	}
	t.prepare()
	return t, true
}

// prepare fills in t's matching forms of Text.
func (t *Term) prepare() {
	if t.Scope.textless() {
		t.runes, t.folded, t.ascii, t.mask, t.never = nil, "", false, 0, false
		return
	}
	if t.Scope.tracks() {
		t.prepareTrack()
		return
	}
	t.runes = []rune(t.Text)
	t.folded = string(appendFolded(nil, t.Text))
	t.never = strings.IndexByte(t.Text, 0) >= 0
	t.src = t.Text
	t.mask = byteMask(t.folded)
	t.ascii = true
	for i := 0; i < len(t.folded); i++ {
		if t.folded[i] >= utf8.RuneSelf {
			t.ascii = false
		}
	}
}

// prepared returns q ready for matching even when its Terms were built by
// hand rather than by ParseQuery: every term prepared, text terms with an
// empty Text dropped (they would match everything), unknown scopes treated
// as ScopeAny. q itself is not modified.
func (q Query) prepared() Query {
	ok := true
	for _, t := range q.Terms {
		if (t.Scope < ScopeAny || t.Scope > lastScope) && t.Scope != ScopeNew ||
			(!t.Scope.textless() && (t.Text == "" || t.Text != t.src || (t.runes == nil && !t.Scope.tracks()))) {
			ok = false
			break
		}
	}
	if ok {
		return q
	}
	terms := make([]Term, 0, len(q.Terms))
	for _, t := range q.Terms {
		if (t.Scope < ScopeAny || t.Scope > lastScope) && t.Scope != ScopeNew {
			t.Scope = ScopeAny
		}
		if !t.Scope.textless() && t.Text == "" {
			continue
		}
		t.prepare()
		terms = append(terms, t)
	}
	q.Terms = terms
	return q
}

// isPrefixFold reports whether p is a case-insensitive prefix of s.
func isPrefixFold(p, s string) bool {
	return len(p) <= len(s) && strings.EqualFold(p, s[:len(p)]) && utf8.ValidString(p)
}

// usesAnnotations reports whether q has terms that read the user's state.
func (q Query) usesAnnotations() bool {
	for _, t := range q.Terms {
		if t.Scope.readsState() {
			return true
		}
	}
	return false
}

// narrows reports whether every posting matching q also matches old, so
// filtering for q may start from old's result. It is conservative: false
// only costs a full pass. Queries reading annotations never narrow, since
// the user's tags may have changed in between.
func (q Query) narrows(old Query) bool {
	if q.usesAnnotations() || old.usesAnnotations() {
		return false
	}
	for _, ot := range old.Terms {
		implied := false
		for _, nt := range q.Terms {
			if ot.impliedBy(nt) {
				implied = true
				break
			}
		}
		if !implied {
			return false
		}
	}
	return true
}

// impliedBy reports whether every posting satisfying term n satisfies t.
func (t Term) impliedBy(n Term) bool {
	if t.Negate != n.Negate {
		return false
	}
	if !t.Negate {
		// n's pattern contains t's as a subsequence, over a subset of fields.
		scopeOK := n.Scope == t.Scope ||
			(t.Scope == ScopeAny && (n.Scope == ScopeTitle || n.Scope == ScopeCompany || n.Scope == ScopeLocation))
		return scopeOK && isFoldedSubseq(t.folded, n.folded)
	}
	// n excludes at least what t excludes: its pattern is a subsequence of t's.
	return n.Scope == t.Scope && isFoldedSubseq(n.folded, t.folded)
}
