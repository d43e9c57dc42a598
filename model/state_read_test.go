package model

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestReadStateFileCapsSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(maxStateSize + 1); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	f.Close()
	if _, _, err := readStateFile(path); !errors.Is(err, ErrCorrupt) {
		t.Errorf("oversized file: %v, want ErrCorrupt", err)
	}
	s, err := OpenStore(path)
	if !errors.Is(err, ErrCorrupt) || s.ReadOnly() == nil {
		t.Errorf("OpenStore of an oversized file = %v", err)
	}
	if err := os.Truncate(path, 3); err != nil {
		t.Fatal(err)
	}
	if data, _, err := readStateFile(path); err != nil || len(data) != 3 {
		t.Errorf("small file: %d bytes, %v", len(data), err)
	}
}
