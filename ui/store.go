package ui

import (
	"errors"
	"os/exec"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// storeUI is the browser's side of the state store (common.store): why it
// opened read-only, where saving stands, where x exports to, and how the
// note editor runs. Update owns it; the store itself is safe for the Cmds
// that save and export.
type storeUI struct {
	openErr   error  // Config.StoreErr: the store opened read-only
	exportDir string // where x writes; "" means "."

	saving  bool  // a Save Cmd is running
	again   bool  // changes came while it ran: save once more
	saveErr error // why the last Save failed; nil after one succeeded

	// exec runs the note editor; tea.ExecProcess, replaced by tests.
	exec func(*exec.Cmd, tea.ExecCallback) tea.Cmd
}

// storeMsg is a message of the state store's Cmds; the root Update hands
// every one to onStoreMsg.
type storeMsg interface{ isStoreMsg() }

// onStoreMsg routes a state store message to its handler.
func (m *Model) onStoreMsg(msg storeMsg) tea.Cmd {
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
	case refreshedMsg:
		return m.onRefreshed(msg)
	case storeLoadedMsg:
		return m.onStoreLoaded(msg)
	}
	return nil
}

// errNoStore is the reason for refusing a change when no store is wired.
var errNoStore = errors.New("no state file")

// initState wires cfg's store into m: rows and the filter read tags and
// the shortlist from it, the detail pane shows the note, and a read-only
// store says so in the status line.
func (m *Model) initState(cfg Config) {
	m.c.store = cfg.Store
	m.store = storeUI{openErr: cfg.StoreErr, exportDir: cfg.ExportDir, exec: tea.ExecProcess}
	if cfg.Store == nil {
		if cfg.StoreErr != nil {
			m.status.say("state file: "+cfg.StoreErr.Error(), true)
		}
		m.syncKeys()
		return
	}
	m.c.ann = cfg.Store
	m.c.extra = m.storeDetailLines
	if err := m.readOnly(); err != nil && !errors.Is(err, model.ErrLoading) { // else said when loaded

		m.status.say("read-only: "+err.Error(), true)
	}
	m.syncKeys()
}

// storeReady reports whether a state store is wired in (it may be
// read-only: then s, t and n say why they change nothing).
func (m *Model) storeReady() bool { return m.c.store != nil }

// readOnly returns nil when the store takes changes, else why not.
func (m *Model) readOnly() error {
	switch {
	case m.c.store == nil:
		return errNoStore
	case m.store.openErr != nil:
		return m.store.openErr
	default:
		return m.c.store.ReadOnly()
	}
}

// refuse says in the status line why a change cannot be made, when it
// cannot; ok reports that it can.
func (m *Model) refuse() (cmd tea.Cmd, ok bool) {
	if cmd, loading := m.c.stillLoading(); loading {
		return cmd, false
	}
	if err := m.readOnly(); err != nil {
		return m.flash("can't change anything: "+err.Error(), true), false
	}
	return nil, true
}

// changed follows a change to the store: a query that depends on tags or
// the shortlist runs again, and the change is saved. (The detail header
// shows it when Update reconciles the screen.)
func (m *Model) changed() tea.Cmd {
	return tea.Batch(m.save(), m.tell(storeChanged))
}

// storeMarks are the store's marks in front of the status line:
// "read-only" when changes cannot be saved, "unsaved" after a Save failed;
// none while the state file loads.
func (m *Model) storeMarks() []string {
	st := &m.c.styles
	switch {
	case m.c.store == nil, m.c.stateLoading:
	case m.readOnly() != nil:
		return []string{st.Error.Render("read-only")}
	case m.store.saveErr != nil && m.c.store.Dirty():
		return []string{st.Error.Render("unsaved")}
	}
	return nil
}
