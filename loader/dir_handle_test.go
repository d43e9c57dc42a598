//go:build linux || darwin

package loader

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// TestDirHandleKeyIsThePathsKey checks that a file statted through its open
// folder gets the key a stat of its whole path gives, and that a file of
// another folder, or a folder that cannot be opened, still gets its key.
func TestDirHandleKeyIsThePathsKey(t *testing.T) {
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
		sd := openDirHandle(d, c.dir)
		got, ok := sd.key(d, c.name)
		sd.Close()
		want, wok := dirHandle{}.key(d, c.name)
		if !ok || !wok || got != want || got.Ino == 0 || got.Size == 0 {
			t.Errorf("folder %s, file %s: key %+v (%v), want %+v (%v)", c.dir, c.name, got, ok, want, wok)
		}
	}
	sd := openDirHandle(d, "sub")
	defer sd.Close()
	if _, ok := sd.key(d, "sub/missing.md"); ok {
		t.Error("a missing file has a key")
	}
}

// TestDirHandleReadsItsFiles checks that a file of the handle's folder is
// read through it with the content a read by its path gives, that a file
// of another folder is read by its path, and that a missing file fails.
func TestDirHandleReadsItsFiles(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"sub/a.md": "# A\nbody", "b.md": "# B"} {
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d := newDirFS(root)
	h := openDirHandle(d, "sub")
	defer h.Close()
	if fd, ok, err := h.openFile("sub/a.md"); !ok || err != nil {
		t.Errorf("openFile(sub/a.md) = %d, %v, %v; want a file of the folder", fd, ok, err)
	} else {
		unix.Close(fd)
	}
	if _, ok, _ := h.openFile("b.md"); ok {
		t.Error("a file of another folder was opened through the handle")
	}
	for name, want := range map[string]string{"sub/a.md": "# A\nbody", "b.md": "# B"} {
		buf, data, _, err := readCappedIn(h, d, name, 1<<20, nil)
		if err != nil || string(data) != want {
			t.Errorf("readCappedIn(%s) = %q, %v; want %q", name, data, err, want)
		}
		if buf != nil {
			putBuf(buf)
		}
	}
	if _, _, _, err := readCappedIn(h, d, "sub/missing.md", 1<<20, nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want fs.ErrNotExist", err)
	}
}

// TestDirHandleBase checks which names are files of a handle's folder,
// for the top folder and a nested one.
func TestDirHandleBase(t *testing.T) {
	for _, c := range []struct {
		dir, name, base string
		in              bool
	}{
		{".", "a.md", "a.md", true},
		{".", "sub/a.md", "", false},
		{"sub", "sub/a.md", "a.md", true},
		{"sub", "sub/deeper/a.md", "", false},
		{"sub", "subway/a.md", "", false},
		{"sub", "other/a.md", "", false},
		{"sub", "sub", "", false},
		{"sub", "sub/", "", false},
		{"a/b", "a/b/c.md", "c.md", true},
		{"a/b", "a/bc.md", "", false},
	} {
		base, in := dirHandle{open: true, dir: c.dir}.base(c.name)
		if in != c.in || (in && base != c.base) {
			t.Errorf("folder %q, name %q: %q, %v; want %q, %v", c.dir, c.name, base, in, c.base, c.in)
		}
	}
	if _, in := (dirHandle{dir: "."}).base("a.md"); in {
		t.Error("a handle that is not open takes a file")
	}
}
