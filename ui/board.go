package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// Board layout, in cells and lines.
const (
	boardColMin  = 26 // the narrowest column
	boardCardH   = 3  // lines a card takes: title, company, days
	boardHeaderH = 3  // the filter line, a column's heading and its rule
)

// boardResultMsg is the reply of the board's filter job.
type boardResultMsg struct{ resultMsg }

// showPosting asks the root to show p in the browser's detail pane.
type showPosting struct{ p *model.Posting }

// board is the [screen] of the tracked postings in a column per active
// stage and one for the closed stages ([model.Board]), each card with its
// title, company and days in the stage. The columns are computed again
// only when the postings, the store or the filter change (stale), never
// per key; a key moves the focus or scrolls.
type board struct {
	c   *common
	lay layout

	cols  []model.BoardColumn
	stale bool // the columns are to be computed again before they are shown
	dirty bool // the store changed: the cards are to be looked up again (refresh)

	col  int   // the focused column
	card []int // the focused card of each column
	off  int   // the first column on screen
	top  []int // the first card on screen of each column

	input     textinput.Model
	filtering bool // the filter input has the keyboard
	job       filterJob
	match     map[*model.Posting]bool // the filter's result; nil: no filter

	drawn map[*model.Posting]drawnCard // the cards as last drawn
}

var _ screen = (*board)(nil)

// newBoard returns a board over c's tracked postings.
func newBoard(c *common) *board {
	b := &board{c: c, input: textinput.New(), stale: true}
	b.input.Prompt = "/ "
	b.input.Placeholder = "stage:applied, is:due, company:x"
	return b
}

// query is the filter as typed, trimmed.
func (b *board) query() string { return strings.TrimSpace(b.input.Value()) }

// SetSize lays the board out for l, and has the columns computed again:
// the root sizes a screen when it shows it, and the days in a stage are
// as of now.
func (b *board) SetSize(l layout) {
	b.lay = l
	b.stale = true
	b.input.SetWidth(max(l.width-4, 1))
	b.scroll()
}

// Changed marks the columns stale when the postings or the store change,
// and runs the filter again when one is set.
func (b *board) Changed(c change) tea.Cmd {
	switch c {
	case postingsAdded, annotationsSet:
		b.stale, b.drawn = true, nil
		if b.query() != "" {
			return b.startQuery()
		}
	case textIndexReady:
		if model.ParseQuery(b.query()).HasText() {
			return b.startQuery()
		}
	case storeChanged:
		b.dirty = true
		if b.query() != "" && queryUsesState(b.query()) {
			return b.startQuery()
		}
	case stylesChanged:
		b.input.SetStyles(inputStyles(&b.c.styles))
		b.drawn = nil
	case quitting:
		b.job.stop()
	}
	return nil
}

// Reconcile computes the columns again when they are stale, and looks
// the cards up again after a change to the store.
func (b *board) Reconcile() tea.Cmd {
	switch {
	case b.stale:
		b.recompute()
	case b.dirty:
		b.refresh()
	}
	return nil
}

// recompute sorts the tracked postings (those the filter matched, when
// one is set) into the columns, keeping the focus on the card it was on
// when that card is still in its column.
func (b *board) recompute() {
	b.stale, b.dirty = false, false
	var focused *model.Posting
	if p := b.Selected(); p != nil {
		focused = p
	}
	b.cols = model.Board(b.tracked(b.match), b.c.store, b.c.now())
	if len(b.card) != len(b.cols) {
		b.card, b.top = make([]int, len(b.cols)), make([]int, len(b.cols))
	}
	found := false
	for i, col := range b.cols {
		for j, cd := range col.Cards {
			if cd.Posting == focused {
				b.col, b.card[i], found = i, j, true
			}
		}
		b.card[i] = clampInt(b.card[i], 0, max(len(col.Cards)-1, 0))
	}
	if !found && len(b.colCards()) == 0 { // the focus on the first column with a card
		for i, col := range b.cols {
			if len(col.Cards) > 0 {
				b.col = i
				break
			}
		}
	}
	b.scroll()
}

// tracked returns the postings with a stage that match holds (all of
// them when match is nil).
func (b *board) tracked(match map[*model.Posting]bool) []*model.Posting {
	if b.c.store == nil {
		return nil
	}
	var ps []*model.Posting
	for id, e := range b.c.store.Entries() {
		if e.Stage == model.StageNone {
			continue
		}
		p, ok := b.c.coll.ByID(id)
		if ok && (match == nil || match[p]) {
			ps = append(ps, p)
		}
	}
	return ps
}

// startQuery runs the filter over the tracked postings in a Cmd.
func (b *board) startQuery() tea.Cmd {
	q := model.ParseQuery(b.query())
	q.Now = b.c.now()
	q.Within = []int32{}
	for _, p := range b.tracked(nil) {
		if i := b.c.coll.IndexOf(p.ID); i >= 0 {
			q.Within = append(q.Within, int32(i))
		}
	}
	cmd := b.job.start(filterSpec{snap: b.c.coll.Snapshot(), q: q, sort: model.SortNewest, ann: b.c.filterAnn(), text: b.c.text})
	return func() tea.Msg { return boardResultMsg{cmd().(resultMsg)} }
}

// onResult shows the filter's result when it is the current one.
func (b *board) onResult(msg boardResultMsg) tea.Cmd {
	q := b.query()
	raw := model.ParseQuery(q).Raw
	show, err := b.job.reply(msg.resultMsg, func(r model.Result) bool { return r.Query == raw })
	if err != nil {
		return b.c.flash(filterErrText(err), true)
	}
	if !show {
		return nil
	}
	if q == "" {
		b.match = nil
	} else {
		b.match = make(map[*model.Posting]bool, msg.res.Len())
		for i := range msg.res.Len() {
			b.match[msg.res.Posting(i)] = true
		}
	}
	b.stale = true
	return nil
}

// Update handles the board's keys and its filter's messages.
func (b *board) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return b.onKey(msg)
	case boardResultMsg:
		return b.onResult(msg)
	}
	if b.filtering {
		var cmd tea.Cmd
		b.input, cmd = b.input.Update(msg)
		return cmd
	}
	return nil
}

// onKey moves the focus, or edits the filter while it has the keyboard.
func (b *board) onKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &b.c.keys
	if b.filtering {
		return b.onFilterKey(msg)
	}
	switch {
	case key.Matches(msg, k.BoardLeft):
		b.col = max(b.col-1, 0)
	case key.Matches(msg, k.BoardRight):
		b.col = min(b.col+1, len(b.cols)-1)
	case key.Matches(msg, k.Up):
		b.moveCard(-1)
	case key.Matches(msg, k.Down):
		b.moveCard(1)
	case key.Matches(msg, k.Top):
		b.moveCard(-len(b.colCards()))
	case key.Matches(msg, k.Bottom):
		b.moveCard(len(b.colCards()))
	case key.Matches(msg, k.PageUp):
		b.moveCard(-b.cardsFit())
	case key.Matches(msg, k.PageDown):
		b.moveCard(b.cardsFit())
	case key.Matches(msg, k.Open):
		if p := b.Selected(); p != nil {
			return func() tea.Msg { return showPosting{p} }
		}
	case key.Matches(msg, k.Filter):
		b.filtering = true
		return b.input.Focus()
	case key.Matches(msg, k.ClearFilter):
		b.input.SetValue("")
		return b.startQuery()
	}
	b.scroll()
	return nil
}

// onFilterKey edits the filter: each change runs it again; accept keeps
// it, cancel clears it.
func (b *board) onFilterKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &b.c.keys
	switch {
	case key.Matches(msg, k.FilterAccept):
		b.filtering = false
		b.input.Blur()
		return nil
	case key.Matches(msg, k.FilterCancel):
		b.filtering = false
		b.input.Blur()
		b.input.SetValue("")
		return b.startQuery()
	}
	before := b.input.Value()
	var cmd tea.Cmd
	b.input, cmd = b.input.Update(msg)
	if b.input.Value() != before {
		return tea.Batch(cmd, b.startQuery())
	}
	return cmd
}

// colCards are the cards of the focused column.
func (b *board) colCards() []model.BoardCard {
	if b.col < 0 || b.col >= len(b.cols) {
		return nil
	}
	return b.cols[b.col].Cards
}

// moveCard moves the focus d cards down the focused column.
func (b *board) moveCard(d int) {
	if n := len(b.colCards()); n > 0 {
		b.card[b.col] = clampInt(b.card[b.col]+d, 0, n-1)
	}
}

// cardsFit is how many cards a column shows.
func (b *board) cardsFit() int { return max((b.lay.bodyH-boardHeaderH)/boardCardH, 1) }

// visible is how many columns fit side by side, and their width.
func (b *board) visible() (n, width int) {
	n = clampInt((b.lay.width+1)/(boardColMin+1), 1, max(len(b.cols), 1))
	return n, (b.lay.width - (n - 1)) / n
}

// scroll brings the focused column and its focused card on screen.
func (b *board) scroll() {
	if len(b.cols) == 0 {
		return
	}
	b.col = clampInt(b.col, 0, len(b.cols)-1)
	n, _ := b.visible()
	b.off = clampInt(b.off, max(b.col-n+1, 0), b.col)
	fit := b.cardsFit()
	for i := range b.cols {
		b.top[i] = clampInt(b.top[i], max(b.card[i]-fit+1, 0), b.card[i])
	}
}

// Selected is the focused card's posting (nil: none).
func (b *board) Selected() *model.Posting {
	cards := b.colCards()
	if len(cards) == 0 || b.col >= len(b.card) {
		return nil
	}
	return cards[b.card[b.col]].Posting
}

// Pin does nothing: an overlay edits the focused card, which stays
// focused until the columns are computed again.
func (b *board) Pin() {}

// Context is the board's mode, or the filter's while it is typed.
func (b *board) Context() keymap.Context {
	mode := keymap.ModeBoard
	if b.filtering {
		mode = keymap.ModeFilter
	}
	return keymap.Context{Mode: mode, Selection: b.Selected() != nil, Filtered: b.query() != ""}
}

// Status says how many postings the board holds and which columns show.
func (b *board) Status() (marks []string, info string) {
	total := 0
	for _, c := range b.cols {
		total += len(c.Cards)
	}
	info = fmt.Sprintf("board · %d tracked", total)
	if n, _ := b.visible(); n < len(b.cols) {
		info += fmt.Sprintf(" · columns %d–%d of %d", b.off+1, min(b.off+n, len(b.cols)), len(b.cols))
	}
	if q := b.query(); q != "" {
		info += " · query " + ansi.Truncate(clean(q), 24, "…")
	}
	return nil, info
}

// ShortHelp is the board's short help.
func (b *board) ShortHelp() []key.Binding { return b.c.keys.BoardShortHelp() }

// FullHelp is the board's full help.
func (b *board) FullHelp() [][]key.Binding { return b.c.keys.BoardFullHelp() }
