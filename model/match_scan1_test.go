package model

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// firstKeyCorpus is the generated corpus plus postings whose fields are
// short random strings of letters, separators and runes that fold oddly,
// so every bonus and the length bound of scan1 are met at their edges.
func firstKeyCorpus() []*Posting {
	ps := genPostings(3000, 21)
	r := rand.New(rand.NewPCG(21, 22))
	for i := range 1500 {
		p := &Posting{ID: "rand-" + string(rune('a'+i%26)) + randString(r, 3), Title: randString(r, 12), Company: randString(r, 6), Location: randString(r, 4)}
		for range r.IntN(5) {
			p.Keywords = append(p.Keywords, randString(r, 4))
		}
		if i%3 == 0 {
			p.Date = day(1 + i%28)
		}
		ps = append(ps, p)
	}
	// Fields long enough for the scan to skip them, beside short ones.
	long := strings.Repeat("x", 140)
	return append(ps,
		&Posting{ID: "long-1", Title: long + "e", Company: long + "a"},
		&Posting{ID: "long-2", Title: long + " e", Keywords: []string{"be"}},
		&Posting{ID: "long-3", Title: "e" + long, Location: long + "Köln"},
	)
}

// firstKeys are the one-character queries the fast path must answer as the
// slow one does: every letter and digit (either case), separators, and a
// few runes, also scoped to one field.
func firstKeys() []string {
	var qs []string
	for c := byte('a'); c <= 'z'; c++ {
		qs = append(qs, string(c))
	}
	for c := byte('0'); c <= '9'; c++ {
		qs = append(qs, string(c))
	}
	return append(qs, "E", "K", "S", "Z", ".", "/", "_", "\\", "ü", "\u212a", "ſ", "title:e", "company:a", "loc:r", "title:K")
}

// TestScan1EqualsBestField checks the one-character scan against scoring
// every field with fuzzyScore, field and score, for every first key and
// every field restriction, on each posting of the corpus.
func TestScan1EqualsBestField(t *testing.T) {
	ps := firstKeyCorpus()
	c := NewCollection()
	c.Add(ps...)
	s := c.Snapshot()
	fast := 0
	for _, q := range firstKeys() {
		tm := ParseQuery(q).Terms[0]
		for i := range s.Len() {
			e, p := s.keys.at(i), s.At(i)
			for only := -1; only <= fieldLocation; only++ {
				f1, s1, ok1 := tm.scan(e, p, only)
				f2, s2, ok2 := tm.bestField(p, only)
				if f1 != f2 || s1 != s2 || ok1 != ok2 {
					t.Fatalf("%q in %+v (only %d): scan %d %d %v, bestField %d %d %v", q, p, only, f1, s1, ok1, f2, s2, ok2)
				}
				if ok1 && e.ends != nil && len(tm.folded) == 1 && tm.ascii {
					fast++
				}
			}
		}
	}
	if fast < 100000 {
		t.Fatalf("only %d matches took the fast path", fast)
	}
}

// TestFirstKeyEqualsSlowPath checks that Filter's rows for every first key,
// in every sort order, are those of the slow path: every posting scored
// field by field with fuzzyScore, ranked by score, ties in the sort order.
func TestFirstKeyEqualsSlowPath(t *testing.T) {
	c := NewCollection()
	c.Add(firstKeyCorpus()...)
	s := c.Snapshot()
	ctx := context.Background()
	for o := range numSortOrders {
		all, err := Filter(ctx, s, ParseQuery(""), o, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range firstKeys() {
			pq := ParseQuery(q)
			tm := pq.Terms[0]
			type row struct{ i, score int32 }
			var want []row
			for _, i := range all.Rows {
				if _, sc, ok := tm.bestField(s.At(int(i)), tm.onlyField()); ok {
					want = append(want, row{i, int32(sc)})
				}
			}
			slices.SortStableFunc(want, func(a, b row) int { return cmp.Compare(b.score, a.score) })
			got, err := filter(ctx, s, pq, o, nil, nil, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Rows) != len(want) {
				t.Fatalf("%q sorted %v: %d rows, want %d", q, o, len(got.Rows), len(want))
			}
			for k, w := range want {
				if got.Rows[k] != w.i {
					t.Fatalf("%q sorted %v: row %d is posting %d, want %d (score %d)", q, o, k, got.Rows[k], w.i, w.score)
				}
			}
		}
	}
}
