package model

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fixedClock returns a clock that starts at start and moves one second per call.
func fixedClock(start time.Time) func() time.Time {
	t := start
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

func openTestStore(t *testing.T, path string) *Store {
	t.Helper()
	s, err := OpenStore(path)
	if err != nil {
		t.Fatalf("OpenStore(%s): %v", path, err)
	}
	return s
}

func statePosting(id, title string) *Posting {
	return &Posting{ID: id, Title: title, Company: "Quillfeather Labs", URL: "https://jobs.example/" + id}
}

func TestStoreRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deep", "jobdeck", "state.json")
	s := openTestStore(t, path)
	s.now = fixedClock(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	if s.Dirty() {
		t.Fatal("fresh store is dirty")
	}
	a, b := statePosting("a1", "Backend Gardener"), statePosting("b2", "Data Cartographer")

	on, err := s.ToggleShortlist(a)
	if err != nil || !on {
		t.Fatalf("ToggleShortlist = %v, %v; want true, nil", on, err)
	}
	if err := s.SetTags(b, ParseTags("Remote, go  go,#urgent")); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(b, "Call Dana on Tuesday.\nAsk about <on-call> & pay."); err != nil {
		t.Fatal(err)
	}
	if !s.Dirty() {
		t.Fatal("store with changes is not dirty")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("file exists before Save: %v", err)
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if s.Dirty() {
		t.Fatal("dirty after Save")
	}
	for name, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700} {
		fi, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s mode = %v, want %v", name, got, want)
		}
	}

	r := openTestStore(t, path)
	if !r.Shortlisted("a1") || r.Shortlisted("b2") {
		t.Errorf("shortlist after reopen: a1=%v b2=%v", r.Shortlisted("a1"), r.Shortlisted("b2"))
	}
	if got, want := r.Tags("b2"), []string{"Remote", "go", "#urgent"}; !slices.Equal(got, want) {
		t.Errorf("Tags(b2) = %q, want %q", got, want)
	}
	e, ok := r.Get("b2")
	if !ok {
		t.Fatal("b2 missing after reopen")
	}
	if e.Note != "Call Dana on Tuesday.\nAsk about <on-call> & pay." {
		t.Errorf("note = %q", e.Note)
	}
	if e.Title != "Data Cartographer" || e.Company != "Quillfeather Labs" || e.URL != "https://jobs.example/b2" {
		t.Errorf("snapshot = %q %q %q", e.Title, e.Company, e.URL)
	}
	if want := time.Date(2026, 3, 1, 9, 0, 3, 0, time.UTC); !e.Updated.Equal(want) {
		t.Errorf("updated = %v, want %v", e.Updated, want)
	}
	if got, want := r.AllTags(), []string{"#urgent", "go", "Remote"}; !slices.Equal(got, want) {
		t.Errorf("AllTags = %q, want %q", got, want)
	}

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), "<on-call> & pay") {
		t.Errorf("file escapes HTML in notes:\n%s", raw)
	}
	var shape struct {
		Version  int                        `json:"version"`
		Postings map[string]json.RawMessage `json:"postings"`
	}
	if err := json.Unmarshal(raw, &shape); err != nil || shape.Version != StateVersion || len(shape.Postings) != 2 {
		t.Errorf("file shape: version %d, %d postings, err %v", shape.Version, len(shape.Postings), err)
	}
}

func TestStoreNoOpChangeIsNotDirty(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	p := statePosting("x", "Kiln Operator")
	if err := s.SetTags(p, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(p, "  \n"); err != nil {
		t.Fatal(err)
	}
	if s.Dirty() {
		t.Error("setting nothing made the store dirty")
	}
	if _, ok := s.Get("x"); ok {
		t.Error("setting nothing created an entry")
	}
}

func TestStoreUpdatedIsStrictlyIncreasing(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	frozen := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return frozen }
	p := statePosting("x", "Kiln Operator")
	var last time.Time
	for i := range 3 {
		if _, err := s.ToggleShortlist(p); err != nil {
			t.Fatal(err)
		}
		e, _ := s.Get("x")
		if i > 0 && !e.Updated.After(last) {
			t.Fatalf("change %d: updated %v not after %v", i, e.Updated, last)
		}
		last = e.Updated
	}
}

func TestStoreRejectsPostingWithoutID(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	if err := s.SetNote(&Posting{Title: "No id"}, "x"); err == nil {
		t.Error("SetNote on a posting without id succeeded")
	}
	if err := s.SetNote(nil, "x"); err == nil {
		t.Error("SetNote(nil) succeeded")
	}
}

func TestNilStoreReportsNothing(t *testing.T) {
	var s *Store
	if s.Shortlisted("a") || s.Tags("a") != nil || s.Dirty() || len(s.Entries()) != 0 {
		t.Error("nil store reports state")
	}
	if _, err := s.ToggleShortlist(statePosting("a", "t")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("nil store toggle err = %v", err)
	}
}

// Store is what the filter reads tag: and is:shortlisted from.
var _ Annotations = (*Store)(nil)

func TestStoreConcurrentReadersAndWriter(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	p := statePosting("p", "Cartwright")
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				_ = s.Shortlisted("p")
				if tags := s.Tags("p"); len(tags) > 0 {
					tags[0] = "scribbled" // a caller's copy: must not reach the store
				}
				_ = s.AllTags()
			}
		})
	}
	for i := range 200 {
		if err := s.SetTags(p, []string{"t", strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ToggleShortlist(p); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	wg.Wait()
	if got := s.Tags("p"); !slices.Equal(got, []string{"t", "199"}) {
		t.Errorf("tags = %q", got)
	}
}

func TestAllTagsFollowsChanges(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	if got := s.AllTags(); len(got) != 0 {
		t.Errorf("empty store: AllTags = %q", got)
	}
	if err := s.SetTags(statePosting("a", "Cook"), []string{"go", "Remote"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTags(statePosting("b", "Cook"), []string{"remote", "Ada"}); err != nil {
		t.Fatal(err)
	}
	if got, want := s.AllTags(), []string{"Ada", "go", "Remote"}; !slices.Equal(got, want) {
		t.Errorf("AllTags = %q, want %q", got, want)
	}
	got := s.AllTags()
	got[0] = "changed by the caller"
	if err := s.SetTags(statePosting("a", "Cook"), nil); err != nil {
		t.Fatal(err)
	}
	if got, want := s.AllTags(), []string{"Ada", "remote"}; !slices.Equal(got, want) {
		t.Errorf("after a change: AllTags = %q, want %q", got, want)
	}
}

func TestShortlistedIDsFollowsChanges(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	for _, id := range []string{"c", "a", "b"} {
		if err := s.SetShortlisted(statePosting(id, "Cook"), true); err != nil {
			t.Fatal(err)
		}
	}
	if got := s.ShortlistedIDs(); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("ShortlistedIDs = %q", got)
	}
	s.ShortlistedIDs()[0] = "changed by the caller"
	if err := s.SetShortlisted(statePosting("b", "Cook"), false); err != nil {
		t.Fatal(err)
	}
	if got := s.ShortlistedIDs(); !slices.Equal(got, []string{"a", "c"}) {
		t.Errorf("after a change: ShortlistedIDs = %q", got)
	}
	var none *Store
	if none.ShortlistedIDs() != nil {
		t.Error("a nil store has no shortlist")
	}
}
