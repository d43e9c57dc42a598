//go:build linux || darwin

package loader

import (
	"os"
	"path/filepath"
	"testing"
)

// TestStatDirKeyIsThePathsKey checks that a file statted through its open
// folder gets the key a stat of its whole path gives, and that a file of
// another folder, or a folder that cannot be opened, still gets its key.
func TestStatDirKeyIsThePathsKey(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"sub/a.md", "other/b.md"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("# "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d := newDirFS(root)
	for _, c := range []struct{ dir, name string }{
		{"sub", "sub/a.md"},     // through the folder's handle
		{"sub", "other/b.md"},   // another folder: by its path
		{"gone", "other/b.md"},  // a folder that cannot be opened
		{"../x", "other/b.md"},  // not a path inside the FS
		{"other", "other/b.md"}, // the other folder's handle
	} {
		sd := openStatDir(d, c.dir)
		got, ok := sd.key(d, c.name)
		sd.Close()
		want, wok := statDir{}.key(d, c.name)
		if !ok || !wok || got != want || got.Ino == 0 || got.Size == 0 {
			t.Errorf("folder %s, file %s: key %+v (%v), want %+v (%v)", c.dir, c.name, got, ok, want, wok)
		}
	}
	sd := openStatDir(d, "sub")
	defer sd.Close()
	if _, ok := sd.key(d, "sub/missing.md"); ok {
		t.Error("a missing file has a key")
	}
}
