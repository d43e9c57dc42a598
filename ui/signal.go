package ui

import (
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
)

// SignalMsg tells the browser that the process got a signal that ends it
// (SIGINT, SIGTERM, SIGHUP, SIGQUIT). It saves what is pending, waiting at
// most [signalGrace] for that save (another jobdeck may hold the state
// file's lock), and quits without asking; main exits with 128 + the
// signal's number.
type SignalMsg struct{ Signal os.Signal }

// signalGrace bounds how long a signal waits for the pending save.
const signalGrace = 3 * time.Second

// graceOverMsg ends the wait for the save after a signal.
type graceOverMsg struct{}

// onSignal saves what is pending and quits when that save ends, or when
// the grace is over, whichever comes first.
func (m *Model) onSignal() tea.Cmd {
	store := m.c.store
	if m.quit == quitDone {
		return nil
	}
	if store == nil || m.readOnly() != nil || !store.Dirty() {
		return m.quitNow(true)
	}
	m.quit = quitOnSignal
	grace := m.c.tick(signalGrace, func(time.Time) tea.Msg { return graceOverMsg{} })
	if m.store.saving {
		return grace
	}
	return tea.Batch(m.save(), grace)
}

// onGraceOver quits if the save a signal waits for has not ended.
func (m *Model) onGraceOver() tea.Cmd {
	if m.quit != quitOnSignal {
		return nil
	}
	return m.quitNow(true)
}

// suspend stops the program as ctrl+z does in a shell, through the
// suspend func main gave (which releases the terminal first); without
// one, through Bubble Tea.
func (m *Model) suspend() tea.Cmd {
	if m.c.suspend == nil {
		return tea.Suspend
	}
	run := m.c.suspend
	return func() tea.Msg {
		run()
		return nil
	}
}
