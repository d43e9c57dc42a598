package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

func TestMarkKeysAndBulkShortlist(t *testing.T) {
	m, st, path := newStoreModel(t)
	send(t, m, kp(" "))
	if len(m.c.marks) != 1 || cursor(m) != 1 {
		t.Fatalf("space: %d marked, cursor %d", len(m.c.marks), cursor(m))
	}
	send(t, m, kp(" "))
	if s := screenText(m); !contains(s, "● 2 marked") || strings.Count(s, "● ") != 3 {
		t.Errorf("no mark column or count:\n%s", s)
	}
	send(t, m, kp("s"))
	if !st.Shortlisted("a") || !st.Shortlisted("b") || st.Shortlisted("c") {
		t.Error("s did not shortlist exactly the marked postings")
	}
	if !reopen(t, path).Shortlisted("b") {
		t.Error("the bulk change was not saved")
	}
	send(t, m, kp("u"))
	if st.Shortlisted("a") || st.Shortlisted("b") {
		t.Error("one u did not undo the whole bulk change")
	}
	if !strings.Contains(flashText(m), "undid: shortlisted → 2 postings") {
		t.Errorf("undo says %q", flashText(m))
	}
	send(t, m, kp("ctrl+r"))
	if !st.Shortlisted("a") || !st.Shortlisted("b") || !strings.Contains(flashText(m), "redid") {
		t.Errorf("ctrl+r did not redo: %q", flashText(m))
	}
	send(t, m, kp("esc"))
	if len(m.c.marks) != 0 || contains(screenText(m), "marked") {
		t.Error("esc left the marks")
	}
	send(t, m, kp("V"))
	if len(m.c.marks) != 4 {
		t.Errorf("V marked %d of 4", len(m.c.marks))
	}
}

func TestBulkStageFollowUpAndTags(t *testing.T) {
	m, st, _ := newStoreModel(t)
	send(t, m, kp(" "), kp(" ")) // b and a
	send(t, m, kp("a"), kp("a")) // applied, then the follow-up offer
	send(t, m, kp("enter"))
	for _, id := range []string{"a", "b"} {
		if tr := st.Track(id); tr.Stage != model.StageApplied || tr.FollowUp.IsZero() {
			t.Errorf("%s: %v, follow-up %v", id, tr.Stage, tr.FollowUp)
		}
	}
	send(t, m, kp(">"))
	if st.Track("a").Stage != model.StageInterviewing || st.Track("b").Stage != model.StageInterviewing {
		t.Error("> did not move both")
	}
	send(t, m, kp("f"))
	typeText(t, m, "mon")
	send(t, m, kp("enter"))
	if !st.Track("a").FollowUp.Equal(st.Track("b").FollowUp) || st.Track("a").FollowUp.Weekday().String() != "Monday" {
		t.Errorf("f mon: %v, %v", st.Track("a").FollowUp, st.Track("b").FollowUp)
	}
	send(t, m, kp("t"))
	typeText(t, m, "go remote")
	send(t, m, kp("enter"), kp("t"))
	typeText(t, m, "-go")
	send(t, m, kp("enter"))
	if got := st.Tags("b"); !slices.Equal(got, []string{"remote"}) {
		t.Errorf("b's tags %q", got)
	}
	for range 4 {
		send(t, m, kp("u"))
	}
	if st.Track("a").Stage != model.StageApplied || len(st.Tags("a")) != 0 {
		t.Errorf("four undos: %v, tags %q", st.Track("a").Stage, st.Tags("a"))
	}
	send(t, m, kp("u"), kp("u"), kp("u"))
	if st.Track("a").Stage != model.StageNone {
		t.Errorf("all undone: %v", st.Track("a").Stage)
	}
	send(t, m, kp("u"))
	if flashText(m) != "nothing to undo" {
		t.Errorf("u with nothing left: %q", flashText(m))
	}
}
