package model

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestLockIsExclusiveAndReleased(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	first, err := lockStateFile(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path + ".lock")
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("lock file: %v, %v", fi, err)
	}
	if _, err := lockStateFile(path, 20*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Fatalf("second lock while held = %v, want ErrLocked", err)
	}
	released := make(chan error, 1)
	go func() {
		time.Sleep(30 * time.Millisecond)
		released <- first.unlock()
	}()
	second, err := lockStateFile(path, 5*time.Second)
	if err != nil {
		t.Fatalf("waiting lock after release: %v", err)
	}
	if err := <-released; err != nil {
		t.Fatal(err)
	}
	if err := second.unlock(); err != nil {
		t.Fatal(err)
	}
}

func TestLockNeedsFolder(t *testing.T) {
	if _, err := lockStateFile(filepath.Join(t.TempDir(), "no", "state.json"), time.Millisecond); err == nil {
		t.Error("locking in a missing folder succeeded")
	}
}
