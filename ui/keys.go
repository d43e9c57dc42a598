package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
)

// keyMatches is key.Matches for key presses.
var keyMatches = key.Matches[tea.KeyPressMsg]

// onKey routes a key press: to an overlay (a modal editor) when one is
// open, to the filter input while it has focus, else to the browsing
// handlers. Keys match only through the keymap's bindings,
// which syncKeys enables from the state.
func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	m.prefs.Notice = "" // said; the user has seen the screen
	if m.overlay != nil {
		if keyMatches(msg, m.keys.ForceQuit) {
			return m.quit()
		}
		return m.updateOverlay(msg)
	}
	if m.filtering {
		return m.onFilterKey(msg)
	}
	k := &m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.fullHelp = !m.fullHelp
		return nil
	case key.Matches(msg, k.Filter):
		return m.startFilter()
	case key.Matches(msg, k.ClearFilter):
		return m.clearFilter()
	case key.Matches(msg, k.Sort):
		return m.cycleSort()
	case key.Matches(msg, k.SwitchFocus):
		return m.switchFocus()
	case key.Matches(msg, k.Open):
		m.focus = keymap.ModeDetail
		return m.refreshDetail()
	case key.Matches(msg, k.Back):
		m.focus = keymap.ModeList
		return nil
	case key.Matches(msg, k.Shortlist):
		return m.onShortlist()
	case key.Matches(msg, k.Tags):
		return m.onTags()
	case key.Matches(msg, k.Note):
		return m.onNote()
	case key.Matches(msg, k.ShortlistView):
		return m.onShortlistView()
	case key.Matches(msg, k.Export):
		return m.onExport()
	}
	if m.focus == keymap.ModeDetail {
		return m.onDetailMove(msg)
	}
	return m.onListMove(msg)
}

// onListMove moves the cursor for the movement bindings.
func (m *Model) onListMove(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	switch {
	case key.Matches(msg, k.Up):
		return m.moveCursor(m.cur - 1)
	case key.Matches(msg, k.Down):
		return m.moveCursor(m.cur + 1)
	case key.Matches(msg, k.PageUp):
		return m.moveCursor(m.cur - m.lay.rows)
	case key.Matches(msg, k.PageDown):
		return m.moveCursor(m.cur + m.lay.rows)
	case key.Matches(msg, k.Top):
		return m.moveCursor(0)
	case key.Matches(msg, k.Bottom):
		return m.moveCursor(m.res.Len() - 1)
	}
	return nil
}

// onDetailMove scrolls the detail pane for the movement bindings.
func (m *Model) onDetailMove(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	h := m.lay.bodyH
	switch {
	case key.Matches(msg, k.Up):
		m.detail.scroll(-1, h)
	case key.Matches(msg, k.Down):
		m.detail.scroll(1, h)
	case key.Matches(msg, k.PageUp):
		m.detail.scroll(-max(h-1, 1), h)
	case key.Matches(msg, k.PageDown):
		m.detail.scroll(max(h-1, 1), h)
	case key.Matches(msg, k.Top):
		m.detail.scroll(-len(m.detail.lines), h)
	case key.Matches(msg, k.Bottom):
		m.detail.scroll(len(m.detail.lines), h)
	}
	return nil
}

// switchFocus moves the focus between the list and the detail pane.
func (m *Model) switchFocus() tea.Cmd {
	if m.focus == keymap.ModeList {
		m.focus = keymap.ModeDetail
	} else {
		m.focus = keymap.ModeList
	}
	return nil
}

// quit stops the load and ends the program.
func (m *Model) quit() tea.Cmd {
	if cmd, wait := m.holdQuit(); wait {
		return cmd // unsaved changes: a final save first (save.go)
	}
	m.quiting = true
	if m.cancelLoad != nil {
		m.cancelLoad()
	}
	if m.cancelJob != nil {
		m.cancelJob()
	}
	return tea.Quit
}
