package textindex_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/textindex"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/search"
)

var t0 = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

func folder() fstest.MapFS {
	return fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: Go Developer\ncompany: Acme\nlocation: München\n---\nWe offer **visa sponsorship** and [relocation](https://x.example).\n"), ModTime: t0},
		"b.md": {Data: []byte("---\ntitle: Rust Engineer\ncompany: Initech\n---\nNo on-call rotation.\n"), ModTime: t0},
		"jobs.json": {Data: []byte(`[{"title":"SRE","company":"Globex","url":"https://globex.example/1","description":"Kubernetes operators wanted"},
{"title":"Data Engineer","company":"Globex","url":"https://globex.example/2","description":"Spark and Kafka"}]`), ModTime: t0},
	}
}

func loadAll(t *testing.T, fsys fstest.MapFS) []*model.Posting {
	t.Helper()
	ps, skips, err := loader.Load(context.Background(), []loader.Source{{FS: fsys, Root: ".", Name: "jobs"}}, loader.Options{})
	if err != nil || len(skips) > 0 {
		t.Fatalf("load: %v %v", err, skips)
	}
	return ps
}

func openIndex(t *testing.T, cache string) *textindex.Index {
	t.Helper()
	x, err := textindex.Open(context.Background(), cache, []string{"/home/me/jobs"}, 0, search.Options{BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// titles returns the titles of the postings of ps that the quoted terms
// find, sorted.
func titles(t *testing.T, x *textindex.Index, ps []*model.Posting, terms ...string) []string {
	t.Helper()
	var tt []model.TextTerm
	for _, s := range terms {
		tt = append(tt, model.TextTerm{Text: strings.TrimPrefix(s, "-"), Exclude: strings.HasPrefix(s, "-")})
	}
	hits, err := x.Text().SearchText(context.Background(), tt, false)
	if err != nil {
		t.Fatalf("%v: %v", terms, err)
	}
	var out []string
	for _, p := range ps {
		if _, ok := hits[p.ID]; ok {
			out = append(out, p.Title)
		}
	}
	slices.Sort(out)
	return out
}

func syncAll(t *testing.T, x *textindex.Index, ps []*model.Posting) (search.Stats, [][2]int) {
	t.Helper()
	var prog [][2]int
	st, err := x.Sync(context.Background(), ps, func(done, total int) { prog = append(prog, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	return st, prog
}

func TestBuiltReopenedUpdated(t *testing.T) {
	cache := t.TempDir()
	fsys := folder()
	ps := loadAll(t, fsys)
	x := openIndex(t, cache)
	st, prog := syncAll(t, x, ps)
	if st.Indexed != 4 || prog[0] != [2]int{0, 4} || prog[len(prog)-1] != [2]int{4, 4} {
		t.Fatalf("first sync: %+v, progress %v", st, prog)
	}
	if got := titles(t, x, ps, "visa sponsorship"); !slices.Equal(got, []string{"Go Developer"}) {
		t.Errorf("visa sponsorship: %v", got)
	}
	if got := titles(t, x, ps, "munchen"); !slices.Equal(got, []string{"Go Developer"}) {
		t.Errorf("munchen: %v", got)
	}
	if got := titles(t, x, ps, "kube*"); !slices.Equal(got, []string{"SRE"}) {
		t.Errorf("kube* (a record's body): %v", got)
	}
	if got := titles(t, x, ps, "relocation", "-https"); !slices.Equal(got, []string{"Go Developer"}) {
		t.Errorf("link text is indexed: %v", got)
	}
	x.Close()

	// A second launch on the unchanged folder: searchable before the sync,
	// which indexes nothing.
	x = openIndex(t, cache)
	if got := titles(t, x, ps, "on-call"); !slices.Equal(got, []string{"Rust Engineer"}) {
		t.Errorf("reopened, before the sync: %v", got)
	}
	if st, _ := syncAll(t, x, ps); st.Unchanged != 4 || st.Indexed != 0 {
		t.Fatalf("unchanged folder: %+v", st)
	}

	// b.md is rewritten (a posting without a URL is named by its content:
	// a new ID, the old one removed), a.md deleted, the JSON file touched:
	// its two records are indexed again with it.
	fsys["b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Rust Engineer\ncompany: Initech\n---\nOn-call one week in six; four-day week.\n"), ModTime: t0.Add(time.Hour)}
	delete(fsys, "a.md")
	fsys["jobs.json"].ModTime = t0.Add(time.Minute)
	ps = loadAll(t, fsys)
	if st, _ := syncAll(t, x, ps); st.Indexed != 3 || st.Removed != 2 {
		t.Fatalf("after changes: %+v", st)
	}
	if got := titles(t, x, ps, "four-day week"); !slices.Equal(got, []string{"Rust Engineer"}) {
		t.Errorf("new text: %v", got)
	}
	if got := titles(t, x, ps, "rotation"); got != nil {
		t.Errorf("old text still found: %v", got)
	}
	if got := titles(t, x, ps, "visa"); got != nil {
		t.Errorf("deleted file still found: %v", got)
	}
}

func TestTruncatedIndexIsRebuilt(t *testing.T) {
	cache := t.TempDir()
	ps := loadAll(t, folder())
	x := openIndex(t, cache)
	syncAll(t, x, ps)
	x.Close()
	file := filepath.Join(search.DirFor(cache, []string{"/home/me/jobs"}), search.FileName)
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(file, fi.Size()/3); err != nil {
		t.Fatal(err)
	}
	x = openIndex(t, cache)
	if _, err := x.Text().SearchText(context.Background(), []model.TextTerm{{Text: "visa"}}, false); err == nil {
		// a truncated file holds nothing searchable: not ready, not wrong
		t.Fatal("the rebuilt, empty index answered before its sync")
	}
	notes := x.NewNotes()
	if len(notes) != 1 || !strings.Contains(notes[0], "set aside") {
		t.Fatalf("notes = %q, want one saying the file was set aside", notes)
	}
	if again := x.NewNotes(); again != nil {
		t.Fatalf("notes said twice: %q", again)
	}
	if st, _ := syncAll(t, x, ps); st.Indexed != 4 {
		t.Fatalf("rebuild: %+v", st)
	}
	if got := titles(t, x, ps, "visa"); !slices.Equal(got, []string{"Go Developer"}) {
		t.Errorf("after the rebuild: %v", got)
	}
}

func TestItemsShareTheFileStamp(t *testing.T) {
	ps := loadAll(t, folder())
	items := textindex.Items(ps)
	byTitle := map[string]string{}
	for i, p := range ps {
		byTitle[p.Title] = items[i].Stamp
	}
	if byTitle["SRE"] != byTitle["Data Engineer"] || byTitle["SRE"] == byTitle["Go Developer"] || byTitle["SRE"] == "missing" {
		t.Fatalf("stamps: %v", byTitle)
	}
	mem := []*model.Posting{{ID: "m", Title: "x", Body: "one"}, {ID: "n", Title: "x", Body: "two"}}
	if st := textindex.Items(mem); st[0].Stamp == st[1].Stamp {
		t.Fatalf("in-memory postings of different text share a stamp: %v", st)
	}
}

func TestSyncCancelled(t *testing.T) {
	x := openIndex(t, t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Sync(ctx, loadAll(t, folder()), nil); err == nil {
		t.Fatal("a cancelled sync succeeded")
	}
	if x.Text().Ready() {
		t.Fatal("ready after a cancelled first sync")
	}
}

func TestCloseCancelsTheSync(t *testing.T) {
	x, err := textindex.Open(context.Background(), t.TempDir(), []string{"/r"}, 0, search.Options{BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	ps := loadAll(t, folder())
	started := make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		_, err := x.Sync(context.Background(), ps, func(done, _ int) {
			if done == 0 {
				close(started)
				time.Sleep(50 * time.Millisecond) // Close comes meanwhile
			}
		})
		errc <- err
	}()
	<-started
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-errc:
		if err == nil {
			t.Error("the sync ran to its end past Close")
		}
	default:
		t.Fatal("Close returned before the sync ended")
	}
}

// TestStampsOfAFirstBuildMatchTheStats: a first build takes each file's
// stamp from the read of its body, not from a stat before; a second sync,
// which stats the files, finds every posting unchanged, and one file
// rewritten since is indexed again.
func TestStampsOfAFirstBuildMatchTheStats(t *testing.T) {
	dir := t.TempDir()
	for name, f := range folder() {
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	load := func() []*model.Posting {
		srcs, err := loader.SourcesFromPaths([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		ps, _, err := loader.Load(context.Background(), srcs, loader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return ps
	}
	x := openIndex(t, t.TempDir())
	ps := load()
	if st, _ := syncAll(t, x, ps); st.Indexed != 4 {
		t.Fatalf("first sync: %+v", st)
	}
	// The total of the progress is the number of postings to read again.
	if st, prog := syncAll(t, x, ps); st.Unchanged != 4 || prog[len(prog)-1][1] != 0 {
		t.Fatalf("second sync of the unchanged folder: %+v, progress %v", st, prog)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "b.md"), later, later); err != nil {
		t.Fatal(err)
	}
	if st, prog := syncAll(t, x, load()); st.Unchanged != 3 || st.Indexed != 1 || prog[len(prog)-1][1] != 1 {
		t.Fatalf("after b.md was touched: %+v, progress %v", st, prog)
	}
}
