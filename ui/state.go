package ui

import (
	"errors"
	"os/exec"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// stateUI is the browser's side of the state store (issue 5): the store,
// the shortlist-only view, and where saving and quitting stand. Update owns
// it; the store itself is safe for the Cmds that save and export.
type stateUI struct {
	store     *model.Store
	openErr   error  // Config.StoreErr: the store opened read-only
	exportDir string // where x writes; "" means "."

	only bool // the shortlist-only view (L)

	saving  bool  // a Save Cmd is running
	again   bool  // changes came while it ran: save once more
	saveErr error // why the last Save failed; nil after one succeeded

	quitting bool // the user asked to quit: quit once everything is saved
	quitNow  bool // quit without asking (the user confirmed)

	// exec runs the note editor; tea.ExecProcess, replaced by tests.
	exec func(*exec.Cmd, tea.ExecCallback) tea.Cmd
}

// errNoStore is the reason for refusing a change when no store is wired.
var errNoStore = errors.New("no state file")

// initState wires cfg's store into m: rows and the filter read tags and
// the shortlist from it, the detail pane shows the note, and a read-only
// store says so in the status line.
func (m *Model) initState(cfg Config) {
	m.state = stateUI{store: cfg.Store, openErr: cfg.StoreErr, exportDir: cfg.ExportDir, exec: tea.ExecProcess}
	if cfg.Store == nil {
		if cfg.StoreErr != nil {
			m.msg, m.msgErr = clean("state file: "+cfg.StoreErr.Error()), true
		}
		m.syncKeys()
		return
	}
	m.ann = cfg.Store
	m.detailExtra = m.stateDetailLines
	if err := m.state.readOnly(); err != nil {
		m.msg, m.msgErr = clean("read-only: "+err.Error()), true
	}
	m.syncKeys()
}

// storeReady reports whether a state store is wired in (it may be
// read-only: then s, t and n say why they change nothing).
func (m *Model) storeReady() bool { return m.state.store != nil }

// readOnly returns nil when the store takes changes, else why not.
func (s *stateUI) readOnly() error {
	switch {
	case s.store == nil:
		return errNoStore
	case s.openErr != nil:
		return s.openErr
	default:
		return s.store.ReadOnly()
	}
}

// refuse says in the status line why a change cannot be made, when it
// cannot; ok reports that it can.
func (m *Model) refuse() (cmd tea.Cmd, ok bool) {
	if err := m.state.readOnly(); err != nil {
		return m.flash("can't change anything: "+err.Error(), true), false
	}
	return nil, true
}

// changed follows a change to the store: the detail header shows it, a
// query that depends on tags or the shortlist runs again, and the change
// is saved.
func (m *Model) changed() tea.Cmd {
	cmds := []tea.Cmd{m.refreshDetail(), m.save()}
	if m.state.only || queryUsesState(m.query()) {
		cmds = append(cmds, m.startQuery())
	}
	return tea.Batch(cmds...)
}

// queryUsesState reports whether q has a tag: or is: term, whose matches
// change when the user's state does.
func queryUsesState(q string) bool {
	for _, t := range model.ParseQuery(q).Terms {
		if t.Scope == model.ScopeTag || t.Scope == model.ScopeShortlisted {
			return true
		}
	}
	return false
}
