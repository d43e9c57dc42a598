package ui

import (
	"strings"
	"testing"
)

func TestMouse(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	// Click on the second line of the third row: y = filter line + 2 rows + 1.
	send(t, m, click(5, 1+2*rowHeight+1))
	if cursor(m) != 2 {
		t.Errorf("click selected row %d, want 2", cursor(m))
	}
	send(t, m, kp("g"), kp("j")) // a
	before := detailOf(m).off
	send(t, m, wheel(layoutOf(m).listW+5, 3, false))
	if detailOf(m).off == before && len(detailOf(m).lines) > layoutOf(m).bodyH {
		t.Error("wheel over the detail did not scroll it")
	}
	if cursor(m) != 1 {
		t.Errorf("wheel over the detail moved the cursor to %d", cursor(m))
	}
}

func TestMouseIgnoredUnderOverlay(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	var typed strings.Builder
	m.OpenOverlay(echoOverlay{&typed})
	send(t, m, click(5, 1+2*rowHeight+1), wheel(5, 3, false))
	if cursor(m) != 0 || listOffset(m) != 0 {
		t.Errorf("the mouse moved the list under an overlay: cur %d off %d", cursor(m), listOffset(m))
	}
}
