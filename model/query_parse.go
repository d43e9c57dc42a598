package model

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrBadQuery is wrapped by every error of a query that does not parse
// (a [*QueryError]).
var ErrBadQuery = errors.New("bad query")

// QueryError says where a query does not parse: Pos is the offset in
// characters (runes, from 0) into the query as typed.
type QueryError struct {
	Pos int
	Msg string
}

// Error returns "column N: Msg", counting columns from 1.
func (e *QueryError) Error() string { return fmt.Sprintf("column %d: %s", e.Pos+1, e.Msg) }

// Is makes errors.Is(err, [ErrBadQuery]) hold.
func (e *QueryError) Is(target error) bool { return target == ErrBadQuery }

// tokKind is the kind of a query token.
type tokKind int

const (
	tokWord  tokKind = iota // a term: "senior", "title:lead"
	tokQuote                // a quoted term: "visa sponsorship"
	tokOpen                 // '('
	tokClose                // ')'
	tokOr                   // the word OR
)

// token is one token of a query; pos is its byte offset (its '-' included).
type token struct {
	kind tokKind
	pos  int
	text string // tokWord: the word; tokQuote: what stands between the quotes
	neg  bool   // a leading '-'
	open bool   // tokQuote: no closing quote (the query ends inside it)
}

// lex splits s into tokens. White space separates terms; '(' and ')' are
// tokens of their own wherever they stand; a '"' starting a term runs to
// the next '"' (or the end). A '-' alone is dropped.
func lex(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		t := token{pos: i}
		if s[i] == '-' {
			if i+1 >= len(s) || s[i+1] == ')' || isSpaceAt(s, i+1) {
				i++
				continue
			}
			t.neg = true
			i++
		}
		switch s[i] {
		case '(':
			t.kind = tokOpen
			i++
		case ')':
			t.kind = tokClose
			i++
		case '"':
			t.kind = tokQuote
			if j := strings.IndexByte(s[i+1:], '"'); j >= 0 {
				t.text, i = s[i+1:i+1+j], i+2+j
			} else {
				t.text, t.open, i = s[i+1:], true, len(s)
			}
		default:
			j := i
			for j < len(s) && s[j] != '(' && s[j] != ')' && !isSpaceAt(s, j) {
				_, sz := utf8.DecodeRuneInString(s[j:])
				j += sz
			}
			t.text, i = s[i:j], j
			if t.text == "OR" && !t.neg {
				t.kind = tokOr
			}
		}
		toks = append(toks, t)
	}
	return toks
}

// isSpaceAt reports whether the rune at byte i of s is white space.
func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// nodeOp is what a node of a query's expression does.
type nodeOp int

const (
	opTerm nodeOp = iota // Query.Terms[term] holds
	opAnd                // every kid holds
	opOr                 // some kid holds
)

// node is a node of a query's expression tree (see Query.expr).
type node struct {
	op   nodeOp
	neg  bool // the node's outcome is inverted: -( … )
	term int  // opTerm: the index into Query.Terms
	kids []*node
}

// parser reads tokens into a Query's Terms and expression tree.
type parser struct {
	src   string
	toks  []token
	i     int
	terms []Term
}

// errAt returns a *QueryError at byte offset pos of the source.
func (p *parser) errAt(pos int, format string, args ...any) error {
	return &QueryError{Pos: utf8.RuneCountInString(p.src[:pos]), Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) peek() (token, bool) {
	if p.i >= len(p.toks) {
		return token{}, false
	}
	return p.toks[p.i], true
}

// parseOr reads terms joined by OR up to the end or a ')'. It returns nil
// when nothing in it has anything to match yet (every term dropped).
func (p *parser) parseOr() (*node, error) {
	var kids []*node
	for {
		t, ok := p.peek()
		if ok && t.kind == tokOr {
			if p.i == len(p.toks)-1 {
				p.i++ // a last "OR" may be the start of "ORacle"
				break
			}
			return nil, p.errAt(t.pos, "OR needs a term before it")
		}
		n, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		if n != nil {
			kids = appendFlat(kids, n, opOr)
		}
		t, ok = p.peek()
		if !ok || t.kind != tokOr {
			break
		}
		p.i++
		if next, ok := p.peek(); !ok || (next.kind == tokOr && p.i == len(p.toks)-1) {
			p.i = len(p.toks)
			break // "rust OR" while typing the next term, "rust OR OR" typing "ORacle"
		} else if next.kind == tokClose || next.kind == tokOr {
			return nil, p.errAt(next.pos, "OR needs a term after it")
		}
	}
	switch len(kids) {
	case 0:
		return nil, nil
	case 1:
		return kids[0], nil
	}
	return &node{op: opOr, kids: kids}, nil
}

// parseAnd reads terms up to the end, an OR or a ')'; nil when none of
// them has anything to match yet.
func (p *parser) parseAnd() (*node, error) {
	var kids []*node
	for {
		t, ok := p.peek()
		if !ok || t.kind == tokOr || t.kind == tokClose {
			break
		}
		n, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		if n != nil {
			kids = appendFlat(kids, n, opAnd)
		}
	}
	switch len(kids) {
	case 0:
		return nil, nil
	case 1:
		return kids[0], nil
	}
	return &node{op: opAnd, kids: kids}, nil
}

// appendFlat appends n to kids of an op node, splicing in n's own kids when
// n is an op node too and not negated.
func appendFlat(kids []*node, n *node, op nodeOp) []*node {
	if n.op == op && !n.neg {
		return append(kids, n.kids...)
	}
	return append(kids, n)
}

// parseUnary reads one term or one parenthesized group.
func (p *parser) parseUnary() (*node, error) {
	t := p.toks[p.i]
	p.i++
	switch t.kind {
	case tokOpen:
		start := p.i
		n, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		empty := p.i == start
		if c, ok := p.peek(); ok && c.kind == tokClose {
			p.i++
			if empty {
				return nil, p.errAt(t.pos, "nothing between the parentheses")
			}
		} // else the query ends inside the group: it closes there
		if n == nil {
			return nil, nil
		}
		if t.neg {
			n = negate(n, &p.terms)
		}
		return n, nil
	case tokQuote:
		return p.leaf(p.quoted(t))
	}
	return p.leaf(p.word(t))
}

// negate inverts n: a term's Negate flips, a group's node is marked.
func negate(n *node, terms *[]Term) *node {
	if n.op == opTerm {
		(*terms)[n.term].Negate = !(*terms)[n.term].Negate
		return n
	}
	n.neg = !n.neg
	return n
}

// leaf adds a parsed term as a node; ok false (nothing to match yet) adds
// nothing.
func (p *parser) leaf(t Term, ok bool, err error) (*node, error) {
	if err != nil || !ok {
		return nil, err
	}
	p.terms = append(p.terms, t)
	return &node{op: opTerm, term: len(p.terms) - 1}, nil
}

// quoted parses a quoted term. A quote the query ends inside is a term
// still being typed: its last word counts as a prefix, and an empty one
// is dropped.
func (p *parser) quoted(tk token) (Term, bool, error) {
	text := strings.Join(strings.Fields(tk.text), " ")
	if text == "" {
		if tk.open {
			return Term{}, false, nil
		}
		return Term{}, false, p.errAt(tk.pos, "nothing between the quotes")
	}
	if tk.open && !strings.HasSuffix(text, "*") && !isSpaceAt(tk.text, len(tk.text)-1) {
		text += "*"
	}
	if i := strings.IndexByte(text, '*'); i >= 0 && i != len(text)-1 {
		off := strings.IndexByte(tk.text, '*')
		return Term{}, false, p.errAt(tk.pos+boolInt(tk.neg)+1+off, "'*' may only end the last word (a prefix)")
	}
	if text == "*" {
		return Term{}, false, p.errAt(tk.pos, "a prefix needs a letter before '*'")
	}
	return Term{Scope: ScopeText, Text: text, Negate: tk.neg, src: text}, true, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// word parses an unquoted term (see ParseQuery).
func (p *parser) word(tk token) (Term, bool, error) {
	t, ok, msg := parseTerm(tk.text)
	if msg != "" {
		return Term{}, false, p.errAt(tk.pos, "%s", msg)
	}
	t.Negate = tk.neg
	return t, ok, nil
}

// parseQuery parses s into q's Terms and expression, or returns the error.
func parseQuery(s string) ([]Term, *node, error) {
	p := &parser{src: s, toks: lex(s)}
	n, err := p.parseOr()
	if err != nil {
		return nil, nil, err
	}
	if t, ok := p.peek(); ok {
		return nil, nil, p.errAt(t.pos, "')' without a '(' before it")
	}
	if n != nil && n.op == opTerm {
		n = nil // one term: no tree needed
	}
	if n != nil && n.op == opAnd && !n.neg && allTerms(n.kids) {
		n = nil // only terms, all of which must hold
	}
	return p.terms, n, nil
}

// allTerms reports whether every node of ns is a term.
func allTerms(ns []*node) bool {
	for _, n := range ns {
		if n.op != opTerm {
			return false
		}
	}
	return true
}
