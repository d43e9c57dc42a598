package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// common is what every component reads and only the root changes: the
// bindings, the styles, the clock, the postings and the user's marks on
// them. Components keep a pointer to the root's one; they change the
// root's state only through the Cmds and replies they return (and
// [common.flash]).
type common struct {
	keys   keymap.KeyMap
	styles Styles
	now    func() time.Time
	tick   func(time.Duration, func(time.Time) tea.Msg) tea.Cmd // tea.Tick; tests stub it
	read   bodyReader                                           // a posting's markdown body
	coll   *model.Collection                                    // every posting loaded, append only
	ann    Annotations                                          // shortlist and tags; nil: none
	store  *model.Store                                         // the state store; nil: none
	// loading reports that postings are still streaming in.
	loading bool
	// stateLoading reports that the store's Load has not replied yet.
	stateLoading bool
	// flash shows text in the status line for a few seconds.
	flash func(text string, isErr bool) tea.Cmd
	// extra returns the lines shown under the detail header of p (the
	// note, why the store cannot save); nil: none.
	extra func(p *model.Posting, width int) []string
	// prefs are the user's settings from the config file.
	prefs Prefs
	// suspend stops the process as a shell job; nil: Bubble Tea's own.
	suspend func()
	// open starts the browser on a link; it must not wait for it.
	open func(uri string) error
	// seen is when each posting was first seen; nil: none (nothing is new).
	seen SeenLog
	// fresh is how many of the postings loaded are new.
	fresh int
	// searches are the saved searches, in order; saveSearches writes them
	// (nil: they last the session).
	searches     []SavedSearch
	saveSearches SaveSearchesFunc
	// marks are the postings marked for a bulk change, by id.
	marks map[string]*model.Posting
	// text answers the query's quoted terms; nil: full-text search is off.
	text model.TextSearcher
}
