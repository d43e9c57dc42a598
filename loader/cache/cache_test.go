package cache_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/cache"
	"github.com/jobdeck/jobdeck/loader/corpus"
	"github.com/jobdeck/jobdeck/model"
)

// later is the tests' clock: a minute ahead, so that files the test has
// just written are old enough to be stored.
func later() time.Time { return time.Now().Add(time.Minute) }

// counting is a loader.Cache that counts hits (of files' postings), the
// folders' entries taken from it (listings), and stores.
type counting struct {
	*cache.Cache
	hits, listings, stores atomic.Int64
}

func (c *counting) Lookup(k loader.FileKey) (loader.CacheEntry, bool) {
	e, ok := c.Cache.Lookup(k)
	switch {
	case ok && strings.HasSuffix(k.Path, "/"):
		c.listings.Add(1)
	case ok:
		c.hits.Add(1)
	}
	return e, ok
}

func (c *counting) Store(k loader.FileKey, ps []*model.Posting, aux []byte) {
	c.stores.Add(1)
	c.Cache.Store(k, ps, aux)
}

// load is one launch: Load of paths with a fresh cache in dir ("" for
// none). It returns the postings, skips, hits and the cache's problem.
func load(t *testing.T, dir string, paths ...string) (ps []*model.Posting, skips []loader.Skip, hits int64, problem string) {
	t.Helper()
	srcs, err := loader.SourcesFromPaths(paths)
	if err != nil {
		t.Fatal(err)
	}
	opts := loader.Options{}
	var c *counting
	if dir != "" {
		c = &counting{Cache: cache.Open(dir, loader.CacheStamp(opts), later)}
		opts.Cache = c
	}
	ps, skips, err = loader.Load(context.Background(), srcs, opts)
	if err != nil {
		t.Fatal(err)
	}
	if c != nil {
		problem = c.Close()
		hits = c.hits.Load()
	}
	return ps, skips, hits, problem
}

// listings is a launch like load's that returns how many folders' entries
// it took from the cache; it stores nothing it read.
func listings(t *testing.T, dir string, paths ...string) int64 {
	t.Helper()
	srcs, err := loader.SourcesFromPaths(paths)
	if err != nil {
		t.Fatal(err)
	}
	c := &counting{Cache: cache.Open(dir, loader.CacheStamp(loader.Options{}), later)}
	if _, _, err := loader.Load(context.Background(), srcs, loader.Options{Cache: readOnly{c}}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	return c.listings.Load()
}

// readOnly is a loader.Cache that stores nothing and writes nothing.
type readOnly struct{ *counting }

func (readOnly) Store(loader.FileKey, []*model.Posting, []byte) {}
func (readOnly) LoadDone()                                      {}

// sameLoad fails unless got equals want in every field of every posting
// and every skip.
func sameLoad(t *testing.T, what string, got, want []*model.Posting, gotSkips, wantSkips []loader.Skip) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d postings, want %d", what, len(got), len(want))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%s: posting %d differs:\n got %+v\nwant %+v", what, i, *got[i], *want[i])
		}
	}
	if !reflect.DeepEqual(gotSkips, wantSkips) {
		t.Fatalf("%s: skips %v, want %v", what, gotSkips, wantSkips)
	}
}

// coldWarm checks that a launch that fills the cache and one that reads
// it both load exactly what a load without cache does, and that the
// second takes at least wantHits postings from the cache.
func coldWarm(t *testing.T, src string, wantHits int64) {
	dir := t.TempDir()
	want, wantSkips, _, _ := load(t, "", src)
	if len(want) == 0 {
		t.Fatal("nothing loaded")
	}
	first, firstSkips, hits, problem := load(t, dir, src)
	if hits != 0 || problem != "" {
		t.Fatalf("first launch: %d hits, problem %q; want 0 and none", hits, problem)
	}
	sameLoad(t, "first launch", first, want, firstSkips, wantSkips)
	warm, warmSkips, hits, problem := load(t, dir, src)
	if hits < wantHits || problem != "" {
		t.Fatalf("warm launch: %d hits, problem %q; want %d and none", hits, problem, wantHits)
	}
	sameLoad(t, "warm launch", warm, want, warmSkips, wantSkips)
}

func TestWarmEqualsColdFixtures(t *testing.T) {
	// Every file that parses is a hit: the fixtures' postings (with their
	// duplicates, merged the same way) and no file read again.
	want, _, _, _ := load(t, "", "../../testdata/loader/messy")
	files := 0
	for _, p := range want {
		files += len(p.AllPaths())
	}
	coldWarm(t, "../../testdata/loader/messy", int64(files))
}

func TestWarmEqualsColdCorpus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := corpus.Write(dir, 600, 7); err != nil {
		t.Fatal(err)
	}
	coldWarm(t, dir, 600)
}

func TestWarmSingleFileSource(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "one.md")
	write(t, f, "---\ntitle: Only One\ncompany: Solo\n---\nBody.\n")
	coldWarm(t, f, 1)
}

// write writes a posting file.
func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func posting(title string) string {
	return "---\ntitle: " + title + "\ncompany: Acme\n---\nAbout " + title + ".\n"
}

func titles(ps []*model.Posting) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Path[strings.LastIndex(p.Path, "/")+1:]+"="+p.Title)
	}
	return strings.Join(out, " ")
}

func TestChangesSeenOnNextLaunch(t *testing.T) {
	cacheDir, src := t.TempDir(), t.TempDir()
	for _, n := range []string{"a", "b", "c", "d", "g"} {
		write(t, filepath.Join(src, n+".md"), posting("Role "+strings.ToUpper(n)))
	}
	load(t, cacheDir, src)
	if _, _, hits, _ := load(t, cacheDir, src); hits != 5 {
		t.Fatalf("unchanged folder: %d hits, want 5", hits)
	}
	wantListings := int64(0) // the folder's entries are kept where its file system keeps its times
	if loader.FoldersCached(src) {
		wantListings = 1
	}
	if got := listings(t, cacheDir, src); got != wantListings {
		t.Fatalf("unchanged folder: its entries taken from the cache %d times, want %d", got, wantListings)
	}
	// Same size, other content, and the modification time put back (as
	// cp -p or rsync -t do): only the change time tells.
	// (Where the OS gives no change time, this change cannot be seen.)
	wantG := "Role G"
	if keyOf(t, src, "g.md").ChangeTime != 0 {
		g := filepath.Join(src, "g.md")
		fi, err := os.Stat(g)
		if err != nil {
			t.Fatal(err)
		}
		write(t, g, posting("Role Y"))
		if err := os.Chtimes(g, fi.ModTime(), fi.ModTime()); err != nil {
			t.Fatal(err)
		}
		wantG = "Role Y"
	}
	// Same size, other content and a given modification time: the change
	// time and the time tell it apart.
	write(t, filepath.Join(src, "a.md"), posting("Role Z"))
	old := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(filepath.Join(src, "b.md"), old, old); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(src, "e.md"), posting("Role E"))
	if err := os.Remove(filepath.Join(src, "c.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(src, "d.md"), filepath.Join(src, "f.md")); err != nil {
		t.Fatal(err)
	}
	if got := listings(t, cacheDir, src); got != 0 {
		t.Fatalf("files added, removed and renamed: the folder's entries taken from the cache %d times, want 0", got)
	}
	got, gotSkips, hits, problem := load(t, cacheDir, src)
	if problem != "" {
		t.Fatal(problem)
	}
	want, wantSkips, _, _ := load(t, "", src)
	sameLoad(t, "after changes", got, want, gotSkips, wantSkips)
	if s, w := titles(got), "a.md=Role Z b.md=Role B e.md=Role E f.md=Role D g.md="+wantG; s != w {
		t.Fatalf("after changes: %s, want %s", s, w)
	}
	if wantHits := strings.Count(wantG, "G"); hits != int64(wantHits) {
		// a and g changed, b touched, e new, f renamed: none may come
		// from the cache (but an unchanged g).
		t.Fatalf("after changes: %d hits, want %d", hits, wantHits)
	}
}

func TestOtherVersionIgnored(t *testing.T) {
	cacheDir, src := t.TempDir(), t.TempDir()
	write(t, filepath.Join(src, "a.md"), posting("Role A"))
	srcs, err := loader.SourcesFromPaths([]string{src})
	if err != nil {
		t.Fatal(err)
	}
	// A cache written by a loader with other parsing rules: its stamp
	// differs, and what it holds must not be used.
	other := cache.Open(cacheDir, "v0-older", later)
	fake := []*model.Posting{{ID: "0123456789abcdef", Title: "Stale Title"}}
	k := keyOf(t, src, "a.md")
	other.Store(k, fake, nil)
	if p := other.Close(); p != "" {
		t.Fatal(p)
	}
	again := cache.Open(cacheDir, "v0-older", later)
	if e, ok := again.Lookup(k); !ok || e.Len() != 1 || e.Next().Title != "Stale Title" {
		t.Fatal("the other version's cache does not hold its entry")
	}
	if p := again.Close(); p != "" {
		t.Fatal(p)
	}
	// Stream also refuses a cache whose stamp is not that of its options.
	ps, _, err := loader.Load(context.Background(), srcs, loader.Options{Cache: cache.Open(cacheDir, "v0-older", later)})
	if err != nil || len(ps) != 1 || ps[0].Title != "Role A" {
		t.Fatalf("load with a mismatched stamp: %v %v", ps, err)
	}
	got, _, hits, problem := load(t, cacheDir, src)
	if hits != 0 || len(got) != 1 || got[0].Title != "Role A" {
		t.Fatalf("other version: %d hits, %v", hits, titles(got))
	}
	if !strings.Contains(problem, "another jobdeck version") {
		t.Fatalf("problem %q does not say why", problem)
	}
	if _, _, hits, problem := load(t, cacheDir, src); hits != 1 || problem != "" {
		t.Fatalf("after the rebuild: %d hits, problem %q", hits, problem)
	}
}

// keyOf is the key the loader gives name in the folder src.
func keyOf(t *testing.T, src, name string) loader.FileKey {
	t.Helper()
	var got loader.FileKey
	rec := &recorder{key: &got}
	srcs, _ := loader.SourcesFromPaths([]string{filepath.Join(src, name)})
	if _, _, err := loader.Load(context.Background(), srcs, loader.Options{Cache: rec}); err != nil {
		t.Fatal(err)
	}
	if got.Path != name {
		t.Fatalf("no key recorded for %s: %+v", name, got)
	}
	return got
}

// recorder is a loader.Cache that remembers the last key looked up.
type recorder struct {
	mu  sync.Mutex
	key *loader.FileKey
}

func (r *recorder) Stamp() string { return loader.CacheStamp(loader.Options{}) }
func (r *recorder) Lookup(k loader.FileKey) (loader.CacheEntry, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	*r.key = k
	return nil, false
}
func (r *recorder) Store(loader.FileKey, []*model.Posting, []byte) {}
func (r *recorder) LoadDone()                                      {}

func TestDamagedCacheRebuilt(t *testing.T) {
	src := filepath.Join(t.TempDir(), "corpus")
	if err := corpus.Write(src, 60, 3); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(src)
	want, wantSkips, _, _ := load(t, "", src)
	for name, damage := range map[string]func([]byte) []byte{
		"truncated": func(b []byte) []byte { return b[:len(b)/2] },
		"one bit":   func(b []byte) []byte { b[len(b)/3] ^= 4; return b },
		"garbage":   func(b []byte) []byte { return []byte(strings.Repeat("not a cache\x00\xff", 100)) },
		"empty":     func(b []byte) []byte { return nil },
	} {
		t.Run(name, func(t *testing.T) {
			cacheDir := t.TempDir()
			load(t, cacheDir, src)
			file := cache.FileName(cacheDir, abs)
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, damage(b), 0o600); err != nil {
				t.Fatal(err)
			}
			got, gotSkips, hits, problem := load(t, cacheDir, src)
			sameLoad(t, name, got, want, gotSkips, wantSkips)
			if hits != 0 || !strings.Contains(problem, "rebuilding") {
				t.Fatalf("%s: %d hits, problem %q", name, hits, problem)
			}
			got, gotSkips, hits, problem = load(t, cacheDir, src)
			sameLoad(t, name+", rebuilt", got, want, gotSkips, wantSkips)
			if hits != 60 || problem != "" {
				t.Fatalf("%s, rebuilt: %d hits, problem %q", name, hits, problem)
			}
		})
	}
}

func TestTwoLaunchesAtOnce(t *testing.T) {
	cacheDir := t.TempDir()
	src := filepath.Join(t.TempDir(), "corpus")
	if err := corpus.Write(src, 400, 5); err != nil {
		t.Fatal(err)
	}
	want, wantSkips, _, _ := load(t, "", src)
	for round := range 3 { // cold, then warm, then warm again
		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() {
				got, gotSkips, _, problem := load(t, cacheDir, src)
				sameLoad(t, "concurrent launch", got, want, gotSkips, wantSkips)
				if problem != "" {
					t.Errorf("round %d: %s", round, problem)
				}
			})
		}
		wg.Wait()
	}
	if _, _, hits, _ := load(t, cacheDir, src); hits != 400 {
		t.Fatalf("after concurrent launches: %d hits, want 400", hits)
	}
}

func TestUnwritableCacheStillLoads(t *testing.T) {
	src := t.TempDir()
	write(t, filepath.Join(src, "a.md"), posting("Role A"))
	want, wantSkips, _, _ := load(t, "", src)

	// A cache "folder" that is a file: nothing can be read or written.
	notDir := filepath.Join(t.TempDir(), "file")
	write(t, notDir, "x")
	got, gotSkips, _, problem := load(t, filepath.Join(notDir, "jobdeck"), src)
	sameLoad(t, "cache under a file", got, want, gotSkips, wantSkips)
	if !strings.Contains(problem, "cannot write") {
		t.Fatalf("problem %q does not say the cache was not written", problem)
	}

	// A read-only folder holding a good cache: it is read, and a change
	// it cannot record is told.
	cacheDir := t.TempDir()
	load(t, cacheDir, src)
	if err := os.Chmod(cacheDir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(cacheDir, 0o755) })
	srcs, _ := loader.SourcesFromPaths([]string{src})
	ro := func() *counting {
		c := &counting{Cache: cache.Open(cacheDir, loader.CacheStamp(loader.Options{}), later)}
		cache.SetWriteFile(c.Cache, func(string, func(cache.FileWriter) error) error {
			return &fs.PathError{Op: "open", Err: fs.ErrPermission}
		})
		return c
	}
	c := ro()
	got, gotSkips, err := loader.Load(context.Background(), srcs, loader.Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	sameLoad(t, "read-only cache", got, want, gotSkips, wantSkips)
	if p := c.Close(); c.hits.Load() != 1 || p != "" {
		t.Fatalf("read-only cache, unchanged folder: %d hits, problem %q", c.hits.Load(), p)
	}
	write(t, filepath.Join(src, "b.md"), posting("Role B"))
	c = ro()
	got, _, err = loader.Load(context.Background(), srcs, loader.Options{Cache: c})
	if err != nil || titles(got) != "a.md=Role A b.md=Role B" {
		t.Fatalf("read-only cache, new file: %s %v", titles(got), err)
	}
	if p := c.Close(); !strings.Contains(p, "cannot write") || strings.Count(p, "\n") > 0 {
		t.Fatalf("read-only cache, new file: problem %q", p)
	}
}

func TestRecentFilesNotStored(t *testing.T) {
	cacheDir, src := t.TempDir(), t.TempDir()
	write(t, filepath.Join(src, "a.md"), posting("Role A"))
	k := keyOf(t, src, "a.md")
	srcs, _ := loader.SourcesFromPaths([]string{src})
	opts := loader.Options{}
	launch := func(at time.Time) int64 {
		c := &counting{Cache: cache.Open(cacheDir, loader.CacheStamp(opts), func() time.Time { return at })}
		opts.Cache = c
		if _, _, err := loader.Load(context.Background(), srcs, opts); err != nil {
			t.Fatal(err)
		}
		c.Close()
		return c.hits.Load()
	}
	// Read 50 ms after the last change: a second write in the same tick
	// of the file system's clock would go unseen, so it is not stored.
	changed := time.Unix(0, max(k.ModTime, k.ChangeTime))
	launch(changed.Add(50 * time.Millisecond))
	if launch(changed.Add(time.Hour)) != 0 {
		t.Fatal("a file read 50 ms after it changed came from the cache")
	}
	if launch(changed.Add(time.Hour)) != 1 {
		t.Fatal("a file read an hour after it changed was not stored")
	}
}

func TestOldEntriesDropped(t *testing.T) {
	cacheDir, src := t.TempDir(), t.TempDir()
	for _, n := range []string{"a", "b"} {
		write(t, filepath.Join(src, n+".md"), posting("Role "+n))
	}
	at := time.Now().Add(time.Minute)
	clock := func() time.Time { return at }
	launch := func() int64 {
		srcs, _ := loader.SourcesFromPaths([]string{src})
		c := &counting{Cache: cache.Open(cacheDir, loader.CacheStamp(loader.Options{}), clock)}
		if _, _, err := loader.Load(context.Background(), srcs, loader.Options{Cache: c}); err != nil {
			t.Fatal(err)
		}
		if p := c.Close(); p != "" {
			t.Fatal(p)
		}
		return c.hits.Load()
	}
	launch()
	info, _ := cache.Describe(cacheDir)
	if info.Entries() != 3 { // a.md, b.md and the folder's entries
		t.Fatalf("%d entries, want 3", info.Entries())
	}
	// b.md leaves; 29 days later its entry is still there, 31 days after
	// it was last seen it is gone while a.md's stays.
	if err := os.Rename(filepath.Join(src, "b.md"), filepath.Join(src, "b.txt~")); err != nil {
		t.Fatal(err)
	}
	at = at.Add(29 * 24 * time.Hour)
	if h := launch(); h != 1 {
		t.Fatalf("%d hits, want 1", h)
	}
	if info, _ := cache.Describe(cacheDir); info.Entries() != 3 {
		t.Fatalf("after 29 days: %d entries, want 3", info.Entries())
	}
	at = at.Add(2 * 24 * time.Hour)
	launch()
	if info, _ := cache.Describe(cacheDir); info.Entries() != 2 {
		t.Fatalf("after 31 days: %d entries, want 2", info.Entries())
	}
}

// TestWarmEqualsColdRecords checks that files of many postings (JSON
// arrays, JSON Lines, CSVs) come from the cache with every field, and
// their bodies read from the same records, as a load without cache gives
// them; files with records that are not postings are read again, so their
// skip lines stay.
// TestWarmReusesBlocksSafely checks a warm launch of a folder whose cache
// file has many blocks, with files of many postings among the files of
// one: blocks are read into the memory of blocks whose entries were all
// taken, and overwriting each such block before its reuse changes no
// posting (none kept a string in it), records included.
func TestWarmReusesBlocksSafely(t *testing.T) {
	src := filepath.Join(t.TempDir(), "corpus")
	if err := corpus.Write(src, 8000, 9); err != nil {
		t.Fatal(err)
	}
	records := "../../testdata/loader/records"
	files, err := os.ReadDir(records)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(records, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []string{"002", "004"} { // among the corpus's folders
			if err := os.WriteFile(filepath.Join(src, d, "zz-"+f.Name()), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want, wantSkips, _, _ := load(t, "", src)
	dir := t.TempDir()
	load(t, dir, src)
	srcs, err := loader.SourcesFromPaths([]string{src})
	if err != nil {
		t.Fatal(err)
	}
	// How many blocks are freed before the next ones are read depends on
	// how the load's goroutines were scheduled: a busy machine may let a
	// launch reuse fewer, so it is tried again, each launch checked.
	reused := 0
	for try := 0; try < 5 && reused < 3; try++ {
		opts := loader.Options{}
		c := cache.Open(dir, loader.CacheStamp(opts), later)
		cache.Poison(c)
		opts.Cache = c
		warm, warmSkips, err := loader.Load(context.Background(), srcs, opts)
		if err != nil {
			t.Fatal(err)
		}
		if p := c.Close(); p != "" {
			t.Fatal(p)
		}
		reused = cache.Reused(c)
		sameLoad(t, "warm launch, freed blocks overwritten", warm, want, warmSkips, wantSkips)
	}
	if reused < 3 {
		t.Errorf("%d blocks read into freed ones in the last of five launches, want several", reused)
	}
}

func TestWarmEqualsColdRecords(t *testing.T) {
	src := "../../testdata/loader/records"
	want, wantSkips, _, _ := load(t, "", src)
	files := map[string]bool{}
	for _, p := range want {
		files[strings.SplitN(p.Path, "#", 2)[0]] = true
	}
	for _, s := range wantSkips {
		delete(files, s.Path) // a file with a skip line is not cached
	}
	if len(files) < 6 {
		t.Fatalf("only %d record files load cleanly: %v", len(files), files)
	}
	coldWarm(t, src, int64(len(files)))
	dir := t.TempDir()
	load(t, dir, src)
	warm, _, _, _ := load(t, dir, src)
	bodies := 0
	for i, p := range warm {
		got, err := loader.Body(p, 0)
		if err != nil {
			t.Fatalf("%s: %v", p.Path, err)
		}
		if w, _ := loader.Body(want[i], 0); got != w {
			t.Errorf("%s: body from the cached record differs:\n got %q\nwant %q", p.Path, got, w)
		}
		if got != "" {
			bodies++
		}
	}
	if bodies < len(warm)/2 {
		t.Errorf("only %d of %d cached records have a body", bodies, len(warm))
	}
}

// TestRecordFileChangeSeen checks that a file of many postings that
// changed is read again, not taken from the cache.
func TestRecordFileChangeSeen(t *testing.T) {
	cacheDir, src := t.TempDir(), t.TempDir()
	f := filepath.Join(src, "jobs.jsonl")
	write(t, f, `{"title":"Role A","company":"Acme","url":"https://acme.example/a"}`+"\n"+`{"title":"Role B","company":"Acme","url":"https://acme.example/b"}`+"\n")
	load(t, cacheDir, src)
	if ps, _, hits, _ := load(t, cacheDir, src); hits != 1 || len(ps) != 2 {
		t.Fatalf("unchanged: %d hits, %d postings; want 1 and 2", hits, len(ps))
	}
	write(t, f, `{"title":"Role A","company":"Acme","url":"https://acme.example/a"}`+"\n"+`{"title":"Role C","company":"Acme","url":"https://acme.example/c"}`+"\n"+`{"title":"Role D","company":"Acme","url":"https://acme.example/d"}`+"\n")
	ps, _, hits, _ := load(t, cacheDir, src)
	if hits != 0 || titles(ps) != "jobs.jsonl#0=Role A jobs.jsonl#1=Role C jobs.jsonl#2=Role D" {
		t.Fatalf("changed: %d hits, %s", hits, titles(ps))
	}
}
