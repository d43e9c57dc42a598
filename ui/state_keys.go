package ui

import tea "charm.land/bubbletea/v2"

// This file is the seam for the state store (issue 5): the bindings s, t,
// n, L and x exist in the keymap and route here; they are live (and in the
// help) while storeReady reports a store. onTags is in tags.go, onNote in
// note.go, onShortlistView in state_view.go, onExport in export.go.

// onShortlist toggles ★ on the posting under the cursor and saves, or
// says why it cannot.
func (m *Model) onShortlist() tea.Cmd {
	if cmd, ok := m.refuse(); !ok {
		return cmd
	}
	p := m.sel
	if p == nil {
		return nil
	}
	on, err := m.state.store.ToggleShortlist(p)
	if err != nil {
		return m.flash("shortlist not changed: "+err.Error(), true)
	}
	text := "★ shortlisted"
	if !on {
		text = "taken off the shortlist"
	}
	return tea.Batch(m.flash(text, false), m.changed())
}
