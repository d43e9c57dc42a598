package search

import (
	"context"
	"fmt"
	"maps"
	"testing"
)

func TestSearchKeepsEachShardsScores(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, t.TempDir(), Options{NoCache: true, shardMin: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	n := 600
	items := make([]Item, n)
	for i := range items {
		items[i] = Item{ID: fmt.Sprintf("p%d", i), Stamp: "1"}
	}
	load := func(_ context.Context, i int) (Doc, error) {
		body := "filler words"
		if i%5 < 2 { // 40%: fewer than half, so scored
			body = fmt.Sprintf("alpha %s beta", "alpha "[:i%7])
		}
		title := "Engineer"
		if i%11 == 0 {
			title = "Alpha Engineer"
		}
		return Doc{ID: items[i].ID, Stamp: "1", Title: title, Body: body}, nil
	}
	if _, err := ix.Sync(ctx, items, load, nil); err != nil {
		t.Fatal(err)
	}
	hits, err := ix.Search(ctx, Query{{Words: "alpha"}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{}
	for k, s := range ix.shards {
		ids, scores, err := s.rows(ctx, sqlRanked, `"alpha"`, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) == 0 {
			t.Fatalf("shard %d holds no hit: the test wants both", k)
		}
		named, _, ok := s.keys.hits(ids, scores)
		if !ok {
			t.Fatal("rowids without documents")
		}
		for _, h := range named {
			if shardOf(h.ID) != k {
				t.Errorf("%s is in shard %d, not %d", h.ID, k, shardOf(h.ID))
			}
			want[h.ID] = h.Score
		}
	}
	got := map[string]float64{}
	for _, h := range hits {
		got[h.ID] = h.Score
		if h.Score <= 0 {
			t.Fatalf("hit %+v not scored", h)
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("the search scored %d hits unlike its shards' %d", len(got), len(want))
	}
}

func TestParseHits(t *testing.T) {
	ids, scores, err := parseHits("3 1.5,7 0.25,12 -2e-07", true)
	if err != nil || fmt.Sprint(ids, scores) != "[3 7 12] [1.5 0.25 -2e-07]" {
		t.Errorf("scored list: %v %v %v", ids, scores, err)
	}
	ids, scores, err = parseHits("3,7,12", false)
	if err != nil || fmt.Sprint(ids) != "[3 7 12]" || scores != nil {
		t.Errorf("list: %v %v %v", ids, scores, err)
	}
	if ids, _, err := parseHits("", false); err != nil || len(ids) != 0 {
		t.Errorf("empty list: %v %v", ids, err)
	}
	for _, bad := range []string{"3,x", "3 y", "3,,4"} {
		if _, _, err := parseHits(bad, bad == "3 y"); !isDamage(err) {
			t.Errorf("parseHits(%q) = %v, want damage", bad, err)
		}
	}
}

func TestHasPhrase(t *testing.T) {
	for match, want := range map[string]bool{
		`"visa"`:                           false,
		`"kube" *`:                         false,
		`"visa" AND "relocation"`:          false,
		`"visa sponsorship"`:               true,
		`("rust") NOT ("on-call")`:         true, // on-call is two words
		`"munchen" AND "four day weeks" *`: true,
	} {
		if got := hasPhrase(match); got != want {
			t.Errorf("hasPhrase(%s) = %v", match, got)
		}
	}
}
