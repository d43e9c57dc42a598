package model

import (
	"context"
	"slices"
	"testing"
)

// newIDs is a NewSet of fixed ids.
type newIDs map[string]bool

func (n newIDs) IsNew(id string) bool { return n[id] }

func TestIsNew(t *testing.T) {
	snap := fixture().Snapshot()
	ann := fakeAnn{short: map[string]bool{"a": true, "d": true}}
	fresh := newIDs{"b": true, "d": true}
	for _, tt := range []struct {
		query string
		ann   Annotations
		want  []string
	}{
		{"is:new", WithNew(ann, fresh), []string{"b", "d"}},
		{"is:n", WithNew(nil, fresh), []string{"b", "d"}},
		{"-is:new", WithNew(ann, fresh), []string{"a", "c", "e"}},
		{"is:new is:shortlisted", WithNew(ann, fresh), []string{"d"}},
		{"is:new engineer", WithNew(ann, fresh), nil},
		{"is:new", ann, nil},                   // no NewSet: nothing is new
		{"is:new", nil, nil},                   // no annotations at all
		{"is:newer", WithNew(ann, fresh), nil}, // not an is: word: plain text
	} {
		res, err := Filter(context.Background(), snap, ParseQuery(tt.query), SortNewest, tt.ann, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := ids(res)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestParseIsNew(t *testing.T) {
	q := ParseQuery("is:new -is:ne")
	if len(q.Terms) != 2 || q.Terms[0].Scope != ScopeNew || q.Terms[1].Scope != ScopeNew || !q.Terms[1].Negate || q.Terms[0].Text != "" {
		t.Fatalf("terms %+v", q.Terms)
	}
}
