package search

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// A Term is one quoted term of a query: a word or a phrase (Words holds
// one or more words, matched in order and next to each other within one
// field), optionally ending in a prefix, optionally excluded.
type Term struct {
	Words   string // as typed, without the quotes and the trailing '*'
	Prefix  bool   // the last word is a prefix: "kube*"
	Exclude bool   // documents matching the term are left out: -"on-call"
}

// A Query is the AND of its terms. It needs at least one term; a query of
// only excluded terms matches every document that matches none of them.
type Query []Term

// ErrEmptyTerm is returned by [NewTerm] for a term without a letter or
// digit, such as "" or "*" or "--".
var ErrEmptyTerm = errors.New("search: a quoted term needs a letter or digit")

// ErrEmptyQuery is returned by [Index.Search] for a query without terms.
var ErrEmptyQuery = errors.New("search: empty query")

// NewTerm returns the term for the text typed between quotes: a trailing
// '*' makes it a prefix term ("kube*"). It returns an error wrapping
// [ErrEmptyTerm] when the text holds no word.
func NewTerm(text string, exclude bool) (Term, error) {
	t := Term{Words: strings.TrimSpace(text), Exclude: exclude}
	if w, ok := strings.CutSuffix(t.Words, "*"); ok {
		t.Words, t.Prefix = strings.TrimRight(w, " "), true
	}
	if !hasWord(t.Words) {
		return Term{}, fmt.Errorf("%q: %w", text, ErrEmptyTerm)
	}
	return t, nil
}

// String returns the term as typed: -"kube*".
func (t Term) String() string {
	s := `"` + t.Words
	if t.Prefix {
		s += "*"
	}
	s += `"`
	if t.Exclude {
		s = "-" + s
	}
	return s
}

// hasWord reports whether s holds a letter or digit, which the tokenizer
// makes a word of.
func hasWord(s string) bool {
	return strings.IndexFunc(s, isWordRune) >= 0
}

// isWordRune reports whether r is part of a word for the unicode61
// tokenizer: letters, numbers and private-use characters.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}

// expr returns the FTS5 MATCH expression of a term: its words as one FTS5
// string (which the table's tokenizer splits into a phrase), then " *" for
// a prefix. Quotes inside are doubled, so no term can inject FTS5 syntax.
func (t Term) expr() string {
	s := `"` + strings.ReplaceAll(t.Words, `"`, `""`) + `"`
	if t.Prefix {
		s += " *"
	}
	return s
}

// match returns the FTS5 expression of the included terms (AND) and that
// of the excluded ones (OR); either may be empty.
func (q Query) match() (include, exclude string) {
	var in, ex []string
	for _, t := range q {
		if t.Exclude {
			ex = append(ex, t.expr())
		} else {
			in = append(in, t.expr())
		}
	}
	return strings.Join(in, " AND "), strings.Join(ex, " OR ")
}

// words returns the words of the included terms of q, each as an FTS5
// string ("visa"; the last word of a prefix term with its " *"), once
// each.
func (q Query) words() []string {
	var out []string
	for _, t := range q {
		if t.Exclude {
			continue
		}
		ws := strings.FieldsFunc(t.Words, func(r rune) bool { return !isWordRune(r) })
		for i, w := range ws {
			e := `"` + w + `"`
			if t.Prefix && i == len(ws)-1 {
				e += " *"
			}
			if !slices.Contains(out, e) {
				out = append(out, e)
			}
		}
	}
	return out
}
