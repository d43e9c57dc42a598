//go:build unix

package loader

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

func TestFIFOIsNotOpened(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "ok.md"), "# Fine\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("no mkfifo: %v", err)
	}
	srcs, _ := SourcesFromPaths([]string{dir})
	done := make(chan []Skip)
	go func() {
		_, sk, _ := Load(context.Background(), srcs, Options{})
		done <- sk
	}()
	select {
	case sk := <-done:
		if len(sk) != 1 || sk[0].Reason != ReasonNotRegular {
			t.Errorf("skips = %v", sk)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("load blocks on a FIFO")
	}
}

func TestSymlinksToTheRootOrAboveThePathAreNotFollowed(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "jobs", "a.md"), "# A\n")
	write(t, filepath.Join(dir, "outside.md"), "# Outside\n")
	mustSymlink(t, dir, filepath.Join(dir, "jobs", "up"))
	mustSymlink(t, "../..", filepath.Join(dir, "jobs", "up2"))
	mustSymlink(t, "/", filepath.Join(dir, "jobs", "root"))
	srcs, _ := SourcesFromPaths([]string{filepath.Join(dir, "jobs")})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ps, skips, err := Load(ctx, srcs, Options{})
	if err != nil || len(ps) != 1 || ps[0].Title != "A" {
		t.Fatalf("postings %v, %v", ps, err)
	}
	reasons := map[string]string{}
	for _, s := range skips {
		reasons[filepath.Base(s.Path)] = s.Reason
	}
	for name, why := range map[string]string{"up": "a folder holding", "up2": "a folder holding", "root": "the root folder"} {
		if r := reasons[name]; !strings.HasPrefix(r, ReasonNotFollowed) || !strings.Contains(r, why) {
			t.Errorf("%s: reason %q, want %q", name, r, why)
		}
	}
	// Followed when asked; what is below it is then read, once.
	_ = os.Remove(filepath.Join(dir, "jobs", "root"))
	ps, _, err = Load(ctx, srcs, Options{FollowAll: true})
	if err != nil || len(ps) != 2 {
		t.Errorf("FollowAll: %d postings, %v", len(ps), err)
	}
}

func TestTheSameFolderOrFileNamedTwiceIsReadOnce(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "# A\n")
	write(t, filepath.Join(dir, "sub", "b.md"), "# B\n")
	sub, a := filepath.Join(dir, "sub"), filepath.Join(dir, "a.md")
	for _, args := range [][]string{{dir, dir}, {dir, sub}, {sub, dir}, {dir, a}, {a, dir}, {a, a, sub, sub}} {
		srcs, err := SourcesFromPaths(args)
		if err != nil {
			t.Fatal(err)
		}
		var last Batch
		n := 0
		for b := range Stream(context.Background(), srcs, Options{}) {
			last = b
			n += len(b.Postings)
			if len(b.Skipped) > 0 || len(b.Merges) > 0 {
				t.Errorf("%q: skips %v, merges %v", args, b.Skipped, b.Merges)
			}
		}
		const want = 2
		if last.Progress.Loaded != want || last.Progress.Seen != want || n != want {
			t.Errorf("%q: progress %+v, %d postings; want each of %d files read once", args, last.Progress, n, want)
		}
	}
}

func TestBodyOfAFileTurnedIntoAFIFO(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "role.md")
	write(t, file, "# Role\n\nBody.\n")
	srcs, _ := SourcesFromPaths([]string{dir})
	ps, _, err := Load(context.Background(), srcs, Options{})
	if err != nil || len(ps) != 1 {
		t.Fatalf("%v, %v", ps, err)
	}
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(file, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Body(ps[0], 0)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "role.md") {
			t.Errorf("Body of a FIFO: %v, want ErrNotRegular naming the file", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Body blocks on a FIFO")
	}
}

func TestErrorsNamingPathsAreSafeToPrint(t *testing.T) {
	dir := t.TempDir()
	evil := filepath.Join(dir, "\x1b]52;c;ZWNobyBoaQ==\a\x1b[2J\u202e.md")
	mustSymlink(t, filepath.Join(dir, "missing"), evil) // dangling
	write(t, filepath.Join(dir, "file.md"), "# F\n")
	for _, path := range []string{evil, filepath.Join(dir, "file.md", "\x1b[2J")} {
		_, err := SourcesFromPaths([]string{path})
		if err == nil {
			t.Fatalf("%q: no error", path)
		}
		if e := checkText(err.Error(), false); e != nil || !strings.Contains(err.Error(), `\x1b`) {
			t.Errorf("error %q: %v", err, e)
		}
	}
	if _, err := SourcesFromPaths([]string{evil}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("dangling: %v, want fs.ErrNotExist", err)
	}
	srcs, _ := SourcesFromPaths([]string{dir})
	p := &model.Posting{Source: srcs[0].FS, SourcePath: filepath.Base(evil)}
	if _, err := Body(p, 0); err == nil || checkText(err.Error(), false) != nil || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Body error %q", err)
	}
}

func TestFIFOsOfEveryFormatAreNotOpened(t *testing.T) {
	dir := t.TempDir()
	names := []string{"pipe.json", "pipe.jsonl", "pipe.csv", "pipe.html"}
	for _, n := range names {
		if err := syscall.Mkfifo(filepath.Join(dir, n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, paths := range [][]string{{dir}, {filepath.Join(dir, "pipe.json"), filepath.Join(dir, "pipe.html")}} {
		srcs, err := SourcesFromPaths(paths)
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan []Skip, 1)
		go func() {
			_, sk, _ := Load(context.Background(), srcs, Options{})
			done <- sk
		}()
		select {
		case sk := <-done:
			if len(sk) == 0 {
				t.Errorf("%v: no skips", paths)
			}
			for _, s := range sk {
				if s.Reason != ReasonNotRegular {
					t.Errorf("%v: skip %v, want %q", paths, s, ReasonNotRegular)
				}
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v: load blocks on a FIFO", paths)
		}
	}
}

func TestBodyOfARecordWhoseFileTurnedIntoAFIFO(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "jobs.json")
	write(t, file, `[{"title": "Rope Maker", "company": "Twine", "url": "https://twine.example/1", "description": "Make rope."}]`)
	srcs, _ := SourcesFromPaths([]string{dir})
	ps, _, err := Load(context.Background(), srcs, Options{})
	if err != nil || len(ps) != 1 {
		t.Fatalf("%v, %v", ps, err)
	}
	if b, err := Body(ps[0], 0); err != nil || !strings.Contains(b, "Make rope.") {
		t.Fatalf("Body: %q, %v", b, err)
	}
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(file, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Body(ps[0], 0)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "jobs.json#0") {
			t.Errorf("Body of a record in a FIFO: %v, want ErrNotRegular naming the record", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Body blocks on a FIFO")
	}
}
