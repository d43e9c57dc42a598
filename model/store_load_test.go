package model

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestNewStoreLoadsLater(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte(`{"version":1,"postings":{"a":{"shortlisted":true,"tags":["go"]}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	s := NewStore(path)
	if !errors.Is(s.ReadOnly(), ErrLoading) || s.Shortlisted("a") || len(s.AllTags()) != 0 {
		t.Errorf("before Load: ReadOnly %v, shortlisted %v, tags %q", s.ReadOnly(), s.Shortlisted("a"), s.AllTags())
	}
	if err := s.SetNote(statePosting("a", "Cook"), "n"); !errors.Is(err, ErrReadOnly) || !errors.Is(err, ErrLoading) {
		t.Errorf("a change before Load = %v, want ErrReadOnly and ErrLoading", err)
	}
	if err := s.Save(); err != nil {
		t.Errorf("Save before Load = %v, want nothing to do", err)
	}

	var wg sync.WaitGroup // the UI reads while a Cmd loads
	for range 4 {
		wg.Go(func() {
			for range 100 {
				_ = s.Shortlisted("a")
				_ = s.AllTags()
			}
		})
	}
	if err := s.Load(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if s.ReadOnly() != nil || !s.Shortlisted("a") || s.AllTags()[0] != "go" {
		t.Errorf("after Load: ReadOnly %v, shortlisted %v, tags %q", s.ReadOnly(), s.Shortlisted("a"), s.AllTags())
	}
	if err := s.Load(); err != nil || !s.Shortlisted("a") {
		t.Errorf("a second Load = %v and must change nothing", err)
	}

	bad := NewStore(filepath.Join(t.TempDir(), "bad.json"))
	if err := os.WriteFile(bad.Path(), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err, again := bad.Load(), bad.Load(); !errors.Is(err, ErrCorrupt) || err != again || !errors.Is(bad.ReadOnly(), ErrCorrupt) {
		t.Errorf("Load of a corrupt file = %v then %v, ReadOnly %v", err, again, bad.ReadOnly())
	}
}
