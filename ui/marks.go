package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// The bindings space, V and esc mark postings for a bulk change (the
// marks live in common, drawn as a column on the rows); u and ctrl+r undo
// and redo through the store.

// onMark marks the selected posting, or unmarks it, and moves down.
func (m *Model) onMark() tea.Cmd {
	p := m.active().Selected()
	if p == nil {
		return nil
	}
	if m.c.marks == nil {
		m.c.marks = map[string]*model.Posting{}
	}
	if _, on := m.c.marks[p.ID]; on {
		delete(m.c.marks, p.ID)
	} else {
		m.c.marks[p.ID] = p
	}
	return m.active().Update(tea.KeyPressMsg{Code: tea.KeyDown})
}

// onMarkAll marks every posting shown.
func (m *Model) onMarkAll() tea.Cmd {
	ps := m.browser.shown()
	if m.c.marks == nil {
		m.c.marks = make(map[string]*model.Posting, len(ps))
	}
	for _, p := range ps {
		m.c.marks[p.ID] = p
	}
	return nil
}

// clearMarks forgets the marks.
func (m *Model) clearMarks() { m.c.marks = nil }

// onUndo undoes (back) or redoes the store's latest change and says what
// it undid.
func (m *Model) onUndo(back bool) tea.Cmd {
	if cmd, ok := m.refuse(); !ok {
		return cmd
	}
	undo := m.c.store.Undo
	if !back {
		undo = m.c.store.Redo
	}
	text, err := undo()
	if err != nil {
		return m.flash(err.Error(), false)
	}
	return tea.Batch(m.flash(text, false), m.changed())
}
