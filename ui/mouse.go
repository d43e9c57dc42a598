package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
)

// wheelStep is how many lines (detail) or rows (list) a wheel notch moves.
const wheelStep = 3

// overList reports whether column x, row y is over the list pane.
func (m *Model) overList(x, y int) bool {
	if y >= m.lay.bodyH {
		return false
	}
	if m.lay.single {
		return m.focus == keymap.ModeList
	}
	return x < m.lay.listW
}

// onWheel scrolls the pane under the mouse. In the list the rows scroll and
// the cursor is kept on screen. While an overlay edits the selected posting
// the mouse changes nothing.
func (m *Model) onWheel(msg tea.MouseWheelMsg) tea.Cmd {
	if !m.ready || m.lay.tooSmall || m.overlay != nil {
		return nil
	}
	step := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		step = -wheelStep
	case tea.MouseWheelDown:
		step = wheelStep
	default:
		return nil
	}
	if !m.overList(msg.X, msg.Y) {
		if msg.Y < m.lay.bodyH {
			m.detail.scroll(step, m.lay.bodyH)
		}
		return nil
	}
	n, rows := m.res.Len(), max(m.lay.rows, 1)
	m.off = clampInt(m.off+step, 0, max(n-rows, 0))
	switch {
	case m.cur < m.off:
		return m.moveCursor(m.off)
	case m.cur >= m.off+rows:
		return m.moveCursor(m.off + rows - 1)
	}
	return nil
}

// onClick selects the row under a left click in the list, or focuses the
// pane clicked.
func (m *Model) onClick(msg tea.MouseClickMsg) tea.Cmd {
	if !m.ready || m.lay.tooSmall || msg.Button != tea.MouseLeft || m.filtering || m.overlay != nil {
		return nil
	}
	if !m.overList(msg.X, msg.Y) {
		if msg.Y < m.lay.bodyH && !m.lay.single {
			m.focus = keymap.ModeDetail
		}
		return nil
	}
	m.focus = keymap.ModeList
	y := msg.Y - filterLines
	if y < 0 {
		return m.startFilter()
	}
	row := m.off + y/rowHeight
	if row >= m.res.Len() || y/rowHeight >= m.lay.rows {
		return nil
	}
	return m.moveCursor(row)
}
