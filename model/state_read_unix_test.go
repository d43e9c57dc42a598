//go:build unix

package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// openWithin runs OpenStore on path and fails the test if it does not
// return within a few seconds (a FIFO used to block it forever).
func openWithin(t *testing.T, path string) (*Store, error) {
	t.Helper()
	type result struct {
		s   *Store
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := OpenStore(path)
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		return r.s, r.err
	case <-time.After(5 * time.Second):
		t.Fatalf("OpenStore(%s) still blocked after 5s", path)
		return nil, nil
	}
}

func TestStoreRefusesFIFOAndDevices(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "state.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, link, os.DevNull, dir} {
		s, err := openWithin(t, path)
		if !errors.Is(err, ErrNotRegular) || !errors.Is(s.ReadOnly(), ErrNotRegular) {
			t.Errorf("OpenStore(%s) = %v, want ErrNotRegular and a read-only store", path, err)
		}
		if err := s.SetShortlisted(statePosting("a", "Cook"), true); !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s: a setter = %v, want ErrReadOnly", path, err)
		}
	}
	if _, err := openWithin(t, fifo); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("the message should say what the file is: %v", err)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", fi.Mode(), err)
	}
}

func TestSaveRefusesAFileThatTurnedIntoAFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := openTestStore(t, path)
	if err := s.SetShortlisted(statePosting("a", "Cook"), true); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Save() }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) || !s.Dirty() {
			t.Errorf("Save over a FIFO = %v (dirty %v), want ErrNotRegular and the change kept", err, s.Dirty())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Save blocked on a FIFO")
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", fi.Mode(), err)
	}
}
