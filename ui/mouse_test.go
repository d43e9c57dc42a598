package ui

import (
	"strings"
	"testing"
)

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

func TestMouseIgnoredUnderOverlay(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	var typed strings.Builder
	m.OpenOverlay(echoOverlay{&typed})
	send(t, m, click(5, 1+2*rowHeight+1), wheel(5, 3, false))
	if m.cur != 0 || m.off != 0 {
		t.Errorf("the mouse moved the list under an overlay: cur %d off %d", m.cur, m.off)
	}
}
