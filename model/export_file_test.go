package model

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestExportFileNameCountsUp(t *testing.T) {
	dir := t.TempDir()
	want := []string{
		"jobdeck-shortlist-2026-03-14.csv",
		"jobdeck-shortlist-2026-03-14-2.csv",
		"jobdeck-shortlist-2026-03-14-3.csv",
	}
	for _, name := range want {
		if got := ExportFileName(dir, exportNow, FormatCSV); got != filepath.Join(dir, name) {
			t.Fatalf("ExportFileName = %s, want %s", got, name)
		}
		f, err := CreateExportFile(dir, exportNow, FormatCSV)
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		if filepath.Base(f.Name()) != name {
			t.Errorf("CreateExportFile = %s, want %s", f.Name(), name)
		}
	}
	if got := ExportFileName(dir, exportNow, FormatMarkdown); filepath.Base(got) != "jobdeck-shortlist-2026-03-14.md" {
		t.Errorf("other format shares the counter: %s", got)
	}
}

func TestCreateExportFileConcurrentNeverShares(t *testing.T) {
	dir := t.TempDir()
	const n = 12
	names := make(chan string, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			f, err := CreateExportFile(dir, exportNow, FormatJSON)
			if err != nil {
				t.Error(err)
				return
			}
			f.Close()
			names <- f.Name()
		})
	}
	wg.Wait()
	close(names)
	seen := map[string]bool{}
	for name := range names {
		if seen[name] {
			t.Errorf("%s handed out twice", name)
		}
		seen[name] = true
	}
	if len(seen) != n {
		t.Errorf("%d distinct files, want %d", len(seen), n)
	}
}

func TestExportToDirKeepsExistingFile(t *testing.T) {
	ps, s := exportFixture(t)
	items := SelectForExport(ps, s, Selection{})
	dir := t.TempDir()
	first := filepath.Join(dir, "jobdeck-shortlist-2026-03-14.md")
	if err := os.WriteFile(first, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	path, err := ExportToDir(dir, Exporter{Format: FormatMarkdown, Now: exportNow}, items)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "jobdeck-shortlist-2026-03-14-2.md" {
		t.Errorf("exported to %s", path)
	}
	if b, _ := os.ReadFile(first); string(b) != "mine" {
		t.Errorf("existing file changed to %q", b)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "# Shortlist — 2026-03-14") {
		t.Errorf("export file = %q, %v", b, err)
	}
}

func TestExportToFileNeedsForce(t *testing.T) {
	ps, s := exportFixture(t)
	items := SelectForExport(ps, s, Selection{})
	x := Exporter{Format: FormatCSV, Now: exportNow}
	path := filepath.Join(t.TempDir(), "out.csv")
	if err := os.WriteFile(path, []byte("precious"), 0o640); err != nil {
		t.Fatal(err)
	}
	err := ExportToFile(path, false, x, items)
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("ExportToFile without force = %v, want ErrExist naming --force", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "precious" {
		t.Fatalf("file overwritten without --force: %q", b)
	}
	if err := ExportToFile(path, true, x, items); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "id,title,") {
		t.Errorf("forced export = %q, %v", b, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("forced export changed the mode to %v", fi.Mode().Perm())
	}

	fresh := filepath.Join(filepath.Dir(path), "fresh.csv")
	if err := ExportToFile(fresh, false, x, items); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error(err)
	}
}

func TestExportToFileRemovesPartialFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.md")
	err := ExportToFile(path, false, Exporter{Format: "pdf"}, nil)
	if !errors.Is(err, ErrUnknownFormat) {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("failed export left %s behind: %v", path, err)
	}
}

func TestExportToFileForceFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "link.json")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := ExportToFile(link, true, Exporter{Format: FormatJSON}, nil); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("symlink replaced by a file: %v", err)
	}
	if b, _ := os.ReadFile(real); string(b) != "[]\n" {
		t.Errorf("target = %q", b)
	}
}
