package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// browser is the [screen] of a fuzzy-filterable list beside a detail pane
// that shows the posting under the cursor. It owns the filter (input,
// sort, shortlist-only view and the [filterJob] that runs it), the
// [listPane] and the [detailPane]; on a narrow screen one pane shows at a
// time.
type browser struct {
	c         *common
	lay       layout
	focus     keymap.Mode // ModeList or ModeDetail
	input     textinput.Model
	filtering bool // the input has the keyboard
	find      textinput.Model
	finding   bool // find, the search in the posting, has the keyboard
	sort      model.SortOrder
	only      bool // the shortlist-only view
	job       filterJob
	list      listPane
	detail    detailPane
	reveal0   *model.Posting // to put the cursor on when the next result shows
	// textWaiting reports that the last filter job waited for the
	// full-text index: TextIndexReadyMsg reruns it.
	textWaiting bool
	// queryErr is why the query on screen shows an older result ("" when
	// it does not): the filter line says so after the status line's
	// message has gone.
	queryErr string
}

var _ screen = (*browser)(nil)

// newBrowser returns a browser over c's postings, showing none until the
// first filter result.
func newBrowser(c *common) *browser {
	b := &browser{c: c, input: textinput.New(), detail: newDetailPane(func(p *model.Posting) (string, error) { return c.read(p) })}
	b.input.CharLimit = maxQuery
	b.input.Prompt = "/ "
	b.input.Placeholder = "words, company:x, -word"
	b.find = textinput.New()
	b.find.CharLimit = maxQuery
	b.find.Prompt = "search posting: "
	return b
}

// Changed redoes what c changes: new postings filter again, a change to
// the user's state reruns a query that depends on it, the loaded state
// file reruns the query and redraws the detail header, new styles restyle
// the input; annotations set outside Update redraw the detail header now
// (its renders wait for the next Reconcile); quitting stops the filter;
// the full-text index becoming ready reruns a query with quoted terms.
func (b *browser) Changed(c change) tea.Cmd {
	switch c {
	case postingsAdded:
		return b.refilter()
	case storeChanged:
		return b.storeChanged()
	case storeLoaded:
		b.redrawHeader()
		return b.startQuery()
	case stylesChanged:
		b.input.SetStyles(inputStyles(&b.c.styles))
		b.find.SetStyles(inputStyles(&b.c.styles))
	case annotationsSet:
		b.redrawHeader()
	case quitting:
		b.job.stop()
	case textIndexReady:
		return b.onTextIndexReady()
	}
	return nil
}

// SetSize lays the panes out for l.
func (b *browser) SetSize(l layout) {
	b.lay = l
	b.input.SetWidth(max(l.listW-4, 1))
	b.find.SetWidth(max(b.detailWidth()-len(b.find.Prompt)-1, 1))
	b.list.setRows(l.rows)
	b.detail.height = l.bodyH
}

// Update handles the browser's messages and the keys, mouse events and
// input messages the root passes on.
func (b *browser) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return b.onKey(msg)
	case tea.MouseClickMsg:
		return b.onClick(msg)
	case tea.MouseWheelMsg:
		b.onWheel(msg)
		return nil
	case resultMsg:
		return b.onResult(msg)
	case refilterMsg:
		if b.job.onDue() {
			return b.startQuery()
		}
		return nil
	case renderedMsg:
		return b.detail.onRendered(msg)
	}
	if b.filtering {
		return b.editFilter(msg) // a paste, or the cursor's own messages
	}
	if b.finding {
		var cmd tea.Cmd
		b.find, cmd = b.find.Update(msg)
		return cmd
	}
	return nil
}

// Reconcile shows the selected posting in the detail pane at the pane's
// width in the current style, and asks for the renders that takes.
func (b *browser) Reconcile() tea.Cmd {
	want := detailWant{p: b.list.selected(), width: b.detailWidth(), style: b.c.styles.glamourStyle()}
	if !b.c.loading && !b.filterBusy() {
		// While a folder streams in, each refilter may put other postings
		// next to the cursor, and so may the result of a filter job: they
		// are rendered ahead once it is loaded and the list shows it.
		want.ahead = b.list.neighbours()
	}
	return b.detail.reconcile(want, b.look())
}

// redrawHeader redraws the detail header now, from outside Update; the
// renders it may need wait for the next Reconcile.
func (b *browser) redrawHeader() {
	d := &b.detail
	if d.lines == nil {
		return
	}
	look := b.look()
	k, extra := d.headerKey(look)
	d.header, d.after = d.headerOf(look, extra)
	d.hkey = k
	d.join(&b.c.styles)
}

// look is what the detail header is drawn from besides the posting.
func (b *browser) look() detailLook {
	return detailLook{st: &b.c.styles, ann: b.c.ann, now: b.c.now(), extra: b.c.extra}
}

// detailWidth is the width of the detail pane's content: the pane less a
// one-column gap from the separator when the panes are side by side.
func (b *browser) detailWidth() int {
	if b.lay.single {
		return b.lay.detailW
	}
	return b.lay.detailW - 1
}

// Selected is the posting under the cursor (nil: none).
func (b *browser) Selected() *model.Posting { return b.list.selected() }

// Pin keeps the cursor on the selected posting from now on (an overlay
// edits it), even while postings stream in.
func (b *browser) Pin() { b.list.pin() }

// Context says what has the keyboard (the filter input, or the pane with
// the focus), whether a posting is selected and a filter is set.
func (b *browser) Context() keymap.Context {
	mode := b.focus
	switch {
	case b.filtering:
		mode = keymap.ModeFilter
	case b.finding:
		mode = keymap.ModeSearch
	}
	return keymap.Context{Mode: mode, Selection: b.list.selected() != nil, Filtered: b.query() != "", Searching: b.detail.searching()}
}

// ShortHelp is the keymap's short help.
func (b *browser) ShortHelp() []key.Binding { return b.c.keys.ShortHelp() }

// FullHelp is the keymap's full help.
func (b *browser) FullHelp() [][]key.Binding { return b.c.keys.FullHelp() }

// View draws the panes, lay.bodyH lines.
func (b *browser) View() []string {
	l := b.lay
	st := &b.c.styles
	switch {
	case l.single && b.focus == keymap.ModeDetail:
		return b.detailView()
	case l.single:
		return b.listView(l.width)
	}
	list := b.listView(l.listW)
	det := b.detailView()
	sep := st.Separator.Render("│") + " "
	panes := make([]string, l.bodyH)
	for i := range panes {
		panes[i] = list[i] + sep + det[i]
	}
	return panes
}

// listView draws the list pane width wide.
func (b *browser) listView(width int) []string {
	empty := "no postings"
	switch {
	case b.c.loading:
		empty = "loading…"
	case b.query() != "":
		empty = "no posting matches"
	}
	look := listLook{top: b.filterLine(width), focused: b.focus == keymap.ModeList && !b.filtering, empty: empty, ann: b.c.ann, now: b.c.now(), marks: b.c.marks, isNew: b.c.isNew}
	return b.list.view(&b.c.styles, look, width, b.lay.bodyH)
}

// Status returns "★ shortlist only" in that view, and shown of total, the
// query or sort, and which detail lines are on screen while it has focus.
func (b *browser) Status() (marks []string, info string) {
	st := &b.c.styles
	if b.only {
		marks = append(marks, st.Star.Render("★")+st.Status.Render(" shortlist only"))
	}
	info = fmt.Sprintf("%d/%d", b.list.len(), b.c.coll.Len())
	if q := b.query(); q != "" {
		info += " · query " + ansi.Truncate(clean(q), 24, "…")
		if b.job.busy() {
			info += " (filtering…)"
		}
		info += " · by score, then " + b.sort.String()
	} else {
		info += " · sort " + b.sort.String()
	}
	if first, last, total, ok := b.detail.position(); ok && b.focus == keymap.ModeDetail {
		info += fmt.Sprintf(" · lines %d–%d of %d", first, last, total)
	}
	if s := b.detail.matchStatus(); s != "" && b.focus == keymap.ModeDetail {
		info += " · " + s
	}
	return marks, info
}

// shown returns every posting the list shows, in its order.
func (b *browser) shown() []*model.Posting {
	out := make([]*model.Posting, b.list.len())
	for i := range out {
		out[i] = b.list.res.Posting(i)
	}
	return out
}

// reveal puts the cursor on p and the focus on the detail pane. When the
// filter or the shortlist-only view hides p, it clears them first and
// moves there once the list is filtered again.
func (b *browser) reveal(p *model.Posting) tea.Cmd {
	b.focus = keymap.ModeDetail
	if row := b.list.findRow(p); row >= 0 {
		b.list.move(row)
		return nil
	}
	b.reveal0 = p
	b.input.SetValue("")
	b.only = false
	return b.startQuery()
}
