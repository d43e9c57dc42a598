// Package ui is jobdeck's full-screen browser: a fuzzy-filterable list of
// postings beside a detail pane that renders the posting under the cursor.
//
// The root Model is a router: Update dispatches each message to a named
// handler (onKey, onBatch, onResult, onRendered, onMouse, ...), and key
// presses are matched only through the keymap package's bindings. Slow work
// never runs in Update or View: filtering and sorting run in a Cmd tagged
// with a sequence number, glamour renders bodies in a Cmd into a cache.
package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// Model is the browser's root model.
type Model struct {
	keys    keymap.KeyMap
	help    help.Model
	st      Styles
	fixed   bool // the style was set by the user, not by the background
	lay     layout
	ready   bool // a WindowSizeMsg has arrived
	now     func() time.Time
	ann     Annotations
	read    bodyReader
	quiting bool
	prefs   Prefs                                                // the user's settings: applyPrefs
	tick    func(time.Duration, func(time.Time) tea.Msg) tea.Cmd // tea.Tick; tests stub it

	// Postings, as loaded (append only) and as shown.
	coll  *model.Collection
	res   model.Result   // the list on screen
	sel   *model.Posting // the posting under the cursor
	cur   int            // cursor index into items
	off   int            // first visible row
	focus keymap.Mode    // ModeList or ModeDetail
	moved bool           // the user moved the cursor: keep it on sel

	// Filter and sort.
	input       textinput.Model
	filtering   bool // the input has focus
	sort        model.SortOrder
	seq         int                // last query job started
	running     int                // seq of the job in flight, 0 if none
	shown       int                // seq of the result on screen
	dirty       bool               // postings arrived while a job ran
	cancelJob   context.CancelFunc // cancels the job in flight
	lastStart   time.Time          // when the last job started
	refilterDue bool               // a throttled refilter is scheduled

	// Detail pane.
	detail detail
	cache  *renderCache

	// Loading.
	stream     <-chan batchMsg
	cancelLoad context.CancelFunc
	loading    bool
	progress   progress
	spin       spinner.Model

	// Extension points for the state store's UI (issue 5).
	overlay     Overlay                                    // a modal editor; nil when none is open
	detailExtra func(p *model.Posting, width int) []string // lines under the detail header (the note)
	state       stateUI                                    // the state store's UI: state*.go

	// Status and help.
	msg      string
	msgErr   bool
	msgSeq   int
	fullHelp bool
}

// Init asks for the terminal background and starts loading.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.stream != nil {
		m.loading = true
		cmds = append(cmds, m.waitBatch(), m.spin.Tick)
	}
	return tea.Batch(cmds...)
}

// Update routes msg to its handler.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		cmd = m.onResize(msg)
	case tea.BackgroundColorMsg:
		cmd = m.onBackground(msg)
	case tea.FocusMsg:
		cmd = m.onFocus()
	case tea.KeyPressMsg:
		cmd = m.onKey(msg)
	case tea.MouseClickMsg:
		cmd = m.onClick(msg)
	case tea.MouseWheelMsg:
		cmd = m.onWheel(msg)
	case batchMsg:
		cmd = m.onBatch(msg)
	case resultMsg:
		cmd = m.onFilterResult(msg)
	case stateMsg:
		cmd = m.onStateMsg(msg)
	case refilterMsg:
		cmd = m.onRefilter()
	case renderedMsg:
		cmd = m.onRendered(msg)
	case spinner.TickMsg:
		if m.loading {
			m.spin, cmd = m.spin.Update(msg)
		}
	case clearMsg:
		if msg.seq == m.msgSeq {
			m.msg = ""
		}
	default:
		switch {
		case m.overlay != nil:
			cmd = m.updateOverlay(msg)
		case m.filtering:
			cmd = m.editFilter(msg) // a paste, or the cursor's own messages
		}
	}
	m.syncKeys()
	return m, cmd
}

// syncKeys enables the bindings that apply now and re-lays out when the
// height of the help changed.
func (m *Model) syncKeys() {
	mode := m.focus
	switch {
	case m.overlay != nil:
		mode = keymap.ModeInput
	case m.filtering:
		mode = keymap.ModeFilter
	}
	m.keys.SetContext(keymap.Context{
		Mode:       mode,
		SinglePane: m.lay.single,
		Selection:  m.sel != nil,
		Filtered:   m.query() != "",
		Store:      m.storeReady(),
	})
	if m.ready {
		if h := m.helpHeight(); h != m.lay.helpH && !m.lay.tooSmall {
			m.relayout()
		}
	}
}

// flash shows text in the status line for a few seconds.
func (m *Model) flash(text string, isErr bool) tea.Cmd {
	m.msg, m.msgErr = clean(text), isErr
	m.msgSeq++
	seq := m.msgSeq
	return m.tick(4*time.Second, func(time.Time) tea.Msg { return clearMsg{seq} })
}

// clearMsg clears the passing message numbered seq.
type clearMsg struct{ seq int }
