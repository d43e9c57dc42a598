package model

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

var trackT0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

func TestStoreSetStageRecordsHistory(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	s.now = fixedClock(trackT0.AddDate(0, 0, 20))
	p := statePosting("p", "Backend Engineer")
	past := trackT0
	if err := s.SetStage(p, StageApplied, past); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStage(p, StageInterviewing, time.Time{}); err != nil {
		t.Fatal(err)
	}
	e, _ := s.Get(p.ID)
	if e.Stage != StageInterviewing || len(e.History) != 2 || e.History[0] != (StageChange{StageApplied, past}) || e.History[1].Stage != StageInterviewing {
		t.Fatalf("entry = %+v", e)
	}
	// The same stage again corrects its date.
	fixed := trackT0.AddDate(0, 0, 10)
	if err := s.SetStage(p, StageInterviewing, fixed); err != nil {
		t.Fatal(err)
	}
	e, _ = s.Get(p.ID)
	if len(e.History) != 2 || !e.StageAt().Equal(fixed) {
		t.Errorf("after correcting the date: %+v", e.History)
	}
	if tr := s.Track(p.ID); tr.Stage != StageInterviewing || len(tr.History) != 2 {
		t.Errorf("Track = %+v", tr)
	}
	if err := s.SetStage(p, Stage(99), time.Time{}); err == nil {
		t.Error("an invalid stage was accepted")
	}
}

func TestStoreStepStage(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	s.now = fixedClock(trackT0)
	a, b, c := statePosting("a", "A"), statePosting("b", "B"), statePosting("c", "C")
	must(t, s.SetStage(b, StageOffer, time.Time{}))
	must(t, s.SetStage(c, StageRejected, time.Time{}))
	moved, err := s.StepStage([]*Posting{a, b, c}, true, time.Time{})
	if err != nil || moved != 2 {
		t.Fatalf("StepStage forward moved %d, %v", moved, err)
	}
	if s.Track("a").Stage != StageInterested || s.Track("b").Stage != StageAccepted || s.Track("c").Stage != StageRejected {
		t.Errorf("stages after >: %v %v %v", s.Track("a").Stage, s.Track("b").Stage, s.Track("c").Stage)
	}
	if moved, _ := s.StepStage([]*Posting{b}, false, time.Time{}); moved != 1 || s.Track("b").Stage != StageOffer {
		t.Errorf("StepStage back: moved %d, stage %v", moved, s.Track("b").Stage)
	}
	if msg, _ := s.Undo(); msg != "undid: offer → Quillfeather Labs B" {
		t.Errorf("Undo of one step back = %q", msg)
	}
	if msg, _ := s.Undo(); msg != "undid: next stage → 2 postings" {
		t.Errorf("Undo of a bulk step = %q", msg)
	}
	if s.Track("a").Stage != StageNone || s.Track("b").Stage != StageOffer {
		t.Errorf("after undoing the bulk step: %v %v", s.Track("a").Stage, s.Track("b").Stage)
	}
}

func TestStoreBulkSettersAreOneStep(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	s.now = fixedClock(trackT0)
	ps := []*Posting{statePosting("a", "A"), statePosting("b", "B"), statePosting("c", "C")}
	must(t, s.SetTags(ps[0], []string{"keep"}))
	must(t, s.AddTags(ps, []string{"remote", "Keep"}))
	for _, p := range ps {
		if !slices.ContainsFunc(s.Tags(p.ID), func(t string) bool { return sameTag(t, "remote") }) {
			t.Errorf("%s tags = %v", p.ID, s.Tags(p.ID))
		}
	}
	if got := s.Tags("a"); !slices.Equal(got, []string{"keep", "remote"}) {
		t.Errorf("a tags = %v", got)
	}
	must(t, s.SetFollowUpAll(ps, time.Date(2026, 12, 15, 18, 0, 0, 0, time.UTC)))
	if fu := s.Track("c").FollowUp; !fu.Equal(time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("follow-up = %v", fu)
	}
	if msg, err := s.Undo(); err != nil || msg != "undid: follow-up 2026-12-15 → 3 postings" {
		t.Errorf("Undo = %q, %v", msg, err)
	}
	for _, p := range ps {
		if !s.Track(p.ID).FollowUp.IsZero() {
			t.Errorf("%s still has a follow-up after one undo", p.ID)
		}
	}
	if msg, _ := s.Undo(); msg != "undid: tag +remote +Keep → 3 postings" {
		t.Errorf("second Undo = %q", msg)
	}
	if got := s.Tags("b"); got != nil {
		t.Errorf("b tags after undo = %v", got)
	}
	must(t, s.RemoveTags(ps, []string{"KEEP"}))
	if got := s.Tags("a"); got != nil {
		t.Errorf("a tags after RemoveTags = %v", got)
	}
}

// Two jobdecks on one file record stage changes of the same postings at
// the same time: every change reaches the history.
func TestStoresRecordingStagesAtOnceLoseNone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, b := openTestStore(t, path), openTestStore(t, path)
	a.now = fixedClock(trackT0)
	b.now = fixedClock(trackT0.Add(time.Minute))
	const n = 20
	var wg sync.WaitGroup
	for _, s := range []*Store{a, b} {
		wg.Go(func() {
			for i := range n {
				p := statePosting(fmt.Sprintf("p%d", i%4), "Role")
				st := StageApplied
				if s == b {
					st = StageInterviewing
				}
				if err := s.SetStage(p, st, trackT0.Add(time.Duration(i)*time.Hour)); err != nil {
					t.Error(err)
				}
				if err := s.Save(); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	// Same-stage-again corrects the date, so each store leaves its latest
	// record per posting; both stores' records must be there.
	c := openTestStore(t, path)
	for i := range 4 {
		h := c.Track(fmt.Sprintf("p%d", i)).History
		var stages []Stage
		for _, r := range h {
			stages = append(stages, r.Stage)
		}
		if !slices.Contains(stages, StageApplied) || !slices.Contains(stages, StageInterviewing) {
			t.Errorf("p%d history %v lost a store's change", i, h)
		}
	}
}

// Two stores that each add a record to the same posting's history without
// seeing the other's: both records are kept, and the stage goes to the
// newer change.
func TestStoresAddingHistoryBothKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, b := openTestStore(t, path), openTestStore(t, path)
	a.now = fixedClock(trackT0)
	b.now = fixedClock(trackT0.Add(time.Hour))
	p := statePosting("p", "Role")
	must(t, a.SetStage(p, StageApplied, trackT0.AddDate(0, 0, -3)))
	must(t, b.SetStage(p, StageInterested, trackT0.AddDate(0, 0, -5)))
	must(t, b.SetFollowUp(p, trackT0.AddDate(0, 0, 7)))
	mustSave(t, a)
	mustSave(t, b)
	c := openTestStore(t, path)
	tr := c.Track("p")
	want := []StageChange{{StageInterested, trackT0.AddDate(0, 0, -5)}, {StageApplied, trackT0.AddDate(0, 0, -3)}}
	if !slices.Equal(tr.History, want) || tr.Stage != StageInterested || tr.FollowUp.IsZero() {
		t.Errorf("merged = %+v, want history %v, stage interested (newer), a follow-up", tr, want)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestStoreRefusesDatesTheFileCannotHold(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	p := statePosting("p", "Role")
	far := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := s.SetStage(p, StageApplied, far); !errors.Is(err, ErrBadDate) {
		t.Errorf("SetStage in year 10000: %v", err)
	}
	if err := s.SetFollowUp(p, far); !errors.Is(err, ErrBadDate) {
		t.Errorf("SetFollowUp in year 10000: %v", err)
	}
	if _, err := s.StepStage([]*Posting{p}, true, far); !errors.Is(err, ErrBadDate) {
		t.Errorf("StepStage in year 10000: %v", err)
	}
	if s.Dirty() {
		t.Error("a refused change left the store dirty")
	}
}

func TestTrackedIDs(t *testing.T) {
	st, err := OpenStore(filepath.Join(t.TempDir(), "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := &Posting{ID: "a"}, &Posting{ID: "b"}, &Posting{ID: "c"}
	for _, err := range []error{st.SetStage(a, StageApplied, time.Time{}), st.SetShortlisted(b, true), st.SetStage(c, StageGhosted, time.Time{}), st.SetStage(c, StageNone, time.Time{})} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := st.TrackedIDs(); !slices.Equal(got, []string{"a"}) {
		t.Errorf("TrackedIDs = %q, want only a (b has no stage, c stopped)", got)
	}
}
