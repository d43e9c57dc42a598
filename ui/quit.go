package ui

import tea "charm.land/bubbletea/v2"

// quitStage is where quitting stands.
type quitStage int

const (
	quitNone      quitStage = iota // not quitting
	quitWhenSaved                  // the user asked to quit: quit once the final Save succeeds
	quitOnSignal                   // a signal came: quit once the final Save ends, or its grace
	quitDone                       // the program is ending: draw nothing more
)

// quitNow stops the load and the filter and ends the program, unless
// unsaved changes hold it back for a final Save (see holdQuit); force
// quits regardless (the user said so).
func (m *Model) quitNow(force bool) tea.Cmd {
	if !force {
		if cmd, wait := m.holdQuit(); wait {
			return cmd
		}
	}
	m.quit = quitDone
	m.load.stop()
	m.index.stop()
	m.tell(quitting)
	return tea.Quit
}

// holdQuit is asked before quitting: with unsaved changes it starts a
// final Save and reports wait (onSaved goes on quitting when it succeeds
// and asks when it fails). Force-quit at the quit question quits at once.
func (m *Model) holdQuit() (cmd tea.Cmd, wait bool) {
	store := m.c.store
	if store == nil || m.readOnly() != nil || !store.Dirty() {
		return nil, false
	}
	if _, asking := m.overlay.(*confirmOverlay); asking {
		return nil, false
	}
	m.quit = quitWhenSaved
	if m.store.saving {
		return m.flash("saving before quitting…", false), true
	}
	return tea.Batch(m.save(), m.flash("saving before quitting…", false)), true
}

// askQuit asks whether to quit although the last Save failed.
func (m *Model) askQuit() tea.Cmd {
	reason := "unknown error"
	if m.store.saveErr != nil {
		reason = m.store.saveErr.Error()
	}
	m.OpenOverlay(newConfirmOverlay(&m.c.keys.Editor, &m.c.styles, "unsaved changes: save failed ("+reason+"). Quit anyway? y/n"))
	return nil
}

// onAnswered quits on yes to the quit question; on no the changes stay in
// memory.
func (m *Model) onAnswered(msg answered) tea.Cmd {
	if msg.yes {
		return m.quitNow(true)
	}
	m.quit = quitNone
	return m.flash("not quitting: the changes stay in memory", false)
}
