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
	_, direct, _, err := readCapped(d, "sub/b.txt", 100, nil)
	if err != nil || string(direct) != "B\n" {
		t.Errorf("direct read = %q, %v", direct, err)
	}
	if _, _, _, err := readCapped(d, "../escape", 100, nil); err == nil {
		t.Error("read outside the folder allowed")
	}
}

func TestValidName(t *testing.T) {
	for name, want := range map[string]bool{
		".": true, "a": true, "a/b.md": true, "caf\xe9.md": true, "d\xff/x": true,
		"": false, "/a": false, "a/": false, "a//b": false, "./a": false, "a/..": false, "../a": false, "a\x00b": false,
	} {
		if got := validName(name); got != want {
			t.Errorf("validName(%q) = %v, want %v", name, got, want)
		}
	}
}
