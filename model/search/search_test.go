package search_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"github.com/jobdeck/jobdeck/model/search"
)

func mustTerm(t testing.TB, text string, exclude bool) search.Term {
	t.Helper()
	term, err := search.NewTerm(text, exclude)
	if err != nil {
		t.Fatal(err)
	}
	return term
}

// q builds a query from terms written as in the query language: "visa",
// "kube*", "-on-call".
func q(t testing.TB, terms ...string) search.Query {
	var out search.Query
	for _, s := range terms {
		ex := strings.HasPrefix(s, "-")
		out = append(out, mustTerm(t, strings.TrimPrefix(s, "-"), ex))
	}
	return out
}

var fixedNow = func() time.Time { return time.Date(2026, 12, 1, 9, 40, 0, 0, time.UTC) }

func open(t testing.TB, dir string) *search.Index {
	t.Helper()
	ix, err := search.Open(context.Background(), dir, search.Options{Now: fixedNow, BatchSize: 64})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func items(docs []search.Doc) []search.Item {
	out := make([]search.Item, len(docs))
	for i, d := range docs {
		out[i] = search.Item{ID: d.ID, Stamp: d.Stamp}
	}
	return out
}

// syncDocs syncs the index with docs, counting the documents loaded.
func syncDocs(t testing.TB, ix *search.Index, docs []search.Doc) (search.Stats, int) {
	t.Helper()
	var loads atomic.Int64 // the files' loads run at once
	st, err := ix.Sync(context.Background(), items(docs), func(_ context.Context, i int) (search.Doc, error) {
		loads.Add(1)
		return docs[i], nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return st, int(loads.Load())
}

func ids(t testing.TB, ix *search.Index, query search.Query) []string {
	t.Helper()
	hits, err := ix.Search(context.Background(), query)
	if err != nil {
		t.Fatalf("%v: %v", query, err)
	}
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	slices.Sort(out)
	return out
}

// queries are the term lists compared with the brute-force scan.
var queries = [][]string{
	{"visa"}, {"visa sponsorship"}, {"sponsorship"}, {"munchen"}, {"MÜNCHEN"}, {"kube*"}, {"kubernetes native"},
	{"on-call"}, {"no on call"}, {"zorbloq"}, {"qwyxt"}, {"href"}, {"apply here"}, {"euro"}, {"amp"},
	{"rust", "go"}, {"visa", "-sponsorship"}, {"-visa"}, {"cafe"}, {"naive questions"}, {"zurich"},
	{"krakow"}, {"senior"}, {"senior", "remote"}, {"staff eng*"}, {"piano", "-mugs"}, {"visa spons*"},
	{"relocation", "munchen"}, {"k*", "-kubernetes"}, {"reliable software"}, {"quillfeather"}, {"2*"},
	{"sponsor"}, {"visas"}, {"-a*", "-w*"}, {"four day weeks"}, {"we build calm"}, {"and and"}, {"the piano"},
}

func TestSearchMatchesBruteForce(t *testing.T) {
	docs := testDocs(600)
	ix := open(t, t.TempDir())
	syncDocs(t, ix, docs)
	assertMatchesBruteForce(t, ix, docs)
}

// assertMatchesBruteForce checks that ix, which holds docs, finds what the
// brute-force scan finds for every one of queries, by Search and by Match.
func assertMatchesBruteForce(t *testing.T, ix *search.Index, docs []search.Doc) {
	t.Helper()
	refs := make([]refDoc, len(docs))
	for i, d := range docs {
		refs[i] = newRef(d)
	}
	nonEmpty := 0
	for _, terms := range queries {
		query := q(t, terms...)
		want := refSearch(refs, query)
		got := ids(t, ix, query)
		hits, err := ix.Match(context.Background(), query)
		if err != nil {
			t.Fatal(err)
		}
		matched := make([]string, len(hits))
		for i, h := range hits {
			matched[i] = h.ID
		}
		slices.Sort(matched)
		if !slices.Equal(matched, got) {
			t.Errorf("%v: Match found %d, Search %d", query, len(matched), len(got))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%v: index found %d, the scan %d\nindex only: %v\nscan only: %v", query, len(got), len(want),
				minus(got, want), minus(want, got))
		}
		if len(want) > 0 && len(want) < len(docs) {
			nonEmpty++
		}
	}
	if nonEmpty < len(queries)-6 {
		t.Errorf("only %d of %d queries select some but not all documents: the corpus plants too little", nonEmpty, len(queries))
	}
	for _, bad := range []string{"zorbloq", "qwyxt", "href"} {
		if n := len(ids(t, ix, q(t, bad))); n != 0 {
			t.Errorf("%q is only markup but matched %d documents", bad, n)
		}
	}
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); !ok {
			out = append(out, x)
		}
	}
	if len(out) > 5 {
		out = append(out[:5], "…")
	}
	return out
}

func TestScoresRankTitleAboveBody(t *testing.T) {
	docs := []search.Doc{
		{ID: "body", Stamp: "1", Title: "Backend Engineer", Body: "We use rust for some tools and a lot of other words here."},
		{ID: "title", Stamp: "1", Title: "Rust Engineer", Body: "We build tools and a lot of other words here."},
		{ID: "none", Stamp: "1", Title: "Go Engineer", Body: "Nothing to see."},
		{ID: "none2", Stamp: "1", Title: "Go Engineer", Body: "Nothing here either."},
		{ID: "none3", Stamp: "1", Title: "Data Engineer", Body: "Nor here."},
	}
	ix := open(t, t.TempDir())
	syncDocs(t, ix, docs)
	hits, err := ix.Search(context.Background(), q(t, "rust"))
	if err != nil {
		t.Fatal(err)
	}
	score := map[string]float64{}
	for _, h := range hits {
		score[h.ID] = h.Score
	}
	if len(hits) != 2 || !(score["title"] > score["body"]) || score["body"] <= 0 {
		t.Errorf("hits %v: want title above body, both positive", hits)
	}
}

func TestReopenIndexesNothing(t *testing.T) {
	dir := t.TempDir()
	docs := testDocs(300)
	ix := open(t, dir)
	if st, loads := syncDocs(t, ix, docs); st.Indexed != 300 || loads != 300 {
		t.Fatalf("first sync: %+v, %d loads", st, loads)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix = open(t, dir)
	st, loads := syncDocs(t, ix, docs)
	if st != (search.Stats{Unchanged: 300}) || loads != 0 {
		t.Errorf("second sync on the same documents: %+v, %d loads", st, loads)
	}
	if n := len(ids(t, ix, q(t, "visa sponsorship"))); n == 0 {
		t.Error("reopened index finds nothing")
	}
	if notes := ix.Notes(); len(notes) != 0 {
		t.Errorf("notes on a sound index: %v", notes)
	}
}

func TestUpdateAndRemove(t *testing.T) {
	docs := testDocs(60)
	ix := open(t, t.TempDir())
	syncDocs(t, ix, docs)
	old := docs[6]
	docs[6] = search.Doc{ID: old.ID, Stamp: "v2", Title: "Glorp Wrangler", Body: "Now we mention a glorptastic perk."}
	docs = slices.Delete(docs, 10, 11)
	gone := "p10"
	st, loads := syncDocs(t, ix, docs)
	if st.Indexed != 1 || st.Removed != 1 || st.Unchanged != 58 || loads != 1 {
		t.Errorf("sync after one change and one removal: %+v, %d loads", st, loads)
	}
	if got := ids(t, ix, q(t, "glorptastic")); !slices.Equal(got, []string{old.ID}) {
		t.Errorf("new text: %v", got)
	}
	if got := ids(t, ix, q(t, "-glorptastic")); slices.Contains(got, gone) || len(got) != 58 {
		t.Errorf("exclusion after removal: %d hits, removed one among them: %v", len(got), slices.Contains(got, gone))
	}
	if n, _ := ix.Count(context.Background()); n != 59 {
		t.Errorf("count %d, want 59", n)
	}
	// The old text of the changed document is gone.
	for _, terms := range [][]string{{"kubernetes native"}, {words(old.Title)[0]}, {old.Keywords[0]}} {
		if slices.Contains(ids(t, ix, q(t, terms...)), old.ID) {
			t.Errorf("old text %q still finds the changed document", terms)
		}
	}
}

func TestLoadErrorLeavesDocumentOut(t *testing.T) {
	docs := testDocs(20)
	ix := open(t, t.TempDir())
	syncDocs(t, ix, docs)
	docs[3].Stamp = "v2"
	st, err := ix.Sync(context.Background(), items(docs), func(_ context.Context, i int) (search.Doc, error) {
		return search.Doc{}, os.ErrNotExist
	}, nil)
	if err != nil || st.Failed != 1 {
		t.Fatalf("%+v, %v", st, err)
	}
	if got := ids(t, ix, q(t, "-zzzz")); slices.Contains(got, docs[3].ID) {
		t.Error("a document that could not be re-read keeps its stale text")
	}
}

func TestProgressAndCancel(t *testing.T) {
	docs := testDocs(1000)
	ix, err := search.Open(context.Background(), t.TempDir(), search.Options{BatchSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var seen []search.Progress
	_, err = ix.Sync(ctx, items(docs), func(_ context.Context, i int) (search.Doc, error) {
		return docs[i], nil
	}, func(p search.Progress) {
		seen = append(seen, p)
		if p.Done >= 500 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled sync returned %v", err)
	}
	if len(seen) < 2 || seen[0] != (search.Progress{Total: 1000}) || seen[len(seen)-1].Done >= 1000 {
		t.Errorf("progress %v", seen)
	}
	n, _ := ix.Count(context.Background())
	if n == 0 || n >= 1000 {
		t.Errorf("after cancel at half: %d documents indexed", n)
	}
	st, loads := syncDocs(t, ix, docs)
	if st.Indexed+st.Unchanged != 1000 || loads != 1000-n {
		t.Errorf("resumed sync: %+v, %d loads, %d were indexed", st, loads, n)
	}
}

func TestNewTerm(t *testing.T) {
	for _, tc := range []struct {
		in     string
		words  string
		prefix bool
		err    bool
	}{
		{"visa", "visa", false, false},
		{" visa sponsorship ", "visa sponsorship", false, false},
		{"kube*", "kube", true, false},
		{"big da *", "big da", true, false},
		{"", "", false, true},
		{"*", "", false, true},
		{"--", "", false, true},
		{`"`, "", false, true},
		{`a"b`, `a"b`, false, false},
	} {
		term, err := search.NewTerm(tc.in, false)
		if (err != nil) != tc.err || err != nil && !errors.Is(err, search.ErrEmptyTerm) {
			t.Errorf("NewTerm(%q) error %v", tc.in, err)
			continue
		}
		if err == nil && (term.Words != tc.words || term.Prefix != tc.prefix) {
			t.Errorf("NewTerm(%q) = %+v", tc.in, term)
		}
	}
	if s := mustTerm(t, "kube*", true).String(); s != `-"kube*"` {
		t.Errorf("String %s", s)
	}
}

func TestQuotesCannotInjectSyntax(t *testing.T) {
	docs := []search.Doc{{ID: "a", Stamp: "1", Body: "alpha beta"}, {ID: "b", Stamp: "1", Body: "gamma"}}
	ix := open(t, t.TempDir())
	syncDocs(t, ix, docs)
	for _, text := range []string{`alpha" OR "gamma`, `alpha) OR (gamma`, `NEAR(alpha gamma)`, `body:gamma`, `^alpha`} {
		hits, err := ix.Search(context.Background(), search.Query{mustTerm(t, text, false)})
		if err != nil {
			t.Errorf("%s: %v", text, err)
		}
		for _, h := range hits {
			if h.ID == "b" {
				t.Errorf("%s matched gamma's document", text)
			}
		}
	}
	if _, err := ix.Search(context.Background(), nil); !errors.Is(err, search.ErrEmptyQuery) {
		t.Errorf("empty query: %v", err)
	}
}

func TestDirFor(t *testing.T) {
	a := search.DirFor("/c", []string{"/x/jobs", "/y"})
	if b := search.DirFor("/c", []string{"/y", "/x/jobs/", "/y"}); a != b {
		t.Errorf("order or duplicates change the folder: %s vs %s", a, b)
	}
	if c := search.DirFor("/c", []string{"/x/jobs"}); c == a || filepath.Dir(c) != "/c" {
		t.Errorf("DirFor: %s", c)
	}
}

func TestCacheDir(t *testing.T) {
	env := map[string]string{"XDG_CACHE_HOME": "/xdg"}
	user := func() (string, error) { return "/home/u/.cache", nil }
	if d, _ := search.CacheDir(func(k string) string { return env[k] }, user); d != "/xdg/jobdeck" {
		t.Errorf("with XDG_CACHE_HOME: %s", d)
	}
	env["XDG_CACHE_HOME"] = "relative"
	if d, _ := search.CacheDir(func(k string) string { return env[k] }, user); d != "/home/u/.cache/jobdeck" {
		t.Errorf("relative XDG_CACHE_HOME is ignored: %s", d)
	}
	if _, err := search.CacheDir(func(string) string { return "" }, func() (string, error) { return "", fmt.Errorf("no home") }); err == nil {
		t.Error("no cache folder gives no error")
	}
}

func TestCachedResultsFollowWrites(t *testing.T) {
	dir := t.TempDir()
	docs := []search.Doc{{ID: "a", Stamp: "1", Body: "alpha"}, {ID: "b", Stamp: "1", Body: "beta"}}
	ix, other := open(t, dir), open(t, dir)
	syncDocs(t, ix, docs)
	if got := ids(t, ix, q(t, "alpha")); !slices.Equal(got, []string{"a"}) {
		t.Fatalf("first search %v", got)
	}
	hits, _ := ix.Search(context.Background(), q(t, "alpha"))
	hits[0].ID = "changed by the caller"
	if got := ids(t, ix, q(t, "alpha")); !slices.Equal(got, []string{"a"}) {
		t.Fatalf("the cache handed out its own slice: %v", got)
	}
	// Another Index on the same file (as another process) changes it.
	if err := other.Put(context.Background(), search.Doc{ID: "b", Stamp: "2", Body: "alpha too"}); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, q(t, "alpha")); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("after another writer: %v", got)
	}
	if err := other.Remove(context.Background(), "a"); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, q(t, "alpha")); !slices.Equal(got, []string{"b"}) {
		t.Errorf("after a removal by another writer: %v", got)
	}
}

// TestCommonTermsScoreZero: a query matching at least half the documents
// gets Score 0 for every hit, where FTS5's BM25 scores them all under
// 2.2e-6; one matching fewer is scored.
func TestCommonTermsScoreZero(t *testing.T) {
	var docs []search.Doc
	for i := range 10 {
		body := "Nothing special."
		if i < 5 {
			body = "We write rust every day, rust and more rust."
		}
		if i < 4 {
			body += " Some go too."
		}
		docs = append(docs, search.Doc{ID: fmt.Sprintf("d%d", i), Stamp: "1", Title: "Engineer", Body: body})
	}
	dir := t.TempDir()
	ix := open(t, dir)
	syncDocs(t, ix, docs)
	db, err := sql.Open("sqlite", filepath.Join(dir, search.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tc := range []struct {
		term   string
		hits   int
		scored bool
	}{{"rust", 5, false}, {"engineer", 10, false}, {"go", 4, true}} {
		hits, err := ix.Search(context.Background(), q(t, tc.term))
		if err != nil || len(hits) != tc.hits {
			t.Fatalf("%s: %d hits, %v; want %d", tc.term, len(hits), err, tc.hits)
		}
		for _, h := range hits {
			if scored := h.Score > 0; scored != tc.scored {
				t.Errorf("%s: hit %+v, want scored %v", tc.term, h, tc.scored)
			}
		}
		if tc.scored {
			continue
		}
		rows, err := db.Query(`SELECT -bm25(fts, 10.0, 5.0, 3.0, 5.0, 1.0) FROM fts WHERE fts MATCH ?`, `"`+tc.term+`"`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var bm float64
			if err := rows.Scan(&bm); err != nil {
				t.Fatal(err)
			}
			if bm <= 0 || bm >= 2.2e-6 {
				t.Errorf("%s: FTS5 scores a hit %g, want under 2.2e-6", tc.term, bm)
			}
		}
		rows.Close()
	}
}

// borrowed returns d with its body in a buffer of its own and a Done that
// counts its calls and then scribbles over the buffer, as the reuse of a
// read buffer would.
func borrowed(d search.Doc, calls *atomic.Int32) search.Doc {
	buf := []byte(d.Body)
	d.Body = unsafe.String(unsafe.SliceData(buf), len(buf))
	d.Done = func() {
		calls.Add(1)
		for i := range buf {
			buf[i] = 'x'
		}
	}
	return d
}

// TestDoneAfterTheWrite: a document's Done is called once, after its text
// is written: the index finds what the documents said before Done
// scribbled over their bodies.
func TestDoneAfterTheWrite(t *testing.T) {
	docs := testDocs(600)
	ix, err := search.Open(context.Background(), t.TempDir(), search.Options{BatchSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	calls := make([]atomic.Int32, len(docs))
	_, err = ix.Sync(context.Background(), items(docs), func(_ context.Context, i int) (search.Doc, error) {
		return borrowed(docs[i], &calls[i]), nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range calls {
		if n := calls[i].Load(); n != 1 {
			t.Fatalf("document %d: Done called %d times", i, n)
		}
	}
	assertMatchesBruteForce(t, ix, docs)
	var put atomic.Int32
	extra := search.Doc{ID: "extra", Stamp: "1", Body: "glorptastic perks"}
	if err := ix.Put(context.Background(), borrowed(extra, &put)); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, q(t, "glorptastic")); put.Load() != 1 || !slices.Equal(got, []string{"extra"}) {
		t.Errorf("Put: Done called %d times, the index finds %v", put.Load(), got)
	}
}

// TestSyncFuncStampsOnlyTheHeld: SyncFunc asks stamp only of the items the
// index holds whose Stamp is empty, indexes a new item with its Doc's
// stamp, and leaves alone an item whose asked stamp is unchanged.
func TestSyncFuncStampsOnlyTheHeld(t *testing.T) {
	docs := testDocs(30)
	ix := open(t, t.TempDir())
	unstamped := func() []search.Item {
		its := items(docs)
		for i := range its {
			its[i].Stamp = ""
		}
		return its
	}
	var asked atomic.Int32
	stamp := func(i int) string { asked.Add(1); return docs[i].Stamp }
	load := func(_ context.Context, i int) (search.Doc, error) { return docs[i], nil }
	st, err := ix.SyncFunc(context.Background(), unstamped()[:20], stamp, load, nil)
	if err != nil || st.Indexed != 20 || asked.Load() != 0 {
		t.Fatalf("first sync: %+v, %v, stamp asked %d times", st, err, asked.Load())
	}
	docs[3].Stamp = "v2"
	st, err = ix.SyncFunc(context.Background(), unstamped(), stamp, load, nil)
	if err != nil || st.Indexed != 11 || st.Unchanged != 19 || asked.Load() != 20 {
		t.Fatalf("second sync: %+v, %v, stamp asked %d times", st, err, asked.Load())
	}
	stamps, err := ix.Stamps(context.Background())
	if err != nil || stamps[docs[3].ID] != "v2" || stamps[docs[25].ID] != docs[25].Stamp {
		t.Fatalf("stamps kept: %v, %v", stamps[docs[3].ID], err)
	}
}
