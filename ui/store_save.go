package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// savedMsg reports how a Save went.
type savedMsg struct{ err error }

func (savedMsg) isStoreMsg() {}

// save returns a Cmd that writes the store's changes to the state file.
// Only one Save runs at a time: a change made meanwhile is saved when it
// returns. A read-only store (or none) saves nothing.
func (m *Model) save() tea.Cmd {
	store := m.c.store
	if store == nil || m.readOnly() != nil {
		return nil
	}
	if m.store.saving {
		m.store.again = true
		return nil
	}
	m.store.saving = true
	return func() tea.Msg { return savedMsg{err: store.Save()} }
}

// onSaved says how the Save went: briefly "saved", or why it failed (the
// change stays in memory; the next change or quit tries again, and the
// detail pane gives the whole reason). It saves again for changes made
// while it ran, and goes on quitting when the user is waiting to quit.
// The detail header shows what other jobdecks saved too once Update
// reconciles the screen.
func (m *Model) onSaved(msg savedMsg) tea.Cmd {
	m.store.saving = false
	again := m.store.again
	m.store.again = false
	if m.quit == quitOnSignal {
		m.store.saveErr = msg.err
		return m.quitNow(true)
	}
	if msg.err != nil {
		m.store.saveErr = msg.err
		if m.quit == quitWhenSaved {
			return m.askQuit()
		}
		return m.flash("not saved: "+msg.err.Error(), true)
	}
	m.store.saveErr = nil
	if again {
		return m.save()
	}
	if m.quit == quitWhenSaved {
		return m.quitNow(false)
	}
	return m.flash(m.savedText(), false)
}

// savedText is "saved", after what the status line says of the change
// saved ("applied → Acme · saved"), so saving does not hide it.
func (m *Model) savedText() string {
	msg := m.status.msg
	if msg == "" || m.status.msgErr || strings.HasSuffix(msg, "saved") {
		return "saved"
	}
	return msg + " · saved"
}
