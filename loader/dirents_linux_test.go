package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// TestReadDirentsIsOSReadDir checks that readDirents gives a folder's
// entries as os.ReadDir does, names and types, sorted: regular files,
// folders, symlinks (to a file, a folder, nothing), a named pipe, hidden
// and non-UTF-8 names, and enough long names that getdents is called
// several times.
func TestReadDirentsIsOSReadDir(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "# A\n")
	write(t, filepath.Join(dir, ".hidden.md"), "# H\n")
	write(t, filepath.Join(dir, "caf\xe9.md"), "# C\n")
	write(t, filepath.Join(dir, "sub", "inner.md"), "# I\n")
	for name, target := range map[string]string{"to-file": "a.md", "to-dir": "sub", "broken": "nowhere"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	long := fmt.Sprintf("%0200d", 0)
	for i := range 3 * direntBufBytes / 200 {
		write(t, filepath.Join(dir, fmt.Sprintf("%s-%04d.md", long, i)), "")
	}
	want, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var buf []byte
	for range 2 { // the second time with the buffer of the first
		got, err := newDirFS(dir).readDirents(".", &buf)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%d entries, want %d", len(got), len(want))
		}
		for i, de := range want {
			if got[i].name != de.Name() || got[i].typ != de.Type() {
				t.Fatalf("entry %d: %q %v, want %q %v", i, got[i].name, got[i].typ, de.Name(), de.Type())
			}
		}
		if !slices.IsSortedFunc(got, compareDirents) {
			t.Fatal("not sorted")
		}
	}
	if _, err := newDirFS(dir).readDirents("a.md", &buf); err == nil {
		t.Error("a file read as a folder")
	}
	if _, err := newDirFS(dir).readDirents("missing", &buf); err == nil {
		t.Error("a missing folder read")
	}
}
