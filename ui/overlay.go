package ui

import tea "charm.land/bubbletea/v2"

// Overlay is a modal editor (tags, note, export prompt) drawn at the bottom
// of the screen in place of the help. While one is open it gets every key
// but force-quit, and the keymap is in ModeInput.
type Overlay interface {
	// Update handles msg; done reports that the overlay closed.
	Update(msg tea.Msg) (done bool, cmd tea.Cmd)
	// View renders the overlay: at most height lines of width cells.
	View(width, height int) string
}

// maxOverlayLines caps the height an overlay takes from the panes.
const maxOverlayLines = 6

// OpenOverlay opens o (replacing any open one). The cursor stays on the
// selected posting from then on, even while postings stream in.
func (m *Model) OpenOverlay(o Overlay) {
	m.overlay = o
	m.moved = true
	m.syncKeys()
}

// updateOverlay passes msg to the open overlay and closes it when done.
func (m *Model) updateOverlay(msg tea.Msg) tea.Cmd {
	done, cmd := m.overlay.Update(msg)
	if done {
		m.overlay = nil
	}
	return cmd
}
