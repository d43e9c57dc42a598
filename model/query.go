package model

import (
	"strconv"
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
	"type":     ScopeType,
	"stage":    ScopeStage,
	"is":       ScopeShortlisted, // or another is: scope, see isScope
}

// Term is one space-separated word of a query.
type Term struct {
	Scope  Scope
	Text   string // the pattern, without '-' and scope prefix
	Negate bool   // a leading '-': the term must NOT match

	// Hits (ScopeText) are the postings whose text has Text, by id, each
	// with its relevance, as [Query.WithTextHits] fills them in; nil: not
	// searched yet, which [Filter] refuses — unless rows holds them.
	Hits map[string]float64

	rows TextRows // ScopeText: the hits by row, from a [RowTextSearcher]; nil: see Hits

	stages stageMask  // ScopeStage, ScopeStageDate: the stages named
	cond   dateCond   // ScopeStageDate, ScopePosted: the day condition
	sal    salaryCond // ScopeSalary: the comparison
	days   [2]int32   // ScopePosted: the days allowed, as epoch days, inclusive (set by bind)
	hits   []uint64   // ScopeText: Hits as a bit set over the snapshot (set by bind)
	scores []int32    // ScopeText, ranked: the scaled relevance per posting (set by bind)

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
	// Err is why Raw does not parse (see ParseQuery); nil when it does.
	Err error

	// expr is the query's expression over Terms when it has OR or
	// parentheses that matter; nil means every term must hold.
	expr *node
}

// ParseQuery parses s. Terms are separated by white space and may come in
// any order; all of them must hold (AND is implicit), OR between two terms
// or groups makes either do, and parentheses group: `(rust OR go) -junior`.
// OR binds looser than the implicit AND.
//
// A term "scope:text" with a known scope (title, company, loc, location,
// tag, stage, is, type) is scoped; "is:" takes shortlisted, starred,
// active, closed, due or remote (or a prefix of them); a stage name as the
// scope takes a day condition ("applied:<14d", see ScopeStageDate);
// salary: and posted: take a comparison (see ScopeSalary, ScopePosted).
// A term in double quotes is a full-text term (ScopeText). A leading '-'
// negates a term or a group. Any other "foo:bar" is plain text. Matching is
// case-insensitive.
//
// Terms with nothing to match yet ("-", "title:", "-tag:", "is:",
// "applied:<1", "salary:>=", an empty or unclosed group, a trailing OR) are
// dropped, and a quote or parenthesis the query ends inside closes there
// (the last word of an unclosed quote counts as a prefix), so typing does
// not empty the list for a moment.
//
// A query that does not parse ("OR x", "a OR OR b", "()", "x)",
// "salary:>=lots") has no Terms and its Err says where it went wrong: a
// [*QueryError], which errors.Is [ErrBadQuery]; [Filter] returns it.
func ParseQuery(s string) Query {
	q := Query{Raw: s}
	terms, expr, err := parseQuery(s)
	if err != nil {
		q.Err = err
		return q
	}
	for i := range terms {
		terms[i].prepare()
	}
	q.Terms, q.expr = terms, expr
	return q
}

// parseTerm parses one word without its '-'; ok is false when the word
// matches everything, msg non-empty when it is malformed.
func parseTerm(w string) (t Term, ok bool, msg string) {
	t.Text = w
	if _, _, ok := parseStageDateTerm(w); ok {
		t.Scope = ScopeStageDate
		return t, true, ""
	}
	if typingStageDate(w) {
		return t, false, ""
	}
	i := strings.IndexByte(w, ':')
	if i <= 0 {
		return t, true, ""
	}
	name, val := strings.ToLower(w[:i]), w[i+1:]
	if sc, ok := fieldScopes[name]; ok {
		return parseFieldTerm(sc, val)
	}
	sc, known := scopePrefixes[name]
	switch {
	case !known:
	case val == "":
		return t, false, ""
	case sc == ScopeShortlisted:
		if is, ok := isScope(val); ok {
			t.Scope, t.Text = is, ""
		}
		// otherwise: plain text "is:val"
	default:
		t.Scope, t.Text = sc, val
	}
	return t, true, ""
}

// prepare fills in t's matching forms of Text.
func (t *Term) prepare() {
	t.runes, t.folded, t.ascii, t.mask, t.never = nil, "", false, 0, false
	t.src = t.Text
	switch {
	case t.Scope.textless():
		t.src = ""
		return
	case t.Scope.tracks():
		t.prepareTrack()
		return
	case t.Scope == ScopeText:
		return
	case t.Scope == ScopeSalary:
		c, ok := parseSalaryCond(t.Text)
		t.sal, t.never = c, !ok
		return
	case t.Scope == ScopePosted:
		c, ok := parseDayCond(t.Text)
		t.cond, t.never = c, !ok
		return
	}
	t.runes = []rune(t.Text)
	t.folded = string(appendFolded(nil, t.Text))
	t.never = strings.IndexByte(t.Text, 0) >= 0
	t.mask = byteMask(t.folded)
	t.ascii = true
	for i := 0; i < len(t.folded); i++ {
		if t.folded[i] >= utf8.RuneSelf {
			t.ascii = false
		}
	}
}

// fuzzy reports whether terms of sc are matched fuzzily against text.
func (sc Scope) fuzzy() bool { return sc <= ScopeTag || sc == ScopeType }

// valid reports whether sc is a scope ParseQuery can produce.
func (sc Scope) valid() bool { return sc >= ScopeAny && sc <= ScopeNew }

// prepared returns q ready for matching even when its Terms were built by
// hand rather than by ParseQuery: every term prepared, text terms with an
// empty Text dropped (they would match everything; kept, matching nothing,
// when q has an expression indexing its terms), unknown scopes treated as
// ScopeAny. q itself is not modified.
func (q Query) prepared() Query {
	ok := true
	for _, t := range q.Terms {
		if !t.Scope.valid() || (!t.Scope.textless() && (t.Text == "" || t.Text != t.src || (t.runes == nil && t.Scope.fuzzy()))) {
			ok = false
			break
		}
	}
	if ok {
		return q
	}
	terms := make([]Term, 0, len(q.Terms))
	for _, t := range q.Terms {
		if !t.Scope.valid() {
			t.Scope = ScopeAny
		}
		if !t.Scope.textless() && t.Text == "" && q.expr == nil {
			continue
		}
		t.prepare()
		if !t.Scope.textless() && t.Text == "" {
			t.never = true
		}
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

// volatile reports whether q's rows may change with nothing but time or
// the full-text index changing: it has quoted or posted: terms, or reads
// the user's state. Such queries are neither cached nor narrowed.
func (q Query) volatile() bool {
	for _, t := range q.Terms {
		if t.Scope.readsState() || t.Scope == ScopeText || t.Scope == ScopePosted {
			return true
		}
	}
	return false
}

// narrows reports whether every posting matching q also matches old, so
// filtering for q may start from old's result. It is conservative: false
// only costs a full pass. Volatile queries never narrow (see volatile).
// Each of old's conjuncts (its terms, or the top-level items of its
// expression) must be implied by one of q's: a term by a term, a group by
// the same group.
func (q Query) narrows(old Query) bool {
	if q.volatile() || old.volatile() {
		return false
	}
	newC := q.conjuncts()
	for _, oc := range old.conjuncts() {
		implied := false
		for _, nc := range newC {
			if old.impliesNode(oc, q, nc) {
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

// conjuncts returns the items of q all of which must hold: its terms, or
// the top-level items of its expression.
func (q Query) conjuncts() []*node {
	if q.expr != nil {
		if q.expr.op == opAnd && !q.expr.neg {
			return q.expr.kids
		}
		return []*node{q.expr}
	}
	out := make([]*node, len(q.Terms))
	for i := range q.Terms {
		out[i] = &node{op: opTerm, term: i}
	}
	return out
}

// impliesNode reports whether every posting satisfying n (of q) satisfies
// o (of old): both terms and one implying the other, or the same groups.
func (old Query) impliesNode(o *node, q Query, n *node) bool {
	if o.op == opTerm && n.op == opTerm {
		return old.Terms[o.term].impliedBy(q.Terms[n.term])
	}
	return old.canon(o) == q.canon(n)
}

// canon returns a canonical text of the expression n of q, naming each
// term by its scope, sign and text.
func (q Query) canon(n *node) string {
	var b strings.Builder
	q.writeCanon(&b, n)
	return b.String()
}

func (q Query) writeCanon(b *strings.Builder, n *node) {
	if n.neg {
		b.WriteByte('-')
	}
	switch n.op {
	case opTerm:
		t := &q.Terms[n.term]
		b.WriteString(strconv.Itoa(int(t.Scope)))
		if t.Negate {
			b.WriteByte('-')
		}
		b.WriteByte(':')
		b.WriteString(strconv.Quote(t.Text))
		return
	case opAnd:
		b.WriteString("(AND")
	case opOr:
		b.WriteString("(OR")
	}
	for _, k := range n.kids {
		b.WriteByte(' ')
		q.writeCanon(b, k)
	}
	b.WriteByte(')')
}

// impliedBy reports whether every posting satisfying term n satisfies t.
func (t Term) impliedBy(n Term) bool {
	if t.Negate != n.Negate || !t.Scope.fuzzy() || !n.Scope.fuzzy() {
		return t.Negate == n.Negate && t.Scope == n.Scope && t.Text == n.Text && !t.Scope.fuzzy()
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
