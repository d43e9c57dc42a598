package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
)

// wheelStep is how many lines (detail) or rows (list) a wheel notch moves.
const wheelStep = 3

// overList reports whether column x, row y is over the list pane.
func (b *browser) overList(x, y int) bool {
	if y >= b.lay.bodyH {
		return false
	}
	if b.lay.single {
		return b.focus == keymap.ModeList
	}
	return x < b.lay.listW
}

// onWheel scrolls the pane under the mouse. In the list the rows scroll and
// the cursor is kept on screen.
func (b *browser) onWheel(msg tea.MouseWheelMsg) {
	step := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		step = -wheelStep
	case tea.MouseWheelDown:
		step = wheelStep
	default:
		return
	}
	switch {
	case b.overList(msg.X, msg.Y):
		b.list.scroll(step)
	case msg.Y < b.lay.bodyH:
		b.detail.scroll(step)
	}
}

// onClick selects the row under a left click in the list, or focuses the
// pane clicked.
func (b *browser) onClick(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || b.filtering {
		return nil
	}
	if !b.overList(msg.X, msg.Y) {
		if msg.Y < b.lay.bodyH && !b.lay.single {
			b.focus = keymap.ModeDetail
		}
		return nil
	}
	b.focus = keymap.ModeList
	y := msg.Y - filterLines
	if y < 0 {
		return b.startFilter()
	}
	if row := b.list.rowAt(y); row >= 0 {
		b.list.move(row)
	}
	return nil
}
