package ui

import (
	"testing"
)

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
	if layoutOf(m).single || detailOf(m).width != layoutOf(m).detailW-1 {
		t.Errorf("layout %+v, detail width %d", layoutOf(m), detailOf(m).width)
	}
}
