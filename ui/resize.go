package ui

import tea "charm.land/bubbletea/v2"

// onResize re-lays out the screen for the new size; the detail pane
// follows the new width when Update reconciles it.
func (m *Model) onResize(msg tea.WindowSizeMsg) {
	m.ready = true
	m.lay.width, m.lay.height = msg.Width, msg.Height
	m.relayout()
}

// relayout recomputes the layout for the current size and help height
// and gives the screen its part.
func (m *Model) relayout() {
	m.lay = computeLayout(m.lay.width, m.lay.height, m.helpHeight(), m.c.prefs.ListShare)
	if m.lay.tooSmall {
		return
	}
	for _, s := range m.screens() {
		s.SetSize(m.lay)
	}
}

// onBackground rebuilds the styles for the terminal's background, unless
// the user fixed the style; the detail follows the new style when Update
// reconciles it.
func (m *Model) onBackground(msg tea.BackgroundColorMsg) {
	if m.fixed || msg.Color == nil {
		return
	}
	m.setStyles(NewStyles(msg.IsDark(), false))
}
