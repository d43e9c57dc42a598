package ui

import (
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

func TestStatsScreen(t *testing.T) {
	m, st, _ := newStoreModel(t)
	trackFixture(t, m, st)
	send(t, m, kp("I"))
	if m.on != statsScreenID {
		t.Fatal("I did not show the stats")
	}
	s := screenText(m)
	for _, want := range []string{"applied         1", "interviewing    1", "Response rate     50% (1 of 2)", "Median to answer  8 days (1 answered)", "3d Data Analyst — Tinderbox Analytics", "09 Nov   1 ██"} {
		if !contains(s, want) {
			t.Errorf("stats lack %q:\n%s", want, s)
		}
	}
	d, _ := collection(m).ByID("d")
	if err := st.SetStage(d, model.StageApplied, testNow); err != nil {
		t.Fatal(err)
	}
	send(t, m, kp("u")) // undo that change through the keys: the screen follows the store
	if s := screenText(m); !contains(s, "(1 of 2)") {
		t.Errorf("after undo:\n%s", s)
	}
	send(t, m, kp("esc"))
	if m.on != browserScreen {
		t.Error("esc did not go back")
	}
	send(t, m, kp("I"), kp("I"))
	if m.on != browserScreen {
		t.Error("I did not go back")
	}
}
