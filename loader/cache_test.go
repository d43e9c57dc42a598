package loader

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/jobdeck/jobdeck/model"
)

// mapCache is a Cache in memory that counts its calls.
type mapCache struct {
	stamp   string
	mu      sync.Mutex
	m       map[FileKey]mapEntry
	lookups int
	done    int
}

type mapEntry struct {
	ps  []*model.Posting
	aux []byte
}

func newMapCache(opts Options) *mapCache {
	return &mapCache{stamp: CacheStamp(opts), m: map[FileKey]mapEntry{}}
}

func (c *mapCache) Stamp() string { return c.stamp }

func (c *mapCache) Lookup(k FileKey) (CacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lookups++
	e, ok := c.m[k]
	if !ok {
		return nil, false
	}
	return &listEntry{ps: e.ps, n: len(e.ps), aux: e.aux}, true
}

// listEntry is a CacheEntry of postings in memory: Next copies them.
type listEntry struct {
	ps  []*model.Posting // not yet handed out
	n   int
	aux []byte
}

func (e *listEntry) Len() int    { return e.n }
func (e *listEntry) Aux() []byte { return e.aux }
func (e *listEntry) Release()    {}
func (e *listEntry) Next() *model.Posting {
	q := *e.ps[0]
	e.ps = e.ps[1:]
	return &q
}

func (c *mapCache) Store(k FileKey, ps []*model.Posting, aux []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = mapEntry{ps, aux}
}

func (c *mapCache) LoadDone() { c.mu.Lock(); c.done++; c.mu.Unlock() }

func TestCacheStamp(t *testing.T) {
	if CacheStamp(Options{}) != CacheStamp(Options{Workers: 3, BatchSize: 7, KeepBodies: true, MaxBody: DefaultMaxBody}) {
		t.Fatal("options that do not change parsing change the stamp")
	}
	if CacheStamp(Options{}) == CacheStamp(Options{MaxBody: 4096}) {
		t.Fatal("another body cap gives the same stamp")
	}
	if CacheStamp(Options{Cache: newMapCache(Options{})}) != CacheStamp(Options{}) {
		t.Fatal("the cache itself changes the stamp")
	}
}

func tempPostings(t *testing.T) (string, []Source) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.md": "---\ntitle: Alpha\nurl: https://x.example/1\n---\nA.\n",
		"b.md": "---\ntitle: Beta\nurl: https://x.example/1\n---\nB.\n", // a duplicate of a.md
		"c.md": "---\ntitle: Gamma\n---\nC.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srcs, err := SourcesFromPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	return dir, srcs
}

func TestCacheHookServesAndMerges(t *testing.T) {
	_, srcs := tempPostings(t)
	c := newMapCache(Options{})
	cold, _, err := Load(context.Background(), srcs, Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	want := 3 // three files, and the folder's entries where they are kept
	if FoldersCached(t.TempDir()) {
		want = 4
	}
	if len(c.m) != want || c.done != 1 {
		t.Fatalf("stored %d entries, LoadDone %d times; want %d and 1", len(c.m), c.done, want)
	}
	// The cache's word is taken: a changed title in the cache shows, and
	// the duplicate is still merged with its paths.
	for k, e := range c.m {
		if k.Path == "./" {
			if es, ok := decodeListing(e.aux, nil); !ok || fmt.Sprint(es) != "[{a.md 0} {b.md 0} {c.md 0}]" || len(e.ps) != 0 {
				t.Fatalf("the folder's entries: %v (%v), %d postings", es, ok, len(e.ps))
			}
		}
		if filepath.Base(k.Path) == "c.md" {
			q := *e.ps[0]
			q.Title = "From Cache"
			c.m[k] = mapEntry{ps: []*model.Posting{&q}}
		}
	}
	warm, _, err := Load(context.Background(), srcs, Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if len(warm) != 2 || len(cold) != 2 {
		t.Fatalf("%d warm and %d cold postings, want 2", len(warm), len(cold))
	}
	if warm[0].Title != "Alpha" || len(warm[0].Paths()) != 2 || warm[0].Paths()[1] != cold[0].Paths()[1] {
		t.Fatalf("merged posting %+v", warm[0])
	}
	if warm[1].Title != "From Cache" || warm[1].Path != cold[1].Path || warm[1].Source != srcs[0].FS || warm[1].SourcePath != "c.md" {
		t.Fatalf("cached posting %+v", warm[1])
	}
	if b, err := Body(warm[1], 0); err != nil || b != "C.\n" {
		t.Fatalf("body of a cached posting: %q, %v", b, err)
	}
}

func TestCacheHookBypassed(t *testing.T) {
	_, srcs := tempPostings(t)
	mapFS := []Source{{FS: fstest.MapFS{"a.md": {Data: []byte("# A\n")}}, Root: ".", Name: "m"}}
	for name, tc := range map[string]struct {
		srcs []Source
		opts Options
		c    *mapCache
	}{
		"bodies kept": {srcs, Options{KeepBodies: true}, newMapCache(Options{})},
		"other stamp": {srcs, Options{MaxBody: 4096}, newMapCache(Options{})},
		"not a dirFS": {mapFS, Options{}, newMapCache(Options{})},
	} {
		tc.opts.Cache = tc.c
		if _, _, err := Load(context.Background(), tc.srcs, tc.opts); err != nil {
			t.Fatal(err)
		}
		if tc.c.lookups != 0 || len(tc.c.m) != 0 {
			t.Errorf("%s: %d lookups, %d stores; want none", name, tc.c.lookups, len(tc.c.m))
		}
	}
}

func TestCacheLoadDoneOnlyWhenComplete(t *testing.T) {
	_, srcs := tempPostings(t)
	c := newMapCache(Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	Load(ctx, srcs, Options{Cache: c})
	if c.done != 0 {
		t.Fatal("LoadDone called for a cancelled load")
	}
}

func TestCacheStampFollowsAliasesByContent(t *testing.T) {
	a, _ := NewFieldAliases(map[string][]string{"url": {"offer_link", "job_link"}, "title": {"heading"}})
	b, _ := NewFieldAliases(map[string][]string{"title": {"heading"}, "url": {"offer_link", "job_link"}})
	c, _ := NewFieldAliases(map[string][]string{"url": {"offer_link"}})
	sa, sb, sc := CacheStamp(Options{Aliases: a}), CacheStamp(Options{Aliases: b}), CacheStamp(Options{Aliases: c})
	if sa != sb {
		t.Errorf("equal aliases built apart stamp differently: %s %s", sa, sb)
	}
	if sa == sc || sc == CacheStamp(Options{}) {
		t.Errorf("other aliases stamp the same: %s %s %s", sa, sc, CacheStamp(Options{}))
	}
}

// TestRecordsFromCacheRefusesBadNotes checks that a cache note that does
// not fit the cached records (another kind, cut short, a record too many
// or too few) is refused, so that the file is parsed again, and that every
// cut of a good note is refused without a panic.
func TestRecordsFromCacheRefusesBadNotes(t *testing.T) {
	src := &Source{FS: fstest.MapFS{}, Name: "jobs"}
	j := job{src: src, fsPath: "jobs.csv", display: "jobs/jobs.csv"}
	rs := &recordSource{fsys: src.FS, name: j.fsPath, kind: recCSV, head: &csvHeader{keys: []string{"title", "url"}, size: 10}}
	postings := func(n int) []*model.Posting {
		ps := make([]*model.Posting, n)
		for i := range ps {
			ps[i] = &model.Posting{ID: fmt.Sprint(i), Title: "T", Path: fmt.Sprintf("#%d", i), SourcePath: fmt.Sprintf("#%d", i)}
		}
		return ps
	}
	withSource := postings(2)
	for i, p := range withSource {
		p.Source = &recordFile{recordSource: rs, off: int64(10 + 5*i), n: 5}
	}
	aux, ok := recordsAux(recCSV, withSource)
	if !ok {
		t.Fatal("no note for two records of one CSV")
	}
	cached := func(n int, aux []byte) CacheEntry { return &listEntry{ps: postings(n), n: n, aux: aux} }
	got, ok := recordsFromCache(j, Options{}, recCSV, cached(2, aux))
	if !ok {
		t.Fatal("a good note refused")
	}
	r0, r1 := got.next(), got.next()
	if r0.p.Path != "jobs/jobs.csv#0" || r0.p.Source.(*recordFile).off != 10 {
		t.Errorf("record 0 from the note: path %q, source %+v", r0.p.Path, r0.p.Source)
	}
	rf := r1.p.Source.(*recordFile)
	if r1.p.Path != "jobs/jobs.csv#1" || r1.p.SourcePath != "jobs.csv#1" || rf.off != 15 || rf.n != 5 || rf.head.size != 10 || len(rf.head.keys) != 2 {
		t.Errorf("record 1 from the note: path %q, source path %q, off %d, n %d, header %+v", r1.p.Path, r1.p.SourcePath, rf.off, rf.n, rf.head)
	}
	if _, ok := recordsFromCache(j, Options{}, recJSON, cached(2, aux)); ok {
		t.Error("a CSV's note taken for a JSON file")
	}
	for _, n := range []int{1, 3} {
		if _, ok := recordsFromCache(j, Options{}, recCSV, cached(n, aux)); ok {
			t.Errorf("a note of 2 records taken for %d", n)
		}
	}
	for cut := range len(aux) {
		if _, ok := recordsFromCache(j, Options{}, recCSV, cached(2, aux[:cut])); ok {
			t.Errorf("a note cut at %d of %d bytes was taken", cut, len(aux))
		}
	}
}

// TestCacheHookListsFolders checks that a warm walk takes a folder's
// entries from the cache while its stat is unchanged (the cache's word is
// taken: a name left out of them is not read), and reads the folder again
// once an entry was added.
func TestCacheHookListsFolders(t *testing.T) {
	dir, srcs := tempPostings(t)
	c := newMapCache(Options{})
	if _, _, err := Load(context.Background(), srcs, Options{Cache: c}); err != nil {
		t.Fatal(err)
	}
	found := false
	for k := range c.m {
		if k.Path == "./" {
			found = true
			c.m[k] = mapEntry{aux: appendListing(nil, []dirent{{name: "a.md"}, {name: "c.md"}})}
		}
	}
	if !FoldersCached(dir) {
		if found {
			t.Fatal("the entries of a folder whose file system may not keep its times were stored")
		}
		return
	}
	if !found {
		t.Fatal("the folder's entries were not stored")
	}
	warm, _, err := Load(context.Background(), srcs, Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if len(warm) != 2 || len(warm[0].Paths()) > 1 {
		t.Fatalf("warm load from the cached entries: %d postings, %v; want b.md unread", len(warm), warm[0].Paths())
	}
	if err := os.WriteFile(filepath.Join(dir, "d.md"), []byte("---\ntitle: Delta\n---\nD.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	after, _, err := Load(context.Background(), srcs, Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 3 || len(after[0].Paths()) != 2 {
		t.Fatalf("after a file was added: %d postings, %v; want the folder read again", len(after), after[0].Paths())
	}
}
