package ui

import tea "charm.land/bubbletea/v2"

// This file is the seam for the state store (issue 5): the bindings s, t,
// n, L and x exist in the keymap and route here, but stay disabled (and out
// of the help) until storeReady reports a store. The issue-5 work replaces
// these handlers and storeReady.

// storeReady reports whether a state store is wired in.
func (m *Model) storeReady() bool { return false }

// onShortlist toggles ★ on the posting under the cursor.
func (m *Model) onShortlist() tea.Cmd { return nil }

// onTags opens the tag editor for the posting under the cursor.
func (m *Model) onTags() tea.Cmd { return nil }

// onNote opens the note editor for the posting under the cursor.
func (m *Model) onNote() tea.Cmd { return nil }

// onShortlistView toggles the shortlist-only view.
func (m *Model) onShortlistView() tea.Cmd { return nil }

// onExport asks for a format and exports the shortlist.
func (m *Model) onExport() tea.Cmd { return nil }
