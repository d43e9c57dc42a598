package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobdeck/jobdeck/loader/textindex"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/search"
)

func TestBrowserTextIndexOpensInTheBackground(t *testing.T) {
	isolate(t)
	dir, ps := loadPostings(t, map[string]string{"a.md": "---\ntitle: Go Developer\n---\nWe offer visa sponsorship.\n"})
	ctx := context.Background()
	var stderr bytes.Buffer
	text, index, closeIndex := browserTextIndex(common{}, []string{dir}, 0, &stderr)
	if index == nil {
		t.Fatal("no index sync")
	}
	if notes, err := index(ctx, ps, nil); err != nil || len(notes) != 0 {
		t.Fatalf("sync: %v, notes %q", err, notes)
	}
	q := quoted("visa sponsorship")
	got, err := filterByText(ctx, ps, q, text)
	if err != nil || len(got) != 1 || got[0].Title != "Go Developer" {
		t.Fatalf("visa sponsorship: %v, %v", got, err)
	}
	closeIndex()
	if stderr.Len() != 0 {
		t.Errorf("stderr: %q", stderr.String())
	}
}

func TestBrowserTextIndexThatCannotOpenSaysWhy(t *testing.T) {
	isolate(t)
	// The cache folder is a file: the index cannot be made in it.
	blocked := filepath.Join(t.TempDir(), "cache")
	if err := os.WriteFile(blocked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CACHE_HOME", blocked)
	var stderr bytes.Buffer
	text, index, closeIndex := browserTextIndex(common{}, []string{t.TempDir()}, 0, &stderr)
	_, err := index(context.Background(), nil, nil)
	if err == nil || !strings.Contains(err.Error(), "full-text index") {
		t.Fatalf("sync: %v, want why the index did not open", err)
	}
	if _, err := filterByText(context.Background(), nil, quoted("visa"), text); err == nil {
		t.Error("a query searched an index that did not open")
	}
	closeIndex()
	if !strings.Contains(stderr.String(), "jobdeck: warning: full-text index") {
		t.Errorf("stderr after close: %q, want the warning", stderr.String())
	}
}

func TestBrowserTextIndexOffWithoutCache(t *testing.T) {
	isolate(t)
	var stderr bytes.Buffer
	text, index, closeIndex := browserTextIndex(common{noCache: true}, nil, 0, &stderr)
	defer closeIndex()
	if index != nil {
		t.Error("--no-cache has an index sync")
	}
	if _, err := text.SearchText(context.Background(), nil, false); !errors.Is(err, search.ErrTextOff) || !strings.Contains(err.Error(), "--no-cache") {
		t.Errorf("err = %v, want full-text search off (--no-cache)", err)
	}
}

func TestTextIndexLaterStopsWaitingWithItsContext(t *testing.T) {
	never := make(chan struct{})
	defer close(never)
	l := &textIndexLater{done: make(chan struct{}), open: func() (*textindex.Index, model.TextSearcher, error) {
		<-never // an open that does not end while the test runs
		return nil, nil, errors.New("never")
	}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.SearchText(ctx, nil, false); !errors.Is(err, context.Canceled) {
		t.Errorf("SearchText: %v, want context.Canceled", err)
	}
	if _, err := l.SearchTextRows(ctx, nil, false); !errors.Is(err, context.Canceled) {
		t.Errorf("SearchTextRows: %v, want context.Canceled", err)
	}
	if _, err := l.Sync(ctx, nil, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Sync: %v, want context.Canceled", err)
	}
}

func TestBrowserTextIndexOpensWhenNeeded(t *testing.T) {
	isolate(t)
	dir, ps := loadPostings(t, map[string]string{"a.md": "---\ntitle: Go Developer\n---\nWe offer visa sponsorship.\n"})
	var stderr bytes.Buffer
	_, index, closeIndex := browserTextIndex(common{}, []string{dir}, 0, &stderr)
	if got := indexFolders(t); len(got) != 0 {
		t.Fatalf("index folders before anything needed one: %q", got)
	}
	if _, err := index(context.Background(), ps, nil); err != nil {
		t.Fatal(err)
	}
	if got := indexFolders(t); len(got) != 1 {
		t.Fatalf("index folders after a sync: %q, want one", got)
	}
	closeIndex()
}

func TestBrowserTextIndexNeverNeededIsNeverOpened(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	var stderr bytes.Buffer
	text, _, closeIndex := browserTextIndex(common{}, []string{dir}, 0, &stderr)
	closeIndex()
	if got := indexFolders(t); len(got) != 0 {
		t.Errorf("index folders after a browser that never searched: %q", got)
	}
	if _, err := text.SearchText(context.Background(), nil, false); !errors.Is(err, search.ErrTextOff) {
		t.Errorf("a search after close: %v, want full-text search off", err)
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr: %q", stderr.String())
	}
}

// indexFolders returns the full-text index folders in the cache folder.
func indexFolders(t *testing.T) []string {
	t.Helper()
	got, err := filepath.Glob(filepath.Join(os.Getenv("XDG_CACHE_HOME"), "jobdeck", "index-*"))
	if err != nil {
		t.Fatal(err)
	}
	return got
}
