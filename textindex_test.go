package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/search"
)

// quoted is a query of quoted terms, as the parser makes them.
func quoted(texts ...string) model.Query {
	var q model.Query
	for _, s := range texts {
		q.Terms = append(q.Terms, model.Term{Scope: model.ScopeText, Text: s})
	}
	return q
}

func TestListTextIndexSyncsThenSearches(t *testing.T) {
	isolate(t)
	dir, ps := loadPostings(t, map[string]string{
		"a.md": "---\ntitle: Go Developer\n---\nWe offer visa sponsorship.\n",
		"b.md": "---\ntitle: Rust Engineer\n---\nRelocation package.\n",
	})
	ctx := context.Background()
	var stderr bytes.Buffer
	if x, text, err := listTextIndex(ctx, common{}, []string{dir}, model.Query{}, ps, &stderr); x != nil || text != nil || err != nil {
		t.Fatal("an index opened for a query with no quoted term")
	}
	q := quoted("visa sponsorship")
	x, text, err := listTextIndex(ctx, common{}, []string{dir}, q, ps, &stderr)
	if err != nil || x == nil {
		t.Fatalf("open: %v (%s)", err, stderr.String())
	}
	defer closeTextIndex(x, &stderr)
	got, err := filterByText(ctx, ps, q, text)
	if err != nil || len(got) != 1 || got[0].Title != "Go Developer" {
		t.Fatalf("visa sponsorship: %v, %v", got, err)
	}
	if _, err := os.Stat(filepath.Join(cacheDir(), filepath.Base(search.DirFor(cacheDir(), []string{dir})), search.FileName)); err != nil {
		t.Errorf("no index in the cache folder: %v", err)
	}
}

// loadPostings writes files (name to text) into a new folder and returns
// it with the postings the loader reads from it.
func loadPostings(t *testing.T, files map[string]string) (string, []*model.Posting) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	srcs, _ := loader.SourcesFromPaths([]string{dir})
	ps, _, err := loader.Load(context.Background(), srcs, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return dir, ps
}

func TestNoCacheTurnsFullTextOff(t *testing.T) {
	isolate(t)
	var stderr bytes.Buffer
	q := quoted("visa")
	x, text, err := listTextIndex(context.Background(), common{noCache: true}, nil, q, nil, &stderr)
	if x != nil || err != nil {
		t.Fatalf("--no-cache opened an index: %v", err)
	}
	_, err = filterByText(context.Background(), []*model.Posting{{ID: "a"}}, q, text)
	if !errors.Is(err, search.ErrTextOff) || !bytes.Contains([]byte(err.Error()), []byte("--no-cache")) {
		t.Fatalf("err = %v, want full-text search off (--no-cache)", err)
	}
	entries, _ := os.ReadDir(cacheDir())
	if len(entries) != 0 {
		t.Errorf("--no-cache wrote to the cache folder: %v", entries)
	}
}

// filterByText runs q over ps as jobdeck list does, with text answering
// its quoted terms.
func filterByText(ctx context.Context, ps []*model.Posting, q model.Query, text model.TextSearcher) ([]*model.Posting, error) {
	q, err := q.WithTextHits(ctx, text)
	if err != nil {
		return nil, err
	}
	coll := model.NewCollection()
	coll.Add(ps...)
	res, err := model.Filter(ctx, coll.Snapshot(), q, model.SortNewest, nil, nil)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Posting, res.Len())
	for i := range out {
		out[i] = res.Posting(i)
	}
	return out, nil
}

func TestIndexMemoryLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	if got := indexMemoryLimit(130 << 20); got != 130<<20+indexHeadroom {
		t.Errorf("a 130 MB heap (100k postings): limit %d, want %d", got, 130<<20+indexHeadroom)
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1200 << 20))
	if got := indexMemoryLimit(900 << 20); got != 1200<<20 {
		t.Errorf("a 900 MB heap (a big folder): limit %d, want the governor's %d", got, 1200<<20)
	}
}

func TestSyncMemoryTightensOnlyForWork(t *testing.T) {
	tightened, restored := 0, 0
	newMemory := func() *syncMemory {
		return &syncMemory{tighten: func() func() {
			tightened++
			return func() { restored++ }
		}}
	}
	var heard [][2]int
	m := newMemory()
	progress := m.watch(func(done, total int) { heard = append(heard, [2]int{done, total}) })
	progress(0, 0) // every document indexed already
	m.restore()
	if tightened != 0 || restored != 0 || len(heard) != 1 {
		t.Fatalf("a sync with nothing to index: tightened %d, restored %d, heard %v", tightened, restored, heard)
	}
	m = newMemory()
	progress = m.watch(nil)
	for done := range 4 {
		progress(done, 3)
	}
	m.restore()
	if tightened != 1 || restored != 1 {
		t.Errorf("a sync of 3 documents: tightened %d times, restored %d, want once each", tightened, restored)
	}
}
