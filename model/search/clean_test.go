package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// cleanDocs are a few documents for the tests of the clean-close stamp.
func cleanDocs(n int) ([]Item, func(context.Context, int) (Doc, error)) {
	items := make([]Item, n)
	for i := range items {
		items[i] = Item{ID: fmt.Sprintf("p%d", i), Stamp: "1"}
	}
	return items, func(_ context.Context, i int) (Doc, error) {
		return Doc{ID: items[i].ID, Stamp: "1", Title: "Engineer", Body: fmt.Sprintf("posting number %d", i)}, nil
	}
}

// syncChecks opens the index in dir at now, syncs it with n documents and
// returns it with the number of full checks that sync ran, over all its
// files.
func syncChecks(t *testing.T, dir string, n int, now time.Time) (*Index, int) {
	t.Helper()
	ix, err := Open(context.Background(), dir, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	items, load := cleanDocs(n)
	if _, err := ix.Sync(context.Background(), items, load, nil); err != nil {
		t.Fatal(err)
	}
	checks := 0
	for _, s := range ix.shards {
		checks += s.checks
	}
	return ix, checks
}

func closeIx(t *testing.T, ix *Index) {
	t.Helper()
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
}

var t0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func TestFullCheckOnlyWhenNotClosedCleanly(t *testing.T) {
	dir := t.TempDir()
	ix, n := syncChecks(t, dir, 30, t0)
	if n != 0 {
		t.Errorf("the build of a new file ran %d full checks, want none", n)
	}
	closeIx(t, ix)
	if _, err := os.Stat(filepath.Join(dir, FileName+cleanSuffix)); err != nil {
		t.Fatalf("no stamp after a clean close: %v", err)
	}

	ix, n = syncChecks(t, dir, 30, t0.Add(time.Hour))
	if n != 0 {
		t.Errorf("a file closed cleanly got %d full checks, want none", n)
	}
	closeIx(t, ix)

	ix, n = syncChecks(t, dir, 30, t0.Add(checkEvery))
	if n != shardCount {
		t.Errorf("a week after the build: %d full checks, want one a file (%d)", n, shardCount)
	}
	closeIx(t, ix)
	// The check a week on counts from then.
	ix, n = syncChecks(t, dir, 30, t0.Add(checkEvery+time.Hour))
	if n != 0 {
		t.Errorf("an hour after a full check: %d full checks, want none", n)
	}
	closeIx(t, ix)
}

func TestFullCheckAfterAnUncleanClose(t *testing.T) {
	dir := t.TempDir()
	ix, _ := syncChecks(t, dir, 30, t0)
	closeIx(t, ix)
	// A jobdeck that wrote and never closed (it was killed): its writes
	// are in the log, the stamp of the earlier close is stale.
	killed, _ := syncChecks(t, dir, 40, t0)
	defer killed.Close()
	next, n := syncChecks(t, dir, 40, t0)
	if n != 1 {
		t.Errorf("after an unclean close: %d full checks, want 1", n)
	}
	// Closed while the other one still has the file open: no stamp.
	closeIx(t, next)
	if _, err := os.Stat(filepath.Join(dir, FileName+cleanSuffix)); !os.IsNotExist(err) {
		t.Errorf("stamp left while another process writes: %v", err)
	}
}

func TestFullCheckAfterTheFileChanged(t *testing.T) {
	dir := t.TempDir()
	ix, _ := syncChecks(t, dir, 30, t0)
	closeIx(t, ix)
	p := filepath.Join(dir, FileName)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	// Rewritten with the same bytes: same size, a new time.
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	ix, n := syncChecks(t, dir, 30, t0)
	if n != 1 {
		t.Errorf("a file changed since its clean close: %d full checks, want 1", n)
	}
	closeIx(t, ix)
}

func TestParseClean(t *testing.T) {
	c := cleanStamp{size: 4096, mtime: 1764582000123456789, checked: t0}
	got, ok := parseClean(c.String())
	if !ok || got.size != c.size || got.mtime != c.mtime || !got.checked.Equal(c.checked) {
		t.Errorf("parseClean(%q) = %+v, %v", c.String(), got, ok)
	}
	for _, bad := range []string{"", "1 2", "1 2 x", "1 2 3 4", "a b c"} {
		if _, ok := parseClean(bad); ok {
			t.Errorf("parseClean(%q) accepted", bad)
		}
	}
}
