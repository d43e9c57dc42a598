// Package ui is jobdeck's full-screen browser: a fuzzy-filterable list of
// postings beside a detail pane that renders the posting under the cursor.
//
// The root Model is a router: it holds the layout, which screen and which
// overlay are open, the load and the state store's side, and Update hands
// each message to the component it is for. The components (the browser
// screen with its filterJob, listPane and detailPane; the statusBar; the
// overlays) keep their own state. Key presses are matched only through the
// keymap package's bindings. Slow work never runs in Update or View:
// filtering and sorting run in a Cmd tagged with a sequence number, glamour
// renders bodies in a Cmd into the detail pane's cache.
package ui

import (
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// Model is the browser's root model: it routes messages to the [screen]
// on show, the [statusBar] and the open [Overlay], lays them out, and
// keeps the state store's side ([storeUI]).
type Model struct {
	c       *common // what every component reads; only the root changes it
	fixed   bool    // the style was set by the user, not by the background
	lay     layout
	ready   bool // a WindowSizeMsg has arrived
	quit    quitStage
	load    loadStream
	index   indexRun // the full-text index's sync, once loaded
	status  statusBar
	help    helpBar
	browser *browser       // the list and detail screen
	board   *board         // the board of stages
	stats   *statsScreen   // the job search summed up
	on      screenID       // the screen on show
	overlay Overlay        // a modal editor or question; nil when none is open
	store   storeUI        // the state store's side: saving, export folder, editor
	offer   *model.Posting // after o on an untracked posting: the stage key marks it applied today
	add     adding         // what the add key needs; its dir is "" when the key is off
}

// Init asks for the terminal background and starts loading the postings
// and the state file.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.loadStore()}
	if m.load.stream != nil {
		m.c.loading = true
		cmds = append(cmds, m.load.wait(), m.status.spinTick())
	}
	return tea.Batch(cmds...)
}

// screenID names a screen the root can show.
type screenID int

const (
	browserScreen screenID = iota
	boardScreen
	statsScreenID
)

// active is the screen on show.
func (m *Model) active() screen {
	switch m.on {
	case boardScreen:
		return m.board
	case statsScreenID:
		return m.stats
	}
	return m.browser
}

// screens are all the screens, shown or not.
func (m *Model) screens() []screen { return []screen{m.browser, m.board, m.stats} }

// show puts screen id on show, or the browser when it is on show already.
func (m *Model) show(id screenID) {
	if m.on == id {
		id = browserScreen
	}
	m.on = id
	m.relayout()
}

// onShowPosting shows p in the browser's detail pane.
func (m *Model) onShowPosting(msg showPosting) tea.Cmd {
	m.on = browserScreen
	m.relayout()
	return m.browser.reveal(msg.p)
}

// tell tells every screen of c.
func (m *Model) tell(c change) tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range m.screens() {
		cmds = append(cmds, s.Changed(c))
	}
	return tea.Batch(cmds...)
}

// Update routes msg to its handler, then reconciles the screen with the
// new state and enables the bindings that apply.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.route(msg)
	m.syncKeys()
	if m.ready && !m.lay.tooSmall {
		cmd = tea.Batch(cmd, m.active().Reconcile())
		// What the screen derived (the board's cards) may change which
		// bindings apply to the next key.
		m.syncKeys()
	}
	return m, cmd
}

// route hands msg to the component or handler it is for.
func (m *Model) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.onResize(msg)
	case tea.BackgroundColorMsg:
		m.onBackground(msg)
	case tea.FocusMsg:
		return m.onFocus()
	case tea.KeyPressMsg:
		return m.onKey(msg)
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		if m.ready && !m.lay.tooSmall && m.overlay == nil { // an overlay edits the selected posting
			return m.active().Update(msg)
		}
	case batchMsg:
		return m.onBatch(msg)
	case indexProgressMsg:
		return m.index.onProgress(msg)
	case indexDoneMsg:
		return m.onIndexDone(msg)
	case afterLoadMsg:
		return m.afterLoad()
	case seenMsg:
		return m.onSeen(msg)
	case searchesSavedMsg:
		return m.onSearchesSaved(msg)
	case resultMsg, refilterMsg, renderedMsg:
		return tea.Batch(m.browser.Update(msg), m.afterSettled())
	case boardResultMsg:
		return m.board.Update(msg)
	case TextIndexReadyMsg:
		return m.tell(textIndexReady)
	case showPosting:
		return m.onShowPosting(msg)
	case storeMsg:
		return m.onStoreMsg(msg)
	case spinner.TickMsg:
		return m.status.onSpin(msg, m.c.loading)
	case clearMsg:
		m.status.onClear(msg)
	case SignalMsg:
		return m.onSignal()
	case graceOverMsg:
		return m.onGraceOver()
	case openedMsg:
		return m.onOpened(msg)
	case addedMsg:
		return m.onAdded(msg)
	default:
		if m.overlay != nil {
			return m.updateOverlay(msg)
		}
		return m.active().Update(msg) // a paste, or the filter input's own messages
	}
	return nil
}

// onKey routes a key press: to an overlay when one is open (but
// force-quit), else the global and state store bindings, else to the
// screen.
func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	m.status.notice = "" // said; the user has seen the screen
	offered := m.offer
	m.offer = nil // the offer holds for the next key only
	k := &m.c.keys
	if keyMatches(msg, k.Suspend) {
		return m.suspend()
	}
	if m.overlay != nil {
		if keyMatches(msg, k.ForceQuit) {
			return m.quitNow(false)
		}
		return m.updateOverlay(msg)
	}
	switch {
	case keyMatches(msg, k.Quit), keyMatches(msg, k.ForceQuit):
		return m.quitNow(false)
	case keyMatches(msg, k.SaveSearch):
		return m.onSaveSearch()
	case keyMatches(msg, k.SavedSearches):
		return m.onSavedSearches()
	case keyMatches(msg, k.RecallSearch):
		return m.recallSearch(msg)
	case keyMatches(msg, k.Help):
		m.help.full = !m.help.full
		return nil
	case keyMatches(msg, k.Board):
		m.show(boardScreen)
		return nil
	case keyMatches(msg, k.Stats):
		m.show(statsScreenID)
		return nil
	case keyMatches(msg, k.CloseView):
		m.show(browserScreen)
		return nil
	case keyMatches(msg, k.Shortlist):
		return m.onShortlist()
	case keyMatches(msg, k.Tags):
		return m.onTags()
	case keyMatches(msg, k.Note):
		return m.onNote()
	case keyMatches(msg, k.Export):
		return m.onExport()
	case keyMatches(msg, k.AddPosting):
		return m.onAddPosting()
	case keyMatches(msg, k.OpenURL):
		return m.onOpenURL()
	case keyMatches(msg, k.CopyURL):
		return m.onCopyURL()
	case keyMatches(msg, k.CopyLine):
		return m.onCopyLine()
	case keyMatches(msg, k.Stage):
		return m.onStage(offered)
	case keyMatches(msg, k.NextStage), keyMatches(msg, k.PrevStage):
		return m.onStep(keyMatches(msg, k.NextStage))
	case keyMatches(msg, k.FollowUp):
		return m.onFollowUp()
	case keyMatches(msg, k.Mark):
		return m.onMark()
	case keyMatches(msg, k.MarkAll):
		return m.onMarkAll()
	case keyMatches(msg, k.ClearMarks):
		m.clearMarks()
		return nil
	case keyMatches(msg, k.Undo):
		return m.onUndo(true)
	case keyMatches(msg, k.Redo):
		return m.onUndo(false)
	}
	return m.active().Update(msg)
}

// syncKeys enables the bindings that apply now and re-lays out when the
// height of the help changed.
func (m *Model) syncKeys() {
	ctx := m.active().Context()
	if m.overlay != nil {
		ctx.Mode = keymap.ModeInput
	}
	ctx.SinglePane, ctx.Store, ctx.Marks = m.lay.single, m.storeReady(), len(m.c.marks) > 0
	ctx.Add = m.add.dir != ""
	ctx.Searches = len(m.c.searches) > 0
	m.c.keys.SetContext(ctx)
	if m.ready {
		if h := m.helpHeight(); h != m.lay.helpH && !m.lay.tooSmall {
			m.relayout()
		}
	}
}

// flash shows text in the status line for a few seconds.
func (m *Model) flash(text string, isErr bool) tea.Cmd {
	return m.status.flash(text, isErr, m.c.tick)
}
