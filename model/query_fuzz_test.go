package model

import (
	"context"
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzFilter feeds arbitrary queries and posting text through ParseQuery,
// Filter and Highlights: nothing may panic, the scan must agree with
// scoring each field, and highlight indexes must name runes of the text.
func FuzzFilter(f *testing.F) {
	f.Add("senior -junior company:acme", "Senior Engineer", "Acme", "Zürich", "go")
	f.Add("is:s tag:x loc:ich", "\x00\xff", "\u212a", "ſ", "")
	f.Add("-", "", "", "", "")
	f.Add("stage:int is:due -is:c applied:<14d offer:>=2026-11-01 applied:<1", "Engineer", "", "", "")
	f.Add(`(rust OR "go*") -"on-call" salary:>=120k:EUR posted:<7d is:remote type:con`, "Rust", "", "", "")
	f.Add(`a OR OR (b "c`, "", "", "", "")
	f.Fuzz(func(t *testing.T, query, title, company, loc, kw string) {
		p := &Posting{ID: "x", Title: title, Company: company, Location: loc, Keywords: []string{kw}}
		c := NewCollection()
		c.Add(p, &Posting{ID: "y", Title: kw})
		q := ParseQuery(query)
		if q.Err != nil {
			var qe *QueryError
			if !errors.As(q.Err, &qe) || qe.Pos < 0 || qe.Pos > utf8.RuneCountInString(query) {
				t.Fatalf("ParseQuery(%q).Err = %v", query, q.Err)
			}
			return
		}
		q, _ = q.WithTextHits(context.Background(), &fakeText{texts: map[string]string{"x": title + " " + kw, "y": kw}})
		ann := fakeTrackAnn{
			fakeAnn: fakeAnn{short: map[string]bool{"x": true}, tags: map[string][]string{"x": {kw}}},
			track:   trackFixture().track,
		}
		r, err := Filter(context.Background(), c.Snapshot(), q, SortTitle, ann, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.Len() > 2 {
			t.Fatalf("%d rows from 2 postings", r.Len())
		}
		e := newEntry(p)
		for i := range q.Terms {
			tm := &q.Terms[i]
			if tm.Scope.readsState() || !tm.Scope.fuzzy() || tm.Scope == ScopeType {
				continue
			}
			f1, s1, ok1 := tm.scan(&e, p, tm.onlyField())
			f2, s2, ok2 := tm.bestField(p, tm.onlyField())
			if f1 != f2 || s1 != s2 || ok1 != ok2 {
				t.Fatalf("term %q: scan %d %d %v, bestField %d %d %v", tm.Text, f1, s1, ok1, f2, s2, ok2)
			}
		}
		for row := range r.Len() {
			title, meta := r.Highlights(row)
			pp := r.Posting(row)
			if n := utf8.RuneCountInString(pp.Title); len(title) > 0 && title[len(title)-1] >= n {
				t.Fatalf("title highlight %v beyond %d runes", title, n)
			}
			if n := utf8.RuneCountInString(MetaLine(pp)); len(meta) > 0 && meta[len(meta)-1] >= n {
				t.Fatalf("meta highlight %v beyond %d runes", meta, n)
			}
		}
	})
}
