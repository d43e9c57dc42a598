package ui

import tea "charm.land/bubbletea/v2"

// refreshedMsg reports a Store.Refresh: what other jobdecks saved is now
// in the store.
type refreshedMsg struct{ err error }

func (refreshedMsg) isStoreMsg() {}

// onFocus re-reads the state file when the terminal gets the focus back,
// so a shortlist or tags changed in another jobdeck meanwhile show up here
// without waiting for this one's next save. Unsaved changes here are kept
// (Store.Refresh). The read runs in a Cmd.
func (m *Model) onFocus() tea.Cmd {
	store := m.c.store
	if store == nil || m.readOnly() != nil {
		return nil
	}
	return func() tea.Msg { return refreshedMsg{err: store.Refresh()} }
}

// onRefreshed shows the store's new state: the detail header (when Update
// reconciles the screen) and, when the query or view depends on tags or
// the shortlist, the list. A refresh that failed (the file turned corrupt
// meanwhile) says why; the next save refuses to overwrite such a file too.
func (m *Model) onRefreshed(msg refreshedMsg) tea.Cmd {
	if msg.err != nil {
		return m.flash("state file: "+msg.err.Error(), true)
	}
	return m.tell(storeChanged)
}
