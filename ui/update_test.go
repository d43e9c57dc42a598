package ui

import (
	"slices"
	"testing"

	"github.com/jobdeck/jobdeck/keymap"
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

func TestTabSwitchesFocusAndScrollsDetail(t *testing.T) {
	m := newTestModel(t, 120, 12, fixture())
	send(t, m, kp("j")) // a: the long header
	send(t, m, kp("tab"))
	if m.focus != keymap.ModeDetail {
		t.Fatal("tab did not focus the detail")
	}
	send(t, m, kp("j"))
	if m.cur != 1 {
		t.Error("j in the detail moved the list cursor")
	}
	if m.detail.off != 1 {
		t.Errorf("detail offset %d after j, want 1", m.detail.off)
	}
	send(t, m, kp("G"))
	if m.detail.off != len(m.detail.lines)-m.lay.bodyH {
		t.Errorf("G: offset %d of %d lines, height %d", m.detail.off, len(m.detail.lines), m.lay.bodyH)
	}
	send(t, m, kp("tab"))
	if m.focus != keymap.ModeList {
		t.Error("tab did not go back to the list")
	}
}

func TestSinglePaneEnterEsc(t *testing.T) {
	m := newTestModel(t, 80, 24, fixture())
	if !m.lay.single {
		t.Fatal("80 columns should be one pane")
	}
	send(t, m, kp("tab"))
	if m.focus != keymap.ModeList {
		t.Error("tab acts in a single pane")
	}
	send(t, m, kp("enter"))
	if m.focus != keymap.ModeDetail {
		t.Fatal("enter did not open the detail")
	}
	if got := m.render(); !contains(got, "Frontend Developer") || !contains(got, "Marrowpine") || contains(got, "Senior Backend") {
		t.Errorf("detail screen shows the wrong thing:\n%s", got)
	}
	send(t, m, kp("esc"))
	if m.focus != keymap.ModeList {
		t.Error("esc did not go back")
	}
}

func TestFilterTypingAndKeys(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("/"))
	if !m.filtering {
		t.Fatal("/ did not focus the filter")
	}
	typeText(t, m, "ich")
	if got := titles(m); !slices.Equal(got, []string{"Senior Backend Engineer"}) {
		t.Fatalf("rows for ich = %q", got)
	}
	// q is typed, not quit, while filtering.
	send(t, m, kp("q"))
	if m.input.Value() != "ichq" || m.quiting {
		t.Errorf("q while filtering: value %q quitting %v", m.input.Value(), m.quiting)
	}
	send(t, m, kp("backspace"), kp("enter"))
	if m.filtering || m.query() != "ich" {
		t.Errorf("enter: filtering %v, query %q", m.filtering, m.query())
	}
	send(t, m, kp("/"), kp("esc"))
	if m.query() != "" || m.res.Len() != 4 {
		t.Errorf("esc: query %q, %d rows", m.query(), m.res.Len())
	}
}

func TestFilterHighlightsRunes(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("/"))
	typeText(t, m, "loc:ich")
	if m.res.Len() != 1 {
		t.Fatalf("%d rows", m.res.Len())
	}
	_, meta := m.res.Highlights(0)
	// "Quillfeather Labs · Zürich": Z is rune 20, so i c h are 23, 24, 25.
	if !slices.Equal(meta, []int{23, 24, 25}) {
		t.Errorf("meta highlights %v", meta)
	}
	st := NewStyles(true, false)
	got := highlight("Zürich", []int{3, 4, 5}, 20, st.Meta, st.Match)
	if want := st.Meta.Render("Zür") + st.Match.Render("ich"); got != want {
		t.Errorf("highlight = %q, want %q", got, want)
	}
}

func TestEscClearsFilterFromList(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("/"))
	typeText(t, m, "acme")
	send(t, m, kp("enter"))
	if m.res.Len() != 1 {
		t.Fatalf("%d rows for acme", m.res.Len())
	}
	send(t, m, kp("esc"))
	if m.res.Len() != 4 {
		t.Errorf("esc from the list left %d rows", m.res.Len())
	}
}

func TestSortCycles(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("S"))
	if got := titles(m); got[0] != "Data Analyst" {
		t.Errorf("oldest first starts with %q", got[0])
	}
	send(t, m, kp("S"))
	if got := titles(m); got[0] != "Platform Lead" { // Acme Rockets
		t.Errorf("company order starts with %q", got[0])
	}
	if !contains(m.msg, "company") {
		t.Errorf("status message %q", m.msg)
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

func TestStaleResultDropped(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	m.input.SetValue("front")
	old := m.startQuery()
	m.input.SetValue("acme")
	cur := m.startQuery()
	// The newer reply arrives first, then the older one.
	pump(t, m, cur, 0)
	pump(t, m, old, 0)
	if got := titles(m); !slices.Equal(got, []string{"Platform Lead"}) {
		t.Errorf("rows %q: the older query's reply was shown", got)
	}
	// A reply for a query no longer typed is never shown, even alone.
	m.input.SetValue("data")
	stale := m.startQuery()
	m.input.SetValue("lead")
	pump(t, m, stale, 0)
	if got := titles(m); slices.Contains(got, "Data Analyst") {
		t.Errorf("rows %q show the stale query", got)
	}
}

func TestTooSmallAndResize(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, size(30, 8))
	if got := m.render(); !contains(got, "too small") {
		t.Errorf("30x8 shows %q", got)
	}
	send(t, m, kp("j"), kp("G"), kp("/"))
	send(t, m, size(100, 30))
	if !contains(m.render(), "Frontend") {
		t.Error("no list after growing again")
	}
	if m.lay.single || m.detail.width != m.lay.detailW-1 {
		t.Errorf("layout %+v, detail width %d", m.lay, m.detail.width)
	}
}

func TestMouse(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	// Click on the second line of the third row: y = filter line + 2 rows + 1.
	send(t, m, click(5, 1+2*rowHeight+1))
	if m.cur != 2 {
		t.Errorf("click selected row %d, want 2", m.cur)
	}
	send(t, m, kp("g"), kp("j")) // a
	before := m.detail.off
	send(t, m, wheel(m.lay.listW+5, 3, false))
	if m.detail.off == before && len(m.detail.lines) > m.lay.bodyH {
		t.Error("wheel over the detail did not scroll it")
	}
	if m.cur != 1 {
		t.Errorf("wheel over the detail moved the cursor to %d", m.cur)
	}
}

func TestQuit(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	_, cmd := m.Update(kp("q"))
	if cmd == nil || !m.quiting {
		t.Fatal("q did not quit")
	}
}

func TestCursorStaysOnTopWhileLoadingUntilMoved(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, batchMsg{postings: many(3)}) // newer than everything
	if m.cur != 0 || m.sel.ID != "m0" {
		t.Errorf("untouched cursor at row %d on %s, want row 0 on m0", m.cur, m.sel.ID)
	}
}
