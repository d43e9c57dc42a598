package ui

import (
	tea "charm.land/bubbletea/v2"
	"slices"
	"testing"
)

func TestFilterTypingAndKeys(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("/"))
	if !isFiltering(m) {
		t.Fatal("/ did not focus the filter")
	}
	typeText(t, m, "ich")
	if got := titles(m); !slices.Equal(got, []string{"Senior Backend Engineer"}) {
		t.Fatalf("rows for ich = %q", got)
	}
	// q is typed, not quit, while filtering.
	send(t, m, kp("q"))
	if filterText(m) != "ichq" || hasQuit(m) {
		t.Errorf("q while filtering: value %q quitting %v", filterText(m), hasQuit(m))
	}
	send(t, m, kp("backspace"), kp("enter"))
	if isFiltering(m) || queryOf(m) != "ich" {
		t.Errorf("enter: filtering %v, query %q", isFiltering(m), queryOf(m))
	}
	send(t, m, kp("/"), kp("esc"))
	if queryOf(m) != "" || result(m).Len() != 4 {
		t.Errorf("esc: query %q, %d rows", queryOf(m), result(m).Len())
	}
}

func TestFilterHighlightsRunes(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("/"))
	typeText(t, m, "loc:ich")
	if result(m).Len() != 1 {
		t.Fatalf("%d rows", result(m).Len())
	}
	_, meta := result(m).Highlights(0)
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
	if result(m).Len() != 1 {
		t.Fatalf("%d rows for acme", result(m).Len())
	}
	send(t, m, kp("esc"))
	if result(m).Len() != 4 {
		t.Errorf("esc from the list left %d rows", result(m).Len())
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
	if !contains(flashText(m), "company") {
		t.Errorf("status message %q", flashText(m))
	}
}

func TestStaleResultDropped(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	setFilterText(m, "front")
	old := startQuery(m)
	setFilterText(m, "acme")
	cur := startQuery(m)
	// The newer reply arrives first, then the older one.
	pump(t, m, cur, 0)
	pump(t, m, old, 0)
	if got := titles(m); !slices.Equal(got, []string{"Platform Lead"}) {
		t.Errorf("rows %q: the older query's reply was shown", got)
	}
	// A reply for a query no longer typed is never shown, even alone.
	setFilterText(m, "data")
	stale := startQuery(m)
	setFilterText(m, "lead")
	pump(t, m, stale, 0)
	if got := titles(m); slices.Contains(got, "Data Analyst") {
		t.Errorf("rows %q show the stale query", got)
	}
}

func TestPasteIntoFilterFilters(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("/"), tea.PasteMsg{Content: "acme"})
	if got := titles(m); !slices.Equal(got, []string{"Platform Lead"}) {
		t.Errorf("rows after pasting acme: %q", got)
	}
}

func TestStageQueryFollowsStageChanges(t *testing.T) {
	m, _, _ := newStoreModel(t)
	send(t, m, kp("/"))
	typeText(t, m, "stage:applied")
	send(t, m, kp("enter"))
	if result(m).Len() != 0 {
		t.Fatalf("%d rows before any stage", result(m).Len())
	}
	send(t, m, kp("esc"), kp("j"), kp("a"), kp("a"), kp("esc"), kp("/"))
	typeText(t, m, "stage:applied")
	send(t, m, kp("enter"))
	if result(m).Len() != 1 {
		t.Fatalf("%d rows after applying", result(m).Len())
	}
	send(t, m, kp(">"))
	if result(m).Len() != 0 {
		t.Errorf("the list kept a posting that left the stage: %d rows", result(m).Len())
	}
}
