package model

import (
	"context"
	"errors"
)

// ScopeText (`"visa sponsorship"`, `"kube*"`): a quoted term, matched as
// words over the posting's whole text (title, company, location, keywords
// and body) by a [TextSearcher], not fuzzily. Its Text is what stands
// between the quotes.
const ScopeText Scope = lastScope + 1

// TextTerm is a quoted term of a query as a [TextSearcher] takes it: one
// word, or several (a phrase), the last ending in '*' for a prefix; Exclude
// for a term written -"…".
type TextTerm struct {
	Text    string
	Exclude bool
}

// TextSearcher finds postings by what their whole text says: the full-text
// index.
type TextSearcher interface {
	// SearchText returns the ids of the postings that have every term
	// not excluded and none of the excluded ones, each with its relevance
	// (higher is better; only meaningful when ranked is true, which may
	// cost more). It returns an error wrapping [ErrIndexNotReady] while
	// the index is being built.
	SearchText(ctx context.Context, terms []TextTerm, ranked bool) (map[string]float64, error)
}

// ErrIndexNotReady is wrapped by a [TextSearcher] that cannot answer yet.
var ErrIndexNotReady = errors.New("the full-text index is not ready yet")

// TextTerms returns the quoted terms of q, in order.
func (q Query) TextTerms() []TextTerm {
	var out []TextTerm
	for _, t := range q.Terms {
		if t.Scope == ScopeText {
			out = append(out, TextTerm{Text: t.Text, Exclude: t.Negate})
		}
	}
	return out
}
