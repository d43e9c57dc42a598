package ui

import (
	"strings"
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

func TestStagePickerSetsStageDatedInThePast(t *testing.T) {
	m, st, path := newStoreModel(t)
	send(t, m, kp("j"), kp("a"))
	if _, ok := openOverlay(m).(*stagePicker); !ok {
		t.Fatalf("a opened %T, want the stage picker", openOverlay(m))
	}
	send(t, m, kp("d"))
	typeText(t, m, "2026-11-02x")
	send(t, m, kp("enter"))
	if o := openOverlay(m).(*stagePicker); o.err == "" || !o.typing {
		t.Fatal("a bad date was taken")
	}
	send(t, m, kp("backspace"))
	send(t, m, kp("enter"), kp("a"))
	tr := st.Track("a")
	if tr.Stage != model.StageApplied || tr.StageAt().Format("2006-01-02") != "2026-11-02" {
		t.Fatalf("stage %v at %v", tr.Stage, tr.StageAt())
	}
	if _, ok := openOverlay(m).(*followUpOverlay); !ok {
		t.Fatalf("applied offers no follow-up: %T", openOverlay(m))
	}
	send(t, m, kp("esc"))
	if !st.Track("a").FollowUp.IsZero() {
		t.Error("esc on the offer set a follow-up")
	}
	if got := reopen(t, path).Track("a"); got.Stage != model.StageApplied {
		t.Errorf("not saved: %v", got.Stage)
	}
}

func TestStagePickerCancelAndNone(t *testing.T) {
	m, st, _ := newStoreModel(t)
	send(t, m, kp("j"), kp("a"), kp("v"))
	if st.Track("a").Stage != model.StageInterviewing || openOverlay(m) != nil {
		t.Fatalf("v: %v, overlay %T", st.Track("a").Stage, openOverlay(m))
	}
	send(t, m, kp("a"), kp("esc"))
	if openOverlay(m) != nil || st.Track("a").Stage != model.StageInterviewing {
		t.Fatal("esc changed the stage or left the picker open")
	}
	send(t, m, kp("a"), kp("x"))
	if st.Track("a").Stage != model.StageNone {
		t.Errorf("x left %v", st.Track("a").Stage)
	}
}

func TestStepStageKeys(t *testing.T) {
	m, st, _ := newStoreModel(t)
	send(t, m, kp("j"), kp(">"))
	if st.Track("a").Stage != model.StageInterested {
		t.Fatalf("> from none: %v", st.Track("a").Stage)
	}
	send(t, m, kp(">")) // applied: offers a follow-up
	send(t, m, kp("enter"))
	send(t, m, kp(">"))
	tr := st.Track("a")
	if tr.Stage != model.StageInterviewing || len(tr.History) != 3 || tr.FollowUp.IsZero() {
		t.Fatalf("after >>>: %v, %d records, follow-up %v", tr.Stage, len(tr.History), tr.FollowUp)
	}
	if !strings.Contains(flashText(m), "interviewing → Senior Backend Engineer") {
		t.Errorf("status %q", flashText(m))
	}
	send(t, m, kp("<"))
	if st.Track("a").Stage != model.StageApplied {
		t.Errorf("< : %v", st.Track("a").Stage)
	}
}

func TestFollowUpKey(t *testing.T) {
	m, st, _ := newStoreModel(t)
	send(t, m, kp("j"), kp("f"))
	typeText(t, m, "2w")
	send(t, m, kp("enter"))
	if d := st.Track("a").FollowUp; !d.Equal(model.Day(testNow.AddDate(0, 0, 14))) {
		t.Fatalf("2w: %v", d)
	}
	send(t, m, kp("f"))
	typeText(t, m, "someday")
	send(t, m, kp("enter"))
	if o, ok := openOverlay(m).(*followUpOverlay); !ok || o.err == "" {
		t.Fatal("a bad day closed the editor")
	}
	send(t, m, kp("esc"), kp("f"), kp("enter"))
	if d := st.Track("a").FollowUp; !d.IsZero() {
		t.Errorf("enter on an empty input left %v", d)
	}
}

func TestFollowUpDaysFromPrefs(t *testing.T) {
	m, _, _ := newStoreModel(t)
	withPrefs(t, m, Prefs{FollowUps: map[model.Stage]int{model.StageApplied: 0, model.StageInterviewing: 3}})
	send(t, m, kp("j"), kp("a"), kp("a"))
	if openOverlay(m) != nil {
		t.Fatal("applied offered a follow-up the config turned off")
	}
	send(t, m, kp(">"))
	if o, ok := openOverlay(m).(*followUpOverlay); !ok || o.input.Value() != "3d" {
		t.Fatalf("interviewing offers %T", openOverlay(m))
	}
}
