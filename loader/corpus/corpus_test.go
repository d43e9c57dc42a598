package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMakeItemDeterministicAndSized(t *testing.T) {
	shapes := map[Shape]int{}
	for i := range 200 {
		a, b := MakeItem(i, 1), MakeItem(i, 1)
		if !bytes.Equal(a.Data, b.Data) || a.Name != b.Name {
			t.Fatalf("item %d differs between calls", i)
		}
		if n := len(a.Data); n < 3000 || n > 4600 {
			t.Errorf("item %d (%v) is %d bytes, want ~3-4 KB", i, a.Shape, n)
		}
		shapes[a.Shape]++
	}
	if len(shapes) != int(numShapes) {
		t.Errorf("shapes generated: %v, want all %d", shapes, numShapes)
	}
	if bytes.Equal(MakeItem(3, 1).Data, MakeItem(3, 2).Data) {
		t.Error("different seeds gave the same item")
	}
}

func TestWriteFolders(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 1005, 7); err != nil {
		t.Fatal(err)
	}
	for folder, want := range map[string]int{"000": 1000, "001": 5} {
		ents, err := os.ReadDir(filepath.Join(dir, folder))
		if err != nil {
			t.Fatal(err)
		}
		if len(ents) != want {
			t.Errorf("%s holds %d files, want %d", folder, len(ents), want)
		}
	}
}

func TestPostings(t *testing.T) {
	ps := Postings(50, 3)
	if len(ps) != 50 {
		t.Fatalf("got %d postings", len(ps))
	}
	ids := map[string]bool{}
	for _, p := range ps {
		if p.Title == "" || p.Body == "" || p.Path == "" || ids[p.ID] {
			t.Errorf("bad posting %+v", p)
		}
		ids[p.ID] = true
		if strings.ContainsRune(p.Title, 0x1b) {
			t.Errorf("control in title %q", p.Title)
		}
	}
}

func TestEnsureWritesOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "c")
	wrote, err := Ensure(dir, 5, 1)
	if err != nil || !wrote {
		t.Fatalf("first Ensure: %v, %v", wrote, err)
	}
	extra := filepath.Join(dir, "mine.txt")
	if err := os.WriteFile(extra, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if wrote, err := Ensure(dir, 5, 1); err != nil || wrote {
		t.Errorf("second Ensure rewrote: %v, %v", wrote, err)
	}
	if _, err := os.Stat(extra); err != nil {
		t.Errorf("second Ensure touched the folder: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".complete"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if wrote, err := Ensure(dir, 5, 1); err != nil || !wrote {
		t.Errorf("Ensure over another version: %v, %v", wrote, err)
	}
	if _, err := os.Stat(extra); err == nil {
		t.Error("a rewrite kept an old file")
	}
}
