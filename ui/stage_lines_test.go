package ui

import (
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// trackFixture puts a through applied (12 Nov) and interviewing (20 Nov)
// with a follow-up due yesterday, and c in applied, in st.
func trackFixture(t *testing.T, m *Model, st *model.Store) {
	t.Helper()
	a, _ := collection(m).ByID("a")
	c, _ := collection(m).ByID("c")
	for _, err := range []error{
		st.SetStage(a, model.StageApplied, testNow.AddDate(0, 0, -8)),
		st.SetStage(a, model.StageInterviewing, testNow.Add(-time.Hour)),
		st.SetFollowUp(a, testNow.AddDate(0, 0, -1)),
		st.SetStage(c, model.StageApplied, testNow.AddDate(0, 0, -3)),
		st.SetFollowUp(c, testNow.AddDate(0, 0, 5)),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	send(t, m, kp("j"), kp("k")) // redraw
}

func TestRowsHeaderAndStatusShowTheStage(t *testing.T) {
	m, st, _ := newStoreModel(t)
	trackFixture(t, m, st)
	send(t, m, kp("j")) // onto a
	s := screenText(m)
	for _, want := range []string{
		"Senior Backend Engineer interviewing due",
		"Data Analyst applied",
		"Stage    interviewing since 20 Nov",
		"Follow   Thu 19 Nov 2026 due",
		"History  applied 12 Nov · interviewing 20 Nov",
		"1 follow-up due",
	} {
		if !contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
}
