package cache_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/cache"
	"github.com/jobdeck/jobdeck/loader/corpus"
)

// dayLaunches returns a launch on src with the cache in cacheDir whose
// clock reads *at, and the launch's hits and problem. setup, when not nil,
// is called on each launch's cache before the load.
func dayLaunches(t *testing.T, cacheDir, src string, at *time.Time, setup func(*cache.Cache)) func() (int64, string) {
	return func() (int64, string) {
		t.Helper()
		srcs, err := loader.SourcesFromPaths([]string{src})
		if err != nil {
			t.Fatal(err)
		}
		c := &counting{Cache: cache.Open(cacheDir, loader.CacheStamp(loader.Options{}), func() time.Time { return *at })}
		if setup != nil {
			setup(c.Cache)
		}
		got, gotSkips, err := loader.Load(context.Background(), srcs, loader.Options{Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		want, wantSkips, _, _ := load(t, "", src)
		sameLoad(t, "launch", got, want, gotSkips, wantSkips)
		return c.hits.Load(), c.Close()
	}
}

// TestRewriteKeepsLookedUpEntries checks that a cache file rewritten after
// a load that took its entries (a new day marks them seen, a changed file
// is stored) still holds every one of them: their postings, let go after
// the lookup, are read again from the old file.
func TestRewriteKeepsLookedUpEntries(t *testing.T) {
	cacheDir, src := t.TempDir(), filepath.Join(t.TempDir(), "corpus")
	if err := corpus.Write(src, 300, 9); err != nil {
		t.Fatal(err)
	}
	records, err := os.ReadFile("../../testdata/loader/records/postings.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(src, "jobs.jsonl"), string(records))
	at := time.Now().Add(time.Minute)
	launch := dayLaunches(t, cacheDir, src, &at, nil)
	if hits, p := launch(); hits != 0 || p != "" {
		t.Fatalf("first launch: %d hits, problem %q", hits, p)
	}
	files, _ := launch() // every file the cache holds
	if files < 250 {
		t.Fatalf("only %d files from the cache", files)
	}
	var changed string
	filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if changed == "" && strings.HasSuffix(path, ".md") {
			changed = path
		}
		return err
	})
	write(t, changed, posting("Role Changed"))
	at = at.Add(24 * time.Hour)
	if hits, p := launch(); hits != files-1 || p != "" {
		t.Fatalf("next day, one file changed: %d hits, problem %q; want %d and none", hits, p, files-1)
	}
	at = at.Add(24 * time.Hour)
	if hits, p := launch(); hits != files || p != "" {
		t.Fatalf("the day after: %d hits, problem %q; want %d and none", hits, p, files)
	}
}

// TestRewriteAfterFileRemoved checks that a cache file removed between a
// load's lookups and its write (another jobdeck's `cache clear`) is
// written without the entries the load let go of, which only that file
// held: the next launch parses their files again and loads the same, and
// the one after takes them from the cache.
func TestRewriteAfterFileRemoved(t *testing.T) {
	cacheDir, src := t.TempDir(), t.TempDir()
	for _, n := range []string{"a", "b", "c"} {
		write(t, filepath.Join(src, n+".md"), posting("Role "+n))
	}
	at := time.Now().Add(time.Minute)
	launch := dayLaunches(t, cacheDir, src, &at, nil)
	launch()
	at = at.Add(24 * time.Hour)
	removing := dayLaunches(t, cacheDir, src, &at, func(c *cache.Cache) {
		cache.SetWriteFile(c, func(name string, w func(cache.FileWriter) error) error {
			if err := os.Remove(name); err != nil {
				t.Fatal(err)
			}
			return cache.WriteAtomic(name, w)
		})
	})
	if hits, p := removing(); hits != 3 || p != "" {
		t.Fatalf("file removed before the write: %d hits, problem %q", hits, p)
	}
	if hits, p := launch(); hits != 0 || p != "" {
		t.Fatalf("after the write: %d hits, problem %q; want 0 and none", hits, p)
	}
	if hits, p := launch(); hits != 3 || p != "" {
		t.Fatalf("the launch after: %d hits, problem %q; want 3 and none", hits, p)
	}
}
