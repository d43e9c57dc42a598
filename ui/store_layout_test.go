package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestStateOverlaysFitEverySize opens each state editor at small and
// large sizes: the screen keeps its size, no line is wider than the
// terminal, and the editor's keys stay visible.
func TestStateOverlaysFitEverySize(t *testing.T) {
	open := map[string]func(m *Model){
		"tags":    func(m *Model) { send(t, m, kp("t")) },
		"export":  func(m *Model) { send(t, m, kp("x")) },
		"note":    func(m *Model) { m.inlineNote(selected(m), "a note\nof two lines", errors.New("no editor")) },
		"confirm": func(m *Model) { storeOf(m).saveErr = errors.New(strings.Repeat("a long reason ", 12)); m.askQuit() },
	}
	keys := map[string]string{"tags": "esc cancel", "export": "esc cancel", "note": "ctrl+s save note", "confirm": "n/esc no"}
	for name, do := range open {
		for _, sz := range [][2]int{{40, 10}, {60, 15}, {80, 24}, {200, 60}} {
			m, _, _ := newStoreModel(t)
			send(t, m, size(sz[0], sz[1]))
			do(m)
			m.syncKeys()
			lines := strings.Split(m.render(), "\n")
			if len(lines) != sz[1] {
				t.Errorf("%s at %v: %d lines", name, sz, len(lines))
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > sz[0] {
					t.Errorf("%s at %v: line %d is %d wide", name, sz, i, w)
				}
			}
			if !strings.Contains(ansi.Strip(m.render()), keys[name]) {
				t.Errorf("%s at %v: keys not shown:\n%s", name, sz, ansi.Strip(m.render()))
			}
		}
	}
}
