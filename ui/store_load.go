package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// storeLoadedMsg is the reply of the Cmd that runs [model.Store.Load].
type storeLoadedMsg struct{ err error }

func (storeLoadedMsg) isStoreMsg() {}

// errStillLoading is what s, t, n, L and x say before the state file is read.
var errStillLoading = errors.New("the state file is still loading")

// loadStore returns the Cmd that reads the state file of a store made with
// [model.NewStore] and not loaded yet (else nil), and marks the state as
// loading until its reply (see onStoreLoaded), so the first frame does not
// wait for a large file.
func (m *Model) loadStore() tea.Cmd {
	store := m.c.store
	if store == nil || !errors.Is(store.ReadOnly(), model.ErrLoading) {
		return nil
	}
	m.c.stateLoading = true
	return func() tea.Msg { return storeLoadedMsg{err: store.Load()} }
}

// onStoreLoaded shows the loaded state: a store that must stay read-only
// says why, and the query runs again (★, tags and stages change what it
// shows and how it sorts); Update then syncs the keys and the detail pane.
func (m *Model) onStoreLoaded(msg storeLoadedMsg) tea.Cmd {
	m.c.stateLoading = false
	if err := m.readOnly(); err != nil {
		m.status.say("read-only: "+err.Error(), true)
	}
	return m.tell(storeLoaded)
}

// stillLoading says, for a key that needs the state file, that it is not
// read yet; ok reports that it is.
func (c *common) stillLoading() (cmd tea.Cmd, loading bool) {
	if !c.stateLoading {
		return nil, false
	}
	return c.flash(errStillLoading.Error(), false), true
}
