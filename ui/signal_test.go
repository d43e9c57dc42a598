package ui

import (
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestSignalSavesThenQuits: a change shown on screen but not yet saved
// (its Save still on its way) is saved when a signal comes, and the
// browser quits once that save ends, without asking.
func TestSignalSavesThenQuits(t *testing.T) {
	m, _, path := newStoreModel(t)
	id := selected(m).ID
	_, saveCmd := m.Update(kp("s")) // the Save is built, not yet run
	_, cmd := m.Update(SignalMsg{Signal: syscall.SIGTERM})
	if hasQuit(m) {
		t.Fatal("quit before the pending change was saved")
	}
	pump(t, m, saveCmd, 0)
	pump(t, m, cmd, 0)
	if !hasQuit(m) {
		t.Fatal("did not quit once the save ended")
	}
	if !reopen(t, path).Shortlisted(id) {
		t.Error("the change shown on screen did not reach the file")
	}
}

// TestSignalQuitsAfterFailedSave: after a signal a failed save does not
// ask "quit anyway?": nobody may be there to answer.
func TestSignalQuitsAfterFailedSave(t *testing.T) {
	st, _, _ := blockedStore(t)
	m := newTestModel(t, 120, 40, fixture())
	m.initState(Config{Store: st})
	send(t, m, kp("s"))
	send(t, m, SignalMsg{Signal: syscall.SIGHUP})
	if !hasQuit(m) || openOverlay(m) != nil {
		t.Fatalf("quit %v, overlay %T", hasQuit(m), openOverlay(m))
	}
}

// TestSignalGraceBoundsTheWait: a save that does not come back (another
// jobdeck holds the lock) holds the quit for signalGrace at most.
func TestSignalGraceBoundsTheWait(t *testing.T) {
	m, _, _ := newStoreModel(t)
	var waited time.Duration
	setClock(m, func() time.Time { return testNow }, func(d time.Duration, f func(time.Time) tea.Msg) tea.Cmd {
		if _, ok := f(testNow).(graceOverMsg); ok {
			waited = d
		}
		return func() tea.Msg { return f(testNow) }
	})
	m.Update(kp("s")) // its Save never returns
	_, cmd := m.Update(SignalMsg{Signal: syscall.SIGTERM})
	if waited != signalGrace {
		t.Fatalf("grace %v, want %v", waited, signalGrace)
	}
	for _, msg := range collect([]tea.Cmd{cmd}) {
		if _, ok := msg.(graceOverMsg); ok {
			m.Update(msg)
		}
	}
	if !hasQuit(m) {
		t.Error("the grace ended without quitting")
	}
}

func TestSignalWithNothingPendingQuitsAtOnce(t *testing.T) {
	m, _, _ := newStoreModel(t)
	send(t, m, SignalMsg{Signal: syscall.SIGINT})
	if !hasQuit(m) {
		t.Error("a signal with nothing to save did not quit")
	}
}

func TestCtrlZSuspendsThroughTheInjectedFunc(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	suspended := 0
	m.c.suspend = func() { suspended++ }
	for _, keys := range [][]string{{}, {"/"}} { // browsing, and typing a filter
		send(t, m, kps(keys)...)
		send(t, m, tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl})
	}
	if suspended != 2 {
		t.Errorf("suspended %d times, want 2", suspended)
	}
	if hasQuit(m) {
		t.Error("ctrl+z quit")
	}
	m.c.suspend = nil
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl})
	if cmd == nil {
		t.Fatal("no Cmd without an injected suspend")
	}
	if _, ok := cmd().(tea.SuspendMsg); !ok {
		t.Error("without an injected suspend, ctrl+z is not tea.Suspend")
	}
}

// kps returns the key presses of names.
func kps(names []string) []tea.Msg {
	out := make([]tea.Msg, len(names))
	for i, n := range names {
		out[i] = kp(n)
	}
	return out
}
