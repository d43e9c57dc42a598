package search_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/search"
)

// byID hides a Searcher's rows, so that the filter looks its hits up by
// ID.
type byID struct{ s *search.Searcher }

func (b byID) SearchText(ctx context.Context, terms []model.TextTerm, ranked bool) (map[string]float64, error) {
	return b.s.SearchText(ctx, terms, ranked)
}

// rowsOf returns the ids of the rows q shows over snap, in order.
func rowsOf(t *testing.T, snap model.Snapshot, q model.Query, s model.TextSearcher) []string {
	t.Helper()
	q, err := q.WithTextHits(context.Background(), s)
	if err != nil {
		t.Fatalf("%s: %v", q.Raw, err)
	}
	r, err := model.Filter(context.Background(), snap, q, model.SortNewest, nil, nil)
	if err != nil {
		t.Fatalf("%s: %v", q.Raw, err)
	}
	out := make([]string, r.Len())
	for i := range out {
		out[i] = r.Posting(i).ID
	}
	return out
}

// TestRowsShowWhatIDsShow: the filter's rows for a query of quoted terms
// are the same, in the same order, whether the searcher names its hits by
// row or by ID — ranked or not, with many hits or few, over snapshots as
// the collection grows, with a posting in it twice, and after postings
// were indexed that the collection does not hold yet.
func TestRowsShowWhatIDsShow(t *testing.T) {
	docs := testDocs(900)
	ix := open(t, t.TempDir())
	syncDocs(t, ix, docs[:700])
	text := search.NewSearcher(context.Background(), ix)
	text.SetReady()
	c := model.NewCollection()
	var ps []*model.Posting
	for i, d := range docs {
		ps = append(ps, &model.Posting{ID: d.ID, Title: d.Title, Company: d.Company, Location: d.Location,
			Keywords: d.Keywords, Body: d.Body, Date: time.Date(2026, 11, 1+i%20, 0, 0, 0, 0, time.UTC)})
	}
	queries := []string{`"visa"`, `"visa sponsorship"`, `"kube*"`, `"munchen" -"kafka"`, `"senior" "remote"`,
		`"a*"`, `"engineer"`, `"visa" OR "munchen"`, `-"visa"`, `"visa" engineer`, `"munchen" "relocation"`,
		`"zorbloq"`}
	check := func(stage string) {
		t.Helper()
		snap := c.Snapshot()
		for _, raw := range queries {
			query := model.ParseQuery(raw)
			want := rowsOf(t, snap, query, byID{text})
			got := rowsOf(t, snap, query, text)
			if !slices.Equal(got, want) {
				t.Errorf("%s, %s: by row %d rows, by ID %d (first %v vs %v)", stage, raw, len(got), len(want),
					got[:min(5, len(got))], want[:min(5, len(want))])
			}
		}
	}
	c.Add(ps[:300]...)
	check("300 of 700 indexed")
	c.Add(ps[300:800]...)
	c.Add(ps[3]) // a posting twice: both rows show
	check("800 and a duplicate, 700 indexed")
	syncDocs(t, ix, docs)
	check("800, all 900 indexed")
	c.Add(ps[800:]...)
	text.PrepareText(c.Snapshot())
	check("all 900, placed ahead")
	if n := len(rowsOf(t, c.Snapshot(), model.ParseQuery(`"a*"`), text)); n < 450 {
		t.Errorf(`"a*" shows %d of 900 rows: the test wants a query of many hits`, n)
	}
}
