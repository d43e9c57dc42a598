package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A Refresh that brings in another store's change to an entry with an
// unsaved change here must not let the next Save trust its own view: the
// other change would be lost.
func TestSaveAfterRefreshKeepsTheOtherStoresChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	mine, theirs := openTestStore(t, path), openTestStore(t, path)
	p := statePosting("x", "Rigger")
	if err := mine.SetNote(p, "mine"); err != nil {
		t.Fatal(err)
	}
	if err := theirs.SetShortlisted(p, true); err != nil {
		t.Fatal(err)
	}
	mustSave(t, theirs)
	if err := mine.Refresh(); err != nil {
		t.Fatal(err)
	}
	mustSave(t, mine)
	back := openTestStore(t, path)
	if e, _ := back.Get("x"); !e.Shortlisted || e.Note != "mine" {
		t.Errorf("after refresh and save: %+v, want both stores' changes", e)
	}
}

func TestSavesInARowKeepEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	orig := `{"version":1,"top":{"k":[1,2]},"postings":{"a":{"shortlisted":true,"rating":4}}}`
	if err := os.WriteFile(path, []byte(orig), 0o600); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path)
	for i, id := range []string{"b", "c", "a"} {
		if err := s.SetNote(statePosting(id, "Rigger"), strings.Repeat("n", i+1)); err != nil {
			t.Fatal(err)
		}
		mustSave(t, s)
	}
	// An edit in place by hand (same inode) is seen by the next save.
	raw, _ := os.ReadFile(path)
	edited := strings.Replace(string(raw), `"note": "n",`, `"note": "by hand",`, 1)
	if edited == string(raw) {
		t.Fatalf("fixture: no note to edit in\n%s", raw)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(edited); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := s.SetShortlisted(statePosting("c", "Rigger"), true); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)

	back := openTestStore(t, path)
	want := map[string]string{"a": "nnn", "b": "by hand", "c": "nn"}
	for id, note := range want {
		if got := back.Note(id); got != note {
			t.Errorf("%s: note %q, want %q", id, got, note)
		}
	}
	if !back.Shortlisted("a") || !back.Shortlisted("c") {
		t.Error("a shortlist flag was lost")
	}
	raw, _ = os.ReadFile(path)
	if !strings.Contains(string(raw), `"rating": 4`) || !strings.Contains(string(raw), `"top": {`) {
		t.Errorf("unknown fields were lost:\n%s", raw)
	}
}

// Saves of a large file alternate between splicing (the store's own last
// version) and merging a whole new read (the other store saved): nothing
// may be lost either way.
func TestLargeFileSavesFromTwoStores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	st := largeState(20_000)
	out, err := encodeState(st)
	if err != nil || len(out) <= stateIndentMax {
		t.Fatalf("fixture: %d bytes, %v", len(out), err)
	}
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	a, b := openTestStore(t, path), openTestStore(t, path)
	steps := []struct {
		s    *Store
		id   string
		note string
	}{{a, "p000001", "a1"}, {a, "new-a", "a2"}, {b, "p000002", "b1"}, {a, "p000001", "a3"}, {b, "new-b", "b2"}, {b, "p000003", "b3"}}
	for _, step := range steps {
		if err := step.s.SetNote(statePosting(step.id, "Rigger"), step.note); err != nil {
			t.Fatal(err)
		}
		mustSave(t, step.s)
	}
	back := openTestStore(t, path)
	want := map[string]string{"p000001": "a3", "new-a": "a2", "p000002": "b1", "new-b": "b2", "p000003": "b3", "p000004": "a note\nwith two lines"}
	for id, note := range want {
		if got := back.Note(id); got != note {
			t.Errorf("%s: note %q, want %q", id, got, note)
		}
	}
	if n := len(back.Entries()); n != 20_002 {
		t.Errorf("%d postings, want 20002", n)
	}
	raw, _ := os.ReadFile(path)
	if lines := strings.Count(string(raw), "\n"); lines != 20_002+2 {
		t.Errorf("%d line breaks, want one per posting and two more", lines)
	}
}

// Changes made while a large file is being spliced stay unsaved and reach
// the file with the next Save.
func TestLargeFileChangesDuringSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	out, err := encodeState(largeState(20_000))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path)
	p := statePosting("p000010", "Rigger")
	if err := s.SetNote(p, "first"); err != nil {
		t.Fatal(err)
	}
	s.afterWrite = func() {
		s.afterWrite = nil
		if err := s.SetNote(p, "during"); err != nil {
			t.Error(err)
		}
		if err := s.SetShortlisted(statePosting("brand-new", "Rigger"), true); err != nil {
			t.Error(err)
		}
	}
	mustSave(t, s)
	if !s.Dirty() || s.Note("p000010") != "during" {
		t.Fatalf("after the save: dirty %v, note %q; want the later change kept", s.Dirty(), s.Note("p000010"))
	}
	if got := openTestStore(t, path).Note("p000010"); got != "first" {
		t.Errorf("file holds %q, want the change taken for that save", got)
	}
	mustSave(t, s)
	back := openTestStore(t, path)
	if back.Note("p000010") != "during" || !back.Shortlisted("brand-new") || len(back.Entries()) != 20_001 {
		t.Errorf("after the next save: note %q, brand-new %v, %d postings", back.Note("p000010"), back.Shortlisted("brand-new"), len(back.Entries()))
	}
}
