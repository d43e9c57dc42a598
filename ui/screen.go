package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
)

// screen is one full screen the root can show above the status line: the
// browser (list and detail) today. The root gives it the keys no overlay
// or global binding took and every message it does not route elsewhere;
// adding a screen touches only the root's router.
type screen interface {
	// SetSize lays the screen out for l (l.bodyH lines of l.width cells).
	SetSize(l layout)
	// Update handles msg.
	Update(msg tea.Msg) tea.Cmd
	// Reconcile brings what the screen derives from its state (the detail
	// pane's posting, width and style) in line with it and returns the
	// Cmds that takes. The root calls it once at the end of every Update.
	Reconcile() tea.Cmd
	// View returns the screen's l.bodyH lines, each l.width cells.
	View() []string
	// Mode says what has the keyboard on the screen.
	Mode() keymap.Mode
	// Status returns the marks in front of the status line and what it
	// says about the screen.
	Status() (marks []string, info string)
	// The bindings the help shows for the screen.
	help.KeyMap
}
