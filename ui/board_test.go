package ui

import (
	"strings"
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

// boardOf is the board screen.
func boardOf(m *Model) *board { return m.board }

func TestBoardKeys(t *testing.T) {
	m, st, path := newStoreModel(t)
	trackFixture(t, m, st)
	send(t, m, kp("B"))
	s := screenText(m)
	for _, want := range []string{"interested (0)", "applied (1)", "interviewing (1)", "Data Analyst", "board · 2 tracked"} {
		if !contains(s, want) {
			t.Errorf("board lacks %q:\n%s", want, s)
		}
	}
	if p := selected(m); p == nil || p.ID != "c" {
		t.Fatalf("focus on %v, want the first card, c", p)
	}
	send(t, m, kp("l"))
	if p := selected(m); p == nil || p.ID != "a" {
		t.Fatalf("l: focus on %v, want a", p)
	}
	send(t, m, kp("h"), kp(">"))
	if st.Track("c").Stage != model.StageInterviewing || !st.Track("c").StageAt().Equal(testNow) {
		t.Fatalf("> moved c to %v", st.Track("c").Stage)
	}
	if reopen(t, path).Track("c").Stage != model.StageInterviewing {
		t.Error("the move was not saved")
	}
	b := boardOf(m)
	if len(b.cols[2].Cards) != 2 || b.col != 2 || selected(m).ID != "c" {
		t.Fatalf("after >: %d in interviewing, focus column %d on %v", len(b.cols[2].Cards), b.col, selected(m))
	}
	send(t, m, kp("j"))
	if selected(m).ID != "a" {
		t.Errorf("j: %v", selected(m).ID)
	}
	send(t, m, kp("k"), kp("<"))
	if st.Track("c").Stage != model.StageApplied {
		t.Errorf("< moved c to %v", st.Track("c").Stage)
	}
	send(t, m, kp("esc"))
	send(t, m, kp("esc")) // the applied offer's follow-up editor, then the board
	if m.on != browserScreen {
		t.Fatal("esc did not go back")
	}
	send(t, m, kp("B"), kp("B"))
	if m.on != browserScreen {
		t.Error("B did not go back")
	}
}

func TestBoardEnterOpensDetail(t *testing.T) {
	m, st, _ := newStoreModel(t)
	trackFixture(t, m, st)
	send(t, m, kp("/"))
	typeText(t, m, "front")
	send(t, m, kp("enter"), kp("B"), kp("l"), kp("enter"))
	if m.on != browserScreen || selected(m) == nil || selected(m).ID != "a" || focusOf(m) != 1 {
		t.Fatalf("enter: screen %d, selected %v, focus %v", m.on, selected(m), focusOf(m))
	}
	if queryOf(m) != "" {
		t.Errorf("the filter that hid the card stays: %q", queryOf(m))
	}
}

func TestBoardFilter(t *testing.T) {
	m, st, _ := newStoreModel(t)
	trackFixture(t, m, st)
	send(t, m, kp("B"), kp("/"))
	typeText(t, m, "is:due")
	send(t, m, kp("enter"))
	b := boardOf(m)
	if len(b.cols[1].Cards) != 0 || len(b.cols[2].Cards) != 1 || !contains(screenText(m), "query is:due") {
		t.Fatalf("is:due: %d applied, %d interviewing", len(b.cols[1].Cards), len(b.cols[2].Cards))
	}
	send(t, m, kp("esc")) // clears the filter
	if len(b.cols[1].Cards) != 1 || m.on != boardScreen {
		t.Errorf("esc: %d applied, screen %d", len(b.cols[1].Cards), m.on)
	}
}

func TestBoardScrollsSidewaysAt60x15(t *testing.T) {
	m, st, _ := newStoreModel(t)
	trackFixture(t, m, st)
	send(t, m, size(60, 15), kp("B"))
	lines := strings.Split(screenText(m), "\n")
	if len(lines) != 15 {
		t.Fatalf("%d lines", len(lines))
	}
	if !contains(screenText(m), "columns 1–2 of 6") {
		t.Errorf("not two columns at 60:\n%s", screenText(m))
	}
	for range 5 {
		send(t, m, kp("l"))
	}
	if s := screenText(m); !contains(s, "closed (0)") || contains(s, "applied (1)") {
		t.Errorf("the last column is not on screen:\n%s", s)
	}
}

// TestBoardKeysLiveAtOnce: the first key after B acts on the focused card,
// with no message in between to bring the bindings up to date.
func TestBoardKeysLiveAtOnce(t *testing.T) {
	m, st, _ := newStoreModel(t)
	trackFixture(t, m, st)
	m.Update(kp("B"))
	m.Update(kp(">"))
	if st.Track("c").Stage != model.StageInterviewing {
		t.Errorf("> right after B: %v", st.Track("c").Stage)
	}
}
