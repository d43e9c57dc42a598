package ui

import tea "charm.land/bubbletea/v2"

// stateMsg is a message of the state store's UI; the root Update hands
// every one to onStateMsg.
type stateMsg interface{ isStateMsg() }

// onStateMsg routes a state store message to its handler.
func (m *Model) onStateMsg(msg stateMsg) tea.Cmd {
	switch msg := msg.(type) {
	case savedMsg:
		return m.onSaved(msg)
	case noteFileMsg:
		return m.onNoteFile(msg)
	case noteEditedMsg:
		return m.onNoteEdited(msg)
	case noteReadMsg:
		return m.onNoteRead(msg)
	case exportedMsg:
		return m.onExported(msg)
	case onlyResultMsg:
		return m.onOnlyResult(msg)
	case refreshedMsg:
		return m.onRefreshed(msg)
	}
	return nil
}

// savedMsg reports how a Save went.
type savedMsg struct{ err error }

func (savedMsg) isStateMsg() {}

// save returns a Cmd that writes the store's changes to the state file.
// Only one Save runs at a time: a change made meanwhile is saved when it
// returns. A read-only store (or none) saves nothing.
func (m *Model) save() tea.Cmd {
	st := m.state.store
	if st == nil || m.state.readOnly() != nil {
		return nil
	}
	if m.state.saving {
		m.state.again = true
		return nil
	}
	m.state.saving = true
	return func() tea.Msg { return savedMsg{err: st.Save()} }
}

// onSaved says how the Save went: briefly "saved", or why it failed (the
// change stays in memory; the next change or quit tries again). It saves
// again for changes made while it ran, and goes on quitting when the user
// is waiting to quit.
func (m *Model) onSaved(msg savedMsg) tea.Cmd {
	m.state.saving = false
	again := m.state.again
	m.state.again = false
	if msg.err != nil {
		m.state.saveErr = msg.err
		if m.state.quitting {
			return m.askQuit()
		}
		return tea.Batch(m.flash("not saved: "+msg.err.Error(), true), m.refreshDetail())
	}
	m.state.saveErr = nil
	if again {
		return m.save()
	}
	if m.state.quitting {
		return m.quit()
	}
	// The store now shows what other jobdecks saved too: redraw the header.
	return tea.Batch(m.flash("saved", false), m.refreshDetail())
}

// holdQuit is asked before quitting: with unsaved changes it starts a
// final Save and reports wait (onSaved goes on quitting when it succeeds
// and asks when it fails). ctrl+c at the quit question quits at once.
func (m *Model) holdQuit() (cmd tea.Cmd, wait bool) {
	st := m.state.store
	if m.state.quitNow || st == nil || m.state.readOnly() != nil || !st.Dirty() {
		return nil, false
	}
	if _, asking := m.overlay.(*confirmOverlay); asking {
		m.state.quitNow = true
		return nil, false
	}
	m.state.quitting = true
	if m.state.saving {
		return m.flash("saving before quitting…", false), true
	}
	return tea.Batch(m.save(), m.flash("saving before quitting…", false)), true
}

// askQuit asks whether to quit although the last Save failed.
func (m *Model) askQuit() tea.Cmd {
	reason := "unknown error"
	if m.state.saveErr != nil {
		reason = m.state.saveErr.Error()
	}
	m.OpenOverlay(&confirmOverlay{
		keys:     &m.keys.Editor,
		m:        m,
		question: "unsaved changes: save failed (" + reason + "). Quit anyway? y/n",
		yes: func() tea.Cmd {
			m.state.quitNow = true
			return m.quit()
		},
		no: func() tea.Cmd {
			m.state.quitting = false
			return m.flash("not quitting: the changes stay in memory", false)
		},
	})
	return nil
}
