package ui

import (
	"testing"

	"github.com/jobdeck/jobdeck/keymap"
)

func TestTabSwitchesFocusAndScrollsDetail(t *testing.T) {
	m := newTestModel(t, 120, 12, fixture())
	send(t, m, kp("j")) // a: the long header
	send(t, m, kp("tab"))
	if focusOf(m) != keymap.ModeDetail {
		t.Fatal("tab did not focus the detail")
	}
	send(t, m, kp("j"))
	if cursor(m) != 1 {
		t.Error("j in the detail moved the list cursor")
	}
	if detailOf(m).off != 1 {
		t.Errorf("detail offset %d after j, want 1", detailOf(m).off)
	}
	send(t, m, kp("G"))
	if detailOf(m).off != len(detailOf(m).lines)-layoutOf(m).bodyH {
		t.Errorf("G: offset %d of %d lines, height %d", detailOf(m).off, len(detailOf(m).lines), layoutOf(m).bodyH)
	}
	send(t, m, kp("tab"))
	if focusOf(m) != keymap.ModeList {
		t.Error("tab did not go back to the list")
	}
}

func TestSinglePaneEnterEsc(t *testing.T) {
	m := newTestModel(t, 80, 24, fixture())
	if !layoutOf(m).single {
		t.Fatal("80 columns should be one pane")
	}
	send(t, m, kp("tab"))
	if focusOf(m) != keymap.ModeList {
		t.Error("tab acts in a single pane")
	}
	send(t, m, kp("enter"))
	if focusOf(m) != keymap.ModeDetail {
		t.Fatal("enter did not open the detail")
	}
	if got := m.render(); !contains(got, "Frontend Developer") || !contains(got, "Marrowpine") || contains(got, "Senior Backend") {
		t.Errorf("detail screen shows the wrong thing:\n%s", got)
	}
	send(t, m, kp("esc"))
	if focusOf(m) != keymap.ModeList {
		t.Error("esc did not go back")
	}
}

func TestQuit(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	_, cmd := m.Update(kp("q"))
	if cmd == nil || !hasQuit(m) {
		t.Fatal("q did not quit")
	}
}
