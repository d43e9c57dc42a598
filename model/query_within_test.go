package model

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestFilterWithin checks a Within restriction keeps exactly the allowed
// rows of the unrestricted result, in its order, ignoring indexes outside
// the snapshot, with and without terms.
func TestFilterWithin(t *testing.T) {
	c := NewCollection()
	c.Add(genPostings(3000, 5)...)
	within := []int32{2999, 7, 100000, -1, 42, 1500, 7}
	for _, raw := range []string{"", "senior", "go -junior"} {
		q := ParseQuery(raw)
		full := mustFilterQ(t, c, q)
		q.Within = within
		got := mustFilterQ(t, c, q)
		var want []int32
		for _, i := range full.Rows {
			if slices.Contains(within, i) {
				want = append(want, i)
			}
		}
		if !slices.Equal(got.Rows, want) || !got.Restricted || full.Restricted {
			t.Errorf("%q within: rows %v, want %v (restricted %v)", raw, got.Rows, want, got.Restricted)
		}
	}
	q := ParseQuery("senior")
	q.Within = []int32{}
	if r := mustFilterQ(t, c, q); r.Len() != 0 {
		t.Errorf("an empty Within showed %d rows", r.Len())
	}
}

// TestFilterWithinNarrows (without the result cache, which would answer
// the repeated queries) types a query key by key with a changing Within
// restriction: every step narrows from the previous (restricted) result
// and equals a fresh restricted filter.
func TestFilterWithinNarrows(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	c := NewCollection()
	c.Add(genPostings(6000, 9)...)
	ctx := context.Background()
	var prev *Result
	const typed = "senior backend"
	for n := 1; n <= len(typed); n++ {
		q := ParseQuery(typed[:n])
		for range 200 {
			q.Within = append(q.Within, int32(r.IntN(c.Len())))
		}
		got, err := filter(ctx, c.Snapshot(), q, SortCompany, nil, prev, false)
		if err != nil {
			t.Fatal(err)
		}
		want, err := filter(ctx, c.Snapshot(), q, SortCompany, nil, nil, false)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Rows, want.Rows) {
			t.Fatalf("%q: %d rows, fresh %d", q.Raw, got.Len(), want.Len())
		}
		if prev != nil && len(prev.q.Terms) > 0 && !got.Narrowed {
			t.Errorf("%q did not narrow from the restricted %q", q.Raw, prev.Query)
		}
		prev = &got
	}
	// The same query without the restriction, narrowed from a restricted
	// result, shows every match again.
	q := ParseQuery(typed)
	got, err := filter(ctx, c.Snapshot(), q, SortCompany, nil, prev, false)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := filter(ctx, c.Snapshot(), q, SortCompany, nil, nil, false)
	if !got.Narrowed || !slices.Equal(got.Rows, want.Rows) {
		t.Errorf("unrestricted after restricted: narrowed %v, %d rows, want %d", got.Narrowed, got.Len(), want.Len())
	}
}
