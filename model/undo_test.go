package model

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestUndoRedoDescribesEachStep(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	s.now = fixedClock(trackT0)
	p := &Posting{ID: "p", Title: "Backend Engineer", Company: "Acme"}
	must(t, s.SetStage(p, StageApplied, time.Time{}))
	must(t, s.SetNote(p, "called"))
	_, err := s.ToggleShortlist(p)
	must(t, err)
	steps := []string{"shortlisted → Acme Backend Engineer", "note → Acme Backend Engineer", "applied → Acme Backend Engineer"}
	for _, want := range steps {
		if got, err := s.Undo(); err != nil || got != "undid: "+want {
			t.Errorf("Undo = %q, %v; want %q", got, err, "undid: "+want)
		}
	}
	if e, _ := s.Get("p"); !e.Empty() {
		t.Errorf("after undoing everything: %+v", e)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("Undo on an empty stack: %v", err)
	}
	if got, _ := s.Redo(); got != "redid: "+steps[2] {
		t.Errorf("Redo = %q", got)
	}
	if e, _ := s.Get("p"); e.Stage != StageApplied || len(e.History) != 1 {
		t.Errorf("after redo: %+v", e)
	}
	must(t, s.SetNote(p, "new change ends redo"))
	if _, err := s.Redo(); !errors.Is(err, ErrNothingToRedo) || s.CanRedo() {
		t.Errorf("Redo after a new change: %v", err)
	}
}

// Undo takes back only the fields its step changed, through the same merge
// as any change: what another jobdeck saved meanwhile survives.
func TestUndoKeepsAnotherStoresChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, b := openTestStore(t, path), openTestStore(t, path)
	a.now = fixedClock(trackT0)
	b.now = fixedClock(trackT0.Add(time.Hour))
	p := statePosting("p", "Role")
	q := statePosting("q", "Other")
	must(t, a.SetNote(p, "before"))
	mustSave(t, a)
	must(t, b.Refresh())

	must(t, a.SetStage(p, StageApplied, time.Time{}))
	must(t, a.SetNote(p, "mine"))
	mustSave(t, a)

	// b, which has not seen a's stage change, saves other changes.
	must(t, b.SetTags(p, []string{"theirs"}))
	must(t, b.SetStage(p, StageInterested, trackT0.AddDate(0, 0, -9)))
	must(t, b.SetShortlisted(q, true))
	mustSave(t, b)

	for range 2 { // the note, then a's stage change
		if _, err := a.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	mustSave(t, a)
	e, _ := openTestStore(t, path).Get("p")
	if e.Note != "before" {
		t.Errorf("note = %q, want a's undo back to %q", e.Note, "before")
	}
	if !slices.Equal(e.Tags, []string{"theirs"}) {
		t.Errorf("tags = %v: b's change lost", e.Tags)
	}
	if len(e.History) != 1 || e.History[0].Stage != StageInterested {
		t.Errorf("history = %v, want only b's record (a's undone)", e.History)
	}
	if got, _ := openTestStore(t, path).Get("q"); !got.Shortlisted {
		t.Error("b's shortlist of another posting lost")
	}
}

func TestUndoStackIsBounded(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	p := statePosting("p", "Role")
	for i := range maxUndo + 50 {
		must(t, s.SetNote(p, fmt.Sprint("note ", i)))
	}
	n := 0
	for s.CanUndo() {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != maxUndo || maxUndo < 100 {
		t.Errorf("undid %d steps, want %d (≥ 100)", n, maxUndo)
	}
	if got := s.Note("p"); got != "note 49" {
		t.Errorf("oldest kept state = %q", got)
	}
}

func TestUndoOnReadOnlyStore(t *testing.T) {
	s, _ := OpenStore("")
	if _, err := s.Undo(); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Undo on a read-only store: %v", err)
	}
	var nilStore *Store
	if _, err := nilStore.Redo(); !errors.Is(err, ErrReadOnly) || nilStore.CanUndo() {
		t.Errorf("nil store Redo: %v", err)
	}
}

// A field this store has seen another jobdeck change since the step keeps
// that change: undo only takes back what is still this store's doing.
func TestUndoKeepsANewerChangeItHasSeen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, b := openTestStore(t, path), openTestStore(t, path)
	a.now = fixedClock(trackT0)
	b.now = fixedClock(trackT0.Add(time.Hour))
	p := &Posting{ID: "p", Title: "Backend Engineer", Company: "Acme"}
	must(t, a.SetNote(p, "mine"))
	must(t, a.SetStage(p, StageApplied, trackT0.AddDate(0, 0, -2)))
	mustSave(t, a)
	must(t, b.Refresh())
	must(t, b.SetNote(p, "theirs"))
	must(t, b.SetStage(p, StageInterviewing, trackT0))
	mustSave(t, b)
	must(t, a.Refresh()) // the terminal got the focus back

	msg, err := a.Undo() // the stage: b moved it on since
	if err != nil || msg != "undid: applied → Acme Backend Engineer; kept a newer change from elsewhere" {
		t.Errorf("Undo = %q, %v", msg, err)
	}
	e, _ := a.Get("p")
	if e.Stage != StageInterviewing || len(e.History) != 1 || e.History[0].Stage != StageInterviewing {
		t.Errorf("after undoing the stage: stage %v, history %v; want b's interviewing, a's record gone", e.Stage, e.History)
	}
	if msg, _ := a.Undo(); msg != "undid: note → Acme Backend Engineer; kept a newer change from elsewhere" {
		t.Errorf("second Undo = %q", msg)
	}
	mustSave(t, a)
	if e, _ := openTestStore(t, path).Get("p"); e.Note != "theirs" || e.Stage != StageInterviewing {
		t.Errorf("file after the undos: note %q, stage %v", e.Note, e.Stage)
	}
}
