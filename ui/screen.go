package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// screen is one full screen the root can show above the status line: the
// browser (list and detail) today. The root gives it the keys no overlay
// or global binding took and every message it does not route elsewhere,
// and tells every screen of the changes in change; adding a screen
// touches only the root's router.
type screen interface {
	// SetSize lays the screen out for l (l.bodyH lines of l.width cells).
	SetSize(l layout)
	// Update handles msg.
	Update(msg tea.Msg) tea.Cmd
	// Changed tells the screen of a change it may have to show.
	Changed(c change) tea.Cmd
	// Reconcile brings what the screen derives from its state (the detail
	// pane's posting, width and style) in line with it and returns the
	// Cmds that takes. The root calls it once at the end of every Update.
	Reconcile() tea.Cmd
	// View returns the screen's l.bodyH lines, each l.width cells.
	View() []string
	// Context says what has the keyboard on the screen, whether a posting
	// is selected and a filter is set; the root fills in the rest.
	Context() keymap.Context
	// Selected is the posting the state store's keys act on (nil: none).
	Selected() *model.Posting
	// Pin keeps the selection where it is from now on (an overlay edits
	// the selected posting), even while postings stream in.
	Pin()
	// Status returns the marks in front of the status line and what it
	// says about the screen.
	Status() (marks []string, info string)
	// The bindings the help shows for the screen.
	help.KeyMap
}

// change is what the root tells every screen of.
type change int

const (
	postingsAdded  change = iota // the collection grew or merged duplicates
	storeChanged                 // the user's shortlist, tags or notes changed
	storeLoaded                  // the state file was read: every posting's state is new
	stylesChanged                // the styles were rebuilt
	annotationsSet               // SetAnnotations, outside Update: redraw now, no Cmd
	quitting                     // the program ends: stop the work in flight
	textIndexReady               // the full-text index can answer now (TextIndexReadyMsg)
)
