package ui

import (
	"slices"
	"testing"
)

func TestNewestFirstAndCursorMoves(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	want := []string{"Frontend Developer", "Senior Backend Engineer", "Data Analyst", "Platform Lead"}
	if got := titles(m); !slices.Equal(got, want) {
		t.Fatalf("rows = %q, want %q", got, want)
	}
	if m.sel == nil || m.sel.ID != "b" {
		t.Fatalf("selected %v, want b", m.sel)
	}
	send(t, m, kp("j"))
	if m.cur != 1 || m.sel.ID != "a" {
		t.Errorf("after j: cur %d sel %s", m.cur, m.sel.ID)
	}
	send(t, m, kp("G"))
	if m.cur != 3 || m.sel.ID != "d" {
		t.Errorf("after G: cur %d sel %s", m.cur, m.sel.ID)
	}
	send(t, m, kp("j"))
	if m.cur != 3 {
		t.Errorf("j at the bottom moved to %d", m.cur)
	}
	send(t, m, kp("g"), kp("k"))
	if m.cur != 0 {
		t.Errorf("after g k: cur %d", m.cur)
	}
	if m.detail.p != m.sel {
		t.Error("detail does not show the selected posting")
	}
}

func TestCursorStaysOnPostingWhenListChanges(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("j"), kp("j")) // Data Analyst
	if m.sel.ID != "c" {
		t.Fatalf("selected %s", m.sel.ID)
	}
	// Newer postings arrive and sort above it.
	send(t, m, batchMsg{postings: many(5)})
	if m.sel.ID != "c" || m.res.Posting(m.cur).ID != "c" {
		t.Errorf("cursor left the posting: sel %s, row %d holds %s", m.sel.ID, m.cur, m.res.Posting(m.cur).ID)
	}
	// Filtering it away moves the cursor to a posting that is shown.
	send(t, m, kp("/"))
	typeText(t, m, "role")
	if m.sel == nil || m.res.Posting(m.cur) != m.sel {
		t.Errorf("cursor not on a shown posting")
	}
}

func TestCursorStaysOnTopWhileLoadingUntilMoved(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, batchMsg{postings: many(3)}) // newer than everything
	if m.cur != 0 || m.sel.ID != "m0" {
		t.Errorf("untouched cursor at row %d on %s, want row 0 on m0", m.cur, m.sel.ID)
	}
}
