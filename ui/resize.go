package ui

import tea "charm.land/bubbletea/v2"

// onResize re-lays out the screen for the new size and re-renders the
// detail at the new width.
func (m *Model) onResize(msg tea.WindowSizeMsg) tea.Cmd {
	m.ready = true
	m.lay.width, m.lay.height = msg.Width, msg.Height
	return m.relayout()
}

// relayout recomputes the layout for the current size and help height.
func (m *Model) relayout() tea.Cmd {
	m.lay = computeLayout(m.lay.width, m.lay.height, m.helpHeight(), m.prefs.ListShare)
	if m.lay.tooSmall {
		return nil
	}
	m.input.SetWidth(max(m.lay.listW-4, 1))
	m.scrollToCursor()
	return m.refreshDetail()
}

// onBackground rebuilds the styles for the terminal's background, unless
// the user fixed the style, and re-renders the detail in the new style.
func (m *Model) onBackground(msg tea.BackgroundColorMsg) tea.Cmd {
	if m.fixed || msg.Color == nil {
		return nil
	}
	m.setStyles(NewStyles(msg.IsDark(), false))
	return m.refreshDetail()
}
