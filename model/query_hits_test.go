package model

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// fakeText is a TextSearcher over a few texts by id: a term matches a text
// holding its words in a row (the last one as a prefix when it ends in
// '*'); the relevance is how often it does.
type fakeText struct {
	texts    map[string]string
	notReady bool
	calls    [][]TextTerm
}

func (f *fakeText) SearchText(_ context.Context, terms []TextTerm, ranked bool) (map[string]float64, error) {
	f.calls = append(f.calls, terms)
	if f.notReady {
		return nil, fmt.Errorf("fake: %w", ErrIndexNotReady)
	}
	out := map[string]float64{}
	for id, text := range f.texts {
		words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return r == ' ' || r == ',' || r == '.' })
		ok, rel := true, 0.0
		for _, tt := range terms {
			n := countPhrase(words, strings.Fields(strings.ToLower(tt.Text)))
			if (n > 0) == tt.Exclude {
				ok = false
			}
			rel += float64(n)
		}
		if ok {
			out[id] = rel
		}
	}
	return out, nil
}

func countPhrase(words, phrase []string) int {
	n := 0
	for i := 0; i+len(phrase) <= len(words); i++ {
		match := true
		for k, p := range phrase {
			w := words[i+k]
			if pre, ok := strings.CutSuffix(p, "*"); ok && k == len(phrase)-1 {
				match = match && strings.HasPrefix(w, pre)
			} else {
				match = match && w == p
			}
		}
		if match {
			n++
		}
	}
	return n
}

func textPostings() (*Collection, *fakeText) {
	c := NewCollection()
	c.Add(
		&Posting{ID: "a", Title: "Rust engineer", Date: mustDay("2026-11-05")},
		&Posting{ID: "b", Title: "Go developer", Date: mustDay("2026-11-04")},
		&Posting{ID: "c", Title: "Rust lead", Date: mustDay("2026-11-03")},
		&Posting{ID: "d", Title: "Data engineer", Date: mustDay("2026-11-02")},
	)
	return c, &fakeText{texts: map[string]string{
		"a": "we offer visa sponsorship and kubernetes",
		"b": "visa sponsorship visa sponsorship, on-call rotation",
		"c": "no visa. kubectl daily. on-call",
		"d": "relocation package",
	}}
}

func mustDay(s string) time.Time { d, _ := time.Parse(dayLayout, s); return d }

func TestFilterTextTerms(t *testing.T) {
	c, ft := textPostings()
	tests := []struct {
		q    string
		want []string // in order when ranked, else sorted
	}{
		{`"visa sponsorship"`, []string{"b", "a"}}, // b says it twice
		{`"visa"`, []string{"b", "a", "c"}},
		{`"kube*"`, []string{"a", "c"}},      // equal relevance: newest first
		{`"visa" -"on-call"`, []string{"a"}}, // ranked by the one positive term
		{`-"visa"`, []string{"d"}},           // only an exclusion: not ranked, newest first
		{`rust "kube*"`, []string{"a", "c"}}, // mixed: fuzzy score, then newest
		{`("relocation" OR rust) -"on-call"`, []string{"a", "d"}},
		{`"relocation" OR "sponsorship"`, []string{"b", "a", "d"}},
	}
	for _, tt := range tests {
		q, err := ParseQuery(tt.q).WithTextHits(context.Background(), ft)
		if err != nil {
			t.Fatalf("%q: %v", tt.q, err)
		}
		got := idsOf(t, c, q, SortNewest)
		want := tt.want
		if !q.RanksByText() {
			got, want = sorted(got), sorted(want)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q = %v, want %v", tt.q, got, want)
		}
	}
}

func sorted(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

func TestWithTextHitsSearchesEachTerm(t *testing.T) {
	_, ft := textPostings()
	if _, err := ParseQuery(`"a" OR -"b c" rust`).WithTextHits(context.Background(), ft); err != nil {
		t.Fatal(err)
	}
	want := [][]TextTerm{{{Text: "a"}}, {{Text: "b c"}}}
	if len(ft.calls) != 2 || ft.calls[0][0] != want[0][0] || ft.calls[1][0] != want[1][0] {
		t.Errorf("calls = %v, want %v", ft.calls, want)
	}
}

func TestRankedConjunctionSearchesOnce(t *testing.T) {
	c, ft := textPostings()
	tests := []struct {
		q    string
		want []string
	}{
		{`"visa" "on-call"`, []string{"b", "c"}}, // b: 2+1, c: 1+1
		{`"visa" "sponsorship" -"kube*"`, []string{"b"}},
		{`"sponsorship" "visa"`, []string{"b", "a"}},
	}
	for _, tt := range tests {
		ft.calls = nil
		q := ParseQuery(tt.q)
		q, err := q.WithTextHits(context.Background(), ft)
		if err != nil {
			t.Fatalf("%q: %v", tt.q, err)
		}
		if want := ParseQuery(tt.q).TextTerms(); len(ft.calls) != 1 || !slices.Equal(ft.calls[0], want) {
			t.Errorf("%q: calls %v, want one with %v", tt.q, ft.calls, want)
		}
		if got := idsOf(t, c, q, SortNewest); !slices.Equal(got, tt.want) {
			t.Errorf("%q = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestTextTermErrors(t *testing.T) {
	c, ft := textPostings()
	ctx := context.Background()
	q := ParseQuery(`"visa"`)
	if _, err := q.WithTextHits(ctx, nil); !errors.Is(err, ErrTextSearchOff) {
		t.Errorf("no searcher: %v, want ErrTextSearchOff", err)
	}
	if _, err := Filter(ctx, c.Snapshot(), q, SortNewest, nil, nil); !errors.Is(err, ErrTextSearchOff) {
		t.Errorf("Filter of an unsearched text term: %v, want ErrTextSearchOff", err)
	}
	ft.notReady = true
	if _, err := q.WithTextHits(ctx, ft); !errors.Is(err, ErrIndexNotReady) {
		t.Errorf("not ready: %v, want ErrIndexNotReady", err)
	}
	plain := ParseQuery("rust")
	if got, err := plain.WithTextHits(ctx, nil); err != nil || len(got.Terms) != 1 {
		t.Errorf("a query without quoted terms: %v, %v", got, err)
	}
}

// TestEachHitIndexGrows checks the id index behind few hits: it finds
// postings added after it was built, and a snapshot older than it sees
// none of the later ones.
func TestEachHitIndexGrows(t *testing.T) {
	c := NewCollection()
	c.Add(genPostings(100, 3)...)
	old := c.Snapshot()
	hits := map[string]float64{old.At(7).ID: 1, "no such id": 2}
	var got []int
	old.eachHit(hits, func(i int, _ float64) { got = append(got, i) })
	if !slices.Equal(got, []int{7}) {
		t.Errorf("hits in the first snapshot at %v, want [7]", got)
	}
	more := genPostings(200, 4)[100:]
	c.Add(more...)
	hits[more[50].ID] = 3
	got = nil
	c.Snapshot().eachHit(hits, func(i int, _ float64) { got = append(got, i) })
	slices.Sort(got)
	if !slices.Equal(got, []int{7, 150}) {
		t.Errorf("hits after the collection grew at %v, want [7 150]", got)
	}
	got = nil
	old.eachHit(hits, func(i int, _ float64) { got = append(got, i) })
	if !slices.Equal(got, []int{7}) {
		t.Errorf("the older snapshot sees %v, want [7]", got)
	}
}
