package loader

import (
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestDirFSIsAnFS checks the wrapper SourcesFromPaths uses against the
// fs.FS conformance tests, and its direct reads against Open.
func TestDirFSIsAnFS(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "# A\n")
	write(t, filepath.Join(dir, "sub", "b.txt"), "B\n")
	d := newDirFS(dir)
	if err := fstest.TestFS(d, "a.md", "sub/b.txt"); err != nil {
		t.Fatal(err)
	}
	_, direct, _, err := readCapped(d, "sub/b.txt", 100)
	if err != nil || string(direct) != "B\n" {
		t.Errorf("direct read = %q, %v", direct, err)
	}
	if _, _, _, err := readCapped(d, "../escape", 100); err == nil {
		t.Error("read outside the folder allowed")
	}
}
