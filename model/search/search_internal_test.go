package search

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
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
		keys := s.keys.table()
		if _, ok := keys.Unknown(ids); !ok {
			t.Fatal("rowids without documents")
		}
		for _, h := range (found{keys: keys, rows: ids, scores: scores}).hits() {
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

// TestPhraseOfCommonWordsUnscored: a phrase whose words are each in half
// the documents or more is matched without scores; one with a rarer word
// is scored; both find what Match finds.
func TestPhraseOfCommonWordsUnscored(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, t.TempDir(), Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	n := 40
	items := make([]Item, n)
	for i := range items {
		items[i] = Item{ID: fmt.Sprintf("p%d", i), Stamp: "1"}
	}
	load := func(_ context.Context, i int) (Doc, error) {
		body := "four weeks off and a day or two" // every posting: four, day, weeks
		if i%8 == 0 {
			body += ". We work four day weeks"
		}
		if i%16 == 0 {
			body += " in Zorbtown"
		}
		return Doc{ID: items[i].ID, Stamp: "1", Title: "Engineer", Body: body}, nil
	}
	if _, err := ix.Sync(ctx, items, load, nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		terms  Query
		hits   int
		scored bool
	}{
		{Query{{Words: "four day weeks"}}, 5, false},
		{Query{{Words: "Four-Day"}, {Words: "wee", Prefix: true}}, 5, false},
		{Query{{Words: "four day weeks"}, {Words: "zorbtown"}}, 3, true},
		{Query{{Words: "day weeks in zorbtown"}}, 3, true},
		{Query{{Words: "weeks in zorbt", Prefix: true}}, 3, true},
	} {
		hits, err := ix.Search(ctx, tc.terms)
		if err != nil {
			t.Fatal(err)
		}
		matched, err := ix.Match(ctx, tc.terms)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != tc.hits || len(matched) != tc.hits {
			t.Errorf("%v: Search %d hits, Match %d, want %d", tc.terms, len(hits), len(matched), tc.hits)
		}
		for _, h := range hits {
			if (h.Score > 0) != tc.scored {
				t.Errorf("%v: hit %+v, want scored %v", tc.terms, h, tc.scored)
			}
		}
	}
}

func TestQueryWords(t *testing.T) {
	q := Query{{Words: "Four-day weeks"}, {Words: "kube", Prefix: true}, {Words: "on-call", Exclude: true},
		{Words: "staff eng", Prefix: true}, {Words: "weeks"}}
	got := q.words()
	exp := []string{`"Four"`, `"day"`, `"weeks"`, `"kube" *`, `"staff"`, `"eng" *`}
	if !slices.Equal(got, exp) {
		t.Errorf("words() = %q, want %q", got, exp)
	}
}

// TestRankedWordScoresAsMatchThenRank: a ranked query of one word (or
// prefix) is scored, or not, exactly as by matching it first and scoring
// it when it is in fewer than half the documents.
func TestRankedWordScoresAsMatchThenRank(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, t.TempDir(), Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var docs []Doc
	for i := range 40 {
		body := "plain"
		if i%2 == 0 {
			body += " half" // 20 of 40: common
		}
		if i%3 == 0 {
			body += " third thirdly"
		}
		if i == 5 {
			body = "rare " + body
		}
		docs = append(docs, Doc{ID: fmt.Sprintf("d%d", i), Stamp: "1", Title: "Engineer", Body: body})
	}
	if err := ix.Put(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	s := ix.shards[0]
	for _, word := range []string{`"half"`, `"third"`, `"third" *`, `"rare"`, `"engineer"`, `"absent"`} {
		ids, scores, err := s.rows(ctx, sqlMatch, word, false)
		if err != nil {
			t.Fatal(err)
		}
		if 2*len(ids) < len(docs) && len(ids) > 0 {
			ids, scores, err = s.rows(ctx, sqlRanked, word, true)
			if err != nil {
				t.Fatal(err)
			}
		}
		f, err := s.search(ctx, Query{{Words: word[1:strings.LastIndex(word, `"`)], Prefix: strings.HasSuffix(word, "*")}}, true)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(f.rows, ids) || !slices.Equal(f.scores, scores) || (f.scores == nil) != (scores == nil) {
			t.Errorf("%s: rows %v scores %v, want %v %v", word, f.rows, f.scores, ids, scores)
		}
	}
}

// TestBulkCheckpoints checks that a file's Sync writing several batches
// raises the writer's checkpoint threshold while it writes (its progress
// is reported between batches) and sets it back after.
func TestBulkCheckpoints(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, t.TempDir(), Options{BatchSize: 10})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	items := make([]Item, 35)
	for i := range items {
		items[i] = Item{ID: fmt.Sprintf("p%d", i), Stamp: "1"}
	}
	threshold := func() int {
		var n int
		if err := ix.shards[0].w.QueryRowContext(ctx, `PRAGMA wal_autocheckpoint`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	var during []int
	_, err = ix.shards[0].Sync(ctx, items, nil, func(_ context.Context, i int) (Doc, error) {
		return Doc{ID: items[i].ID, Stamp: "1", Body: "words"}, nil
	}, func(p Progress) {
		if p.Done > 0 && p.Done < p.Total {
			during = append(during, threshold())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(during) == 0 || slices.ContainsFunc(during, func(n int) bool { return n != bulkCheckpoint }) {
		t.Errorf("threshold while writing: %v, want %d", during, bulkCheckpoint)
	}
	if got := threshold(); got != 1000 {
		t.Errorf("threshold after the sync: %d, want 1000", got)
	}
}

// TestRankIsBM25 checks that the scores of sqlRanked (FTS5's rank column)
// are those of bm25() with the column weights, hit for hit, for words,
// phrases, prefixes, several terms and an exclusion.
func TestRankIsBM25(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, t.TempDir(), Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	n := 300
	items := make([]Item, n)
	for i := range items {
		items[i] = Item{ID: fmt.Sprintf("p%d", i), Stamp: "1"}
	}
	load := func(_ context.Context, i int) (Doc, error) {
		d := Doc{ID: items[i].ID, Stamp: "1", Title: "Engineer", Company: "Acme", Body: strings.Repeat("filler ", i%9)}
		if i%3 == 0 {
			d.Title = "Rust Engineer"
		}
		if i%4 == 0 {
			d.Body += " we write rust and go in München, four day weeks"
		}
		if i%7 == 0 {
			d.Keywords = []string{"rust", "kubernetes"}
		}
		return d, nil
	}
	if _, err := ix.Sync(ctx, items, load, nil); err != nil {
		t.Fatal(err)
	}
	const bm25SQL = `WITH h AS MATERIALIZED (SELECT rowid AS id, -bm25(fts, ` + weights + `) AS score FROM fts WHERE fts MATCH ?) SELECT group_concat(id || ' ' || score) FROM h`
	s := ix.shards[0]
	for _, m := range []string{`"rust"`, `"four day weeks"`, `"kube" *`, `"rust" AND "munchen"`, `("rust") NOT ("go")`} {
		ids, scores, err := s.rows(ctx, sqlRanked, m, true)
		if err != nil {
			t.Fatal(err)
		}
		wantIDs, wantScores, err := s.rows(ctx, bm25SQL, m, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) == 0 || !slices.Equal(ids, wantIDs) || !slices.Equal(scores, wantScores) {
			t.Errorf("%s: rank gives %v %v, bm25() %v %v", m, ids, scores, wantIDs, wantScores)
		}
	}
}

// TestBulkTuning checks that a Sync of several batches writes with FTS5's
// bulk tuning (no merges, a larger buffer) and sets the schema's back
// after, and that the Sync of a few documents after a bulk build that was
// cut short (its tuning left in the file) sets it back too.
func TestBulkTuning(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, t.TempDir(), Options{BatchSize: 10})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	s := ix.shards[0]
	tuned := func() tuning {
		var got tuning
		for k, v := range map[string]*int{"hashsize": &got.hashsize, "automerge": &got.automerge} {
			if err := s.w.QueryRowContext(ctx, `SELECT v FROM fts_config WHERE k = ?`, k).Scan(v); err != nil {
				t.Fatal(err)
			}
		}
		return got
	}
	if got := tuned(); got != normalTuning {
		t.Fatalf("tuning of a new file: %+v, want %+v", got, normalTuning)
	}
	items := make([]Item, 35)
	for i := range items {
		items[i] = Item{ID: fmt.Sprintf("p%d", i), Stamp: "1"}
	}
	load := func(_ context.Context, i int) (Doc, error) {
		return Doc{ID: items[i].ID, Stamp: items[i].Stamp, Body: fmt.Sprintf("words w%d", i)}, nil
	}
	var during []tuning
	st, err := s.Sync(ctx, items, nil, load, func(p Progress) {
		if p.Done > 0 && p.Done < p.Total {
			during = append(during, tuned())
		}
	})
	if err != nil || st.Indexed != len(items) {
		t.Fatalf("%+v, %v", st, err)
	}
	if len(during) == 0 || slices.ContainsFunc(during, func(t tuning) bool { return t != bulkTuning }) {
		t.Errorf("tuning while writing: %+v, want %+v", during, bulkTuning)
	}
	if got := tuned(); got != normalTuning {
		t.Errorf("tuning after the sync: %+v, want %+v", got, normalTuning)
	}

	s.tune(ctx, bulkTuning) // as a build cut short leaves it
	items[3].Stamp = "2"
	if st, err := s.Sync(ctx, items, nil, load, nil); err != nil || st.Indexed != 1 {
		t.Fatalf("%+v, %v", st, err)
	}
	if got := tuned(); got != normalTuning {
		t.Errorf("tuning after a small sync: %+v, want %+v", got, normalTuning)
	}
	for _, w := range []string{"w3", "w34", "words"} {
		f, err := s.search(ctx, Query{{Words: w}}, false)
		if err != nil {
			t.Fatal(err)
		}
		want := 1
		if w == "words" {
			want = len(items)
		}
		if len(f.rows) != want {
			t.Errorf("%q: %d hits, want %d", w, len(f.rows), want)
		}
	}
}
