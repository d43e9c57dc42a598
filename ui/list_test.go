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
	if selected(m) == nil || selected(m).ID != "b" {
		t.Fatalf("selected %v, want b", selected(m))
	}
	send(t, m, kp("j"))
	if cursor(m) != 1 || selected(m).ID != "a" {
		t.Errorf("after j: cur %d sel %s", cursor(m), selected(m).ID)
	}
	send(t, m, kp("G"))
	if cursor(m) != 3 || selected(m).ID != "d" {
		t.Errorf("after G: cur %d sel %s", cursor(m), selected(m).ID)
	}
	send(t, m, kp("j"))
	if cursor(m) != 3 {
		t.Errorf("j at the bottom moved to %d", cursor(m))
	}
	send(t, m, kp("g"), kp("k"))
	if cursor(m) != 0 {
		t.Errorf("after g k: cur %d", cursor(m))
	}
	if detailOf(m).p != selected(m) {
		t.Error("detail does not show the selected posting")
	}
}

func TestCursorStaysOnPostingWhenListChanges(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("j"), kp("j")) // Data Analyst
	if selected(m).ID != "c" {
		t.Fatalf("selected %s", selected(m).ID)
	}
	// Newer postings arrive and sort above it.
	send(t, m, batchMsg{postings: many(5)})
	if selected(m).ID != "c" || result(m).Posting(cursor(m)).ID != "c" {
		t.Errorf("cursor left the posting: sel %s, row %d holds %s", selected(m).ID, cursor(m), result(m).Posting(cursor(m)).ID)
	}
	// Filtering it away moves the cursor to a posting that is shown.
	send(t, m, kp("/"))
	typeText(t, m, "role")
	if selected(m) == nil || result(m).Posting(cursor(m)) != selected(m) {
		t.Errorf("cursor not on a shown posting")
	}
}

func TestCursorStaysOnTopWhileLoadingUntilMoved(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, batchMsg{postings: many(3)}) // newer than everything
	if cursor(m) != 0 || selected(m).ID != "m0" {
		t.Errorf("untouched cursor at row %d on %s, want row 0 on m0", cursor(m), selected(m).ID)
	}
}
