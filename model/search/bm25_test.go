package search

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jobdeck/jobdeck/loader/corpus"
)

// bm25Docs returns n generated postings as documents, a third of them
// with a planted text holding accents, a prefix's words and a title word.
func bm25Docs(n int, stamp string) []Doc {
	planted := []string{
		"Our office is in *München*, near the river; München is lovely.",
		"Kubectl and kubeadm are daily tools on kubernetes.",
		"Visa sponsorship available. Visa support too.",
		"Café culture and naïve questions welcome.",
	}
	ps := corpus.Postings(n, 11)
	docs := make([]Doc, n)
	for i, p := range ps {
		body := p.Body
		if i%3 == 0 {
			body += "\n\n" + strings.Repeat(planted[(i/3)%len(planted)]+" ", 1+i%4) + "\n"
		}
		title := p.Title
		if i%17 == 0 {
			title += " Visa"
		}
		docs[i] = Doc{ID: p.ID, Stamp: stamp, Title: title, Company: p.Company, Location: p.Location,
			Keywords: p.Keywords, Body: body}
	}
	return docs
}

// bm25Queries are queries of one included word or prefix, some with
// excluded terms, over bm25Docs: from a few hits to nearly every document.
var bm25Queries = [][]string{
	{"munchen"}, {"MÜNCHEN"}, {"kube*"}, {"kubernetes"}, {"visa"}, {"Visa"}, {"sponsorship"}, {"cafe"},
	{"naïve"}, {"senior"}, {"staff"}, {"remote"}, {"engineer"}, {"k*"}, {"munchen", "-visa"},
	{"visa", "-sponsorship"}, {"kube*", "-kubectl"}, {"senior", "-remote", "-staff"}, {"visa", "-on call"},
	{"2*"}, {"the"},
}

// TestGoBM25EqualsFTS5 checks that a search scored in Go returns the rows
// and, within rounding, the scores of FTS5's bm25 in every file of a
// sharded index that was written to again (updated and removed
// documents), so that hits rank in the same order.
func TestGoBM25EqualsFTS5(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, t.TempDir(), Options{NoCache: true, BatchSize: 100, shardMin: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := bm25Docs(1500, "1")
	syncAll := func(docs []Doc) {
		t.Helper()
		its := docItems(docs)
		if _, err := ix.Sync(ctx, its, func(_ context.Context, i int) (Doc, error) { return docs[i], nil }, nil); err != nil {
			t.Fatal(err)
		}
	}
	syncAll(docs)
	// Re-index every seventh document with other text and drop every
	// eleventh: FTS5 keeps their old entries until a merge, deleted.
	var next []Doc
	for i, d := range docs {
		switch {
		case i%11 == 5:
			continue
		case i%7 == 3:
			d.Stamp, d.Body, d.Title = "2", "München visa kubeadm "+d.Title, "Staff "+d.Company
		}
		next = append(next, d)
	}
	syncAll(next)
	inGo, scored := 0, 0
	for _, terms := range bm25Queries {
		query := make(Query, len(terms))
		for i, s := range terms {
			w, ex := strings.CutPrefix(s, "-")
			if query[i], err = NewTerm(w, ex); err != nil {
				t.Fatal(err)
			}
		}
		vt, ok := query.soleWord()
		if !ok {
			t.Fatalf("%v: not a query of one word", query)
		}
		in, ex := query.match()
		match := in
		if ex != "" {
			match = "(" + in + ") NOT (" + ex + ")"
		}
		for k, s := range ix.shards {
			n := shardDocs(t, s)
			gotIDs, gotScores, err := s.rankedInGo(ctx, match, query.words()[0], vt, n)
			if errors.Is(err, errStale) {
				t.Errorf("%v shard %d: left to FTS5: %v", query, k, err)
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			inGo++
			wantIDs, wantScores, err := s.rows(ctx, sqlRanked, match, true)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(gotIDs, wantIDs) {
				t.Errorf("%v shard %d: %d rows in Go, FTS5 %d", query, k, len(gotIDs), len(wantIDs))
				continue
			}
			if gotScores == nil {
				if 2*len(wantIDs) < n {
					t.Errorf("%v shard %d: %d hits of %d unscored", query, k, len(wantIDs), n)
				}
				continue
			}
			scored++
			for i := range gotScores {
				if d := math.Abs(gotScores[i] - wantScores[i]); d > 1e-12*math.Max(1, math.Abs(wantScores[i])) {
					t.Errorf("%v shard %d rowid %d: score %v in Go, FTS5 %v", query, k, gotIDs[i], gotScores[i], wantScores[i])
					break
				}
			}
			if got, want := rankOrder(gotIDs, gotScores), rankOrder(wantIDs, wantScores); !slices.Equal(got, want) {
				t.Errorf("%v shard %d: ranked otherwise than FTS5", query, k)
			}
		}
	}
	if scored < len(bm25Queries) {
		t.Errorf("only %d of %d shard searches scored: the corpus plants too little", scored, inGo)
	}
}

// shardDocs returns the shard's number of documents.
func shardDocs(t *testing.T, s *shard) int {
	t.Helper()
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// rankOrder returns the rowids by score, highest first, scores equal to
// eleven digits tied and ordered by rowid (as the sort that follows would).
func rankOrder(ids []int64, scores []float64) []int64 {
	type hit struct {
		id    int64
		score float64
	}
	hs := make([]hit, len(ids))
	for i, id := range ids {
		hs[i].id = id
		hs[i].score, _ = strconv.ParseFloat(strconv.FormatFloat(scores[i], 'e', 11, 64), 64)
	}
	slices.SortFunc(hs, func(a, b hit) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.id, b.id)) })
	out := make([]int64, len(hs))
	for i, h := range hs {
		out[i] = h.id
	}
	return out
}

// TestGoBM25FallsBackToFTS5 checks that a word whose instances do not
// name the hits is left to FTS5: a token folded otherwise than the
// tokenizer folds it.
func TestGoBM25FallsBackToFTS5(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, t.TempDir(), Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := bm25Docs(60, "1")
	if err := ix.Put(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	s := ix.shards[0]
	n := shardDocs(t, s)
	_, _, err = s.rankedInGo(ctx, `"munchen"`, `"munchen"`, vocabTerm{token: "münchen"}, n)
	if !errors.Is(err, errStale) {
		t.Errorf("a token unlike the index's: %v, want errStale", err)
	}
	hits, err := ix.Search(ctx, Query{{Words: "munchen"}})
	if err != nil || len(hits) == 0 {
		t.Fatalf("%d hits, %v", len(hits), err)
	}
}

func TestFoldWord(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"visa", "visa", true}, {"MÜNCHEN", "munchen", true}, {"Zürich", "zurich", true}, {"naïve", "naive", true},
		{"Kraków", "krakow", true}, {"401k", "401k", true}, {"Ñandú", "nandu", true},
		{"straße", "", false}, {"Øre", "", false}, {"on-call", "", false}, {"two words", "", false},
		{"日本", "", false}, {"", "", false}, {"Ǆ", "", false},
	} {
		got, ok := foldWord(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("foldWord(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestTermFreqs(t *testing.T) {
	freq := make([]float64, 20)
	docs, err := termFreqs("3t,3b,7b,7b,12k,19c,19l", freq)
	if err != nil || docs != 4 {
		t.Fatalf("%d docs, %v", docs, err)
	}
	if fmt.Sprint(freq[3], freq[7], freq[12], freq[19]) != "11 2 5 8" {
		t.Errorf("freqs %v", freq)
	}
	for _, bad := range []string{"3x", "t", "3", "3t;4b", "25b", "-1b"} {
		if _, err := termFreqs(bad, make([]float64, 20)); !errors.Is(err, ErrBroken) && !isBadList(err) {
			t.Errorf("%q: %v, want a malformed list", bad, err)
		}
	}
}

func isBadList(err error) bool {
	var d *damage
	return errors.As(err, &d) && d == errBadList
}

func TestVarint(t *testing.T) {
	for _, tc := range []struct {
		b    []byte
		v    uint64
		size int
	}{
		{[]byte{0x05}, 5, 1}, {[]byte{0x81, 0x00}, 128, 2}, {[]byte{0x83, 0xE8, 0x07}, 62471, 3},
		{[]byte{0x81}, 0, 0}, {nil, 0, 0},
	} {
		if v, n := varint(tc.b); v != tc.v || n != tc.size {
			t.Errorf("varint(%x) = %d, %d; want %d, %d", tc.b, v, n, tc.v, tc.size)
		}
	}
}

// TestGoBM25WaitsForTheSync: while a Sync of this process writes, a word
// is scored by FTS5 rather than the sizes be read again for each search;
// the scores are the same, and once the Sync ends they come from Go.
func TestGoBM25WaitsForTheSync(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, t.TempDir(), Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := bm25Docs(300, "1")
	if err := ix.Put(ctx, docs[:200]...); err != nil {
		t.Fatal(err)
	}
	s := ix.shards[0]
	query := Query{{Words: "munchen"}}
	vt, _ := query.soleWord()
	if _, _, err := s.rankedInGo(ctx, `"munchen"`, `"munchen"`, vt, shardDocs(t, s)); err != nil {
		t.Fatal(err)
	}
	s.writing.Add(1)
	if err := ix.Put(ctx, docs[200:]...); err != nil {
		t.Fatal(err)
	}
	_, _, err = s.rankedInGo(ctx, `"munchen"`, `"munchen"`, vt, shardDocs(t, s))
	if !errors.Is(err, errStale) {
		t.Errorf("during a sync, with sizes of an earlier write: %v, want errStale", err)
	}
	during := searchScores(t, ix, query)
	s.writing.Add(-1)
	after := searchScores(t, ix, query)
	if len(during) == 0 || len(during) != len(after) {
		t.Fatalf("%d hits during the sync, %d after", len(during), len(after))
	}
	for id, sc := range after {
		if math.Abs(sc-during[id]) > 1e-12*math.Max(1, sc) {
			t.Errorf("%s: %v in Go, %v by FTS5", id, sc, during[id])
		}
	}
	if !s.stats.holds(mustGen(t, s)) {
		t.Error("the search after the sync did not read the sizes")
	}
}

// searchScores returns the hits of query: ID → score.
func searchScores(t *testing.T, ix *Index, query Query) map[string]float64 {
	t.Helper()
	hits, err := ix.Search(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, h := range hits {
		out[h.ID] = h.Score
	}
	return out
}

// mustGen returns the shard's write generation.
func mustGen(t *testing.T, s *shard) int64 {
	t.Helper()
	var gen int64
	if err := s.r.QueryRow(sqlGen).Scan(&gen); err != nil {
		t.Fatal(err)
	}
	return gen
}

// TestColumnWeightsAreTheSQLs: the weights scored in Go are those FTS5
// is given, column by column.
func TestColumnWeightsAreTheSQLs(t *testing.T) {
	sqlWeights := strings.Split(weights, ",")
	columns := []string{"title", "company", "location", "keywords", "body"}
	if len(sqlWeights) != len(columns) {
		t.Fatalf("%d weights for %d columns", len(sqlWeights), len(columns))
	}
	for i, col := range columns {
		want, err := strconv.ParseFloat(strings.TrimSpace(sqlWeights[i]), 64)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := columnWeight(col[0]); !ok || got != want {
			t.Errorf("%s: %v in Go, %v in SQL", col, got, want)
		}
	}
	if _, ok := columnWeight('x'); ok {
		t.Error("a column that does not exist has a weight")
	}
}
