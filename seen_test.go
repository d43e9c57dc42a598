package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/model/seen"
)

func TestListNew(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	write := func(name, title string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: "+title+"\n---\nbody of "+title+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "Old One")
	code, out, errs := runCmd(t, "list", "--new", dir)
	if code != exitOK || out != "" {
		t.Fatalf("first run: code %d, out %q, stderr %q; want nothing new (the log begins)", code, out, errs)
	}
	write("b.md", "Fresh One")
	time.Sleep(1100 * time.Millisecond) // the log counts in seconds
	if code, out, _ := runCmd(t, "list", "--new", dir); code != exitOK || !strings.Contains(out, "Fresh One") || strings.Contains(out, "Old One") {
		t.Fatalf("second run: code %d, out %q; want Fresh One only", code, out)
	}
	time.Sleep(1100 * time.Millisecond)
	if code, out, _ := runCmd(t, "list", "--query", "is:new", dir); code != exitOK || out != "" {
		t.Fatalf("third run: code %d, out %q; want nothing new", code, out)
	}
	if code, out, _ := runCmd(t, "list", "--new", "--since", "1d", dir); code != exitOK || !strings.Contains(out, "Fresh One") || !strings.Contains(out, "Old One") {
		t.Fatalf("--since 1d: code %d, out %q; want both", code, out)
	}
	if code, _, errs := runCmd(t, "list", "--new", "--since", "3x", dir); code != exitUsage || !strings.Contains(errs, "--since") {
		t.Fatalf("bad --since: code %d, %q", code, errs)
	}
	if code, _, errs := runCmd(t, "list", "--new", "--no-cache", dir); code != exitFailure || !strings.Contains(errs, "cache folder") {
		t.Fatalf("--new --no-cache: code %d, %q", code, errs)
	}
}

// TestSeenLaterIsReadOnRecord checks that the browser's log is not read
// until the first Record (nothing is new meanwhile), that Record waits for
// the read, and that IsNew answers from the log once it has been read.
func TestSeenLaterIsReadOnRecord(t *testing.T) {
	dir := t.TempDir()
	release := make(chan struct{})
	var opened atomic.Bool
	later := openSeenLater(func() (*seen.Log, error) {
		opened.Store(true)
		<-release
		return seen.Open(dir, time.Now(), time.Now().Add(-time.Hour))
	})
	if later.IsNew("a") {
		t.Error("a posting is new before the log was read")
	}
	time.Sleep(20 * time.Millisecond)
	if opened.Load() {
		t.Error("the log was read before the first Record")
	}
	recorded := make(chan error)
	go func() { recorded <- later.Record([]string{"a"}) }()
	select {
	case err := <-recorded:
		t.Fatalf("Record returned (%v) before the log was read", err)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	if err := <-recorded; err != nil {
		t.Fatal(err)
	}
	if !later.IsNew("a") {
		t.Error("a posting first seen now, after --since an hour ago, is not new once the log was read")
	}
}

func TestSeenLaterSaysWhyItCouldNotOpen(t *testing.T) {
	want := errors.New("no cache folder")
	later := openSeenLater(func() (*seen.Log, error) { return nil, want })
	if err := later.Record([]string{"a"}); !errors.Is(err, want) {
		t.Errorf("Record = %v, want %v", err, want)
	}
	if later.IsNew("a") {
		t.Error("new without a log")
	}
}
