package ui

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// query is the filter query as typed now.
func (b *browser) query() string { return strings.TrimSpace(b.input.Value()) }

// startQuery starts a filter job for the current query, sort and view over
// the postings loaded so far, cancelling the job in flight. Its reply is
// shown only if they are still the same when it arrives.
func (b *browser) startQuery() tea.Cmd {
	q := model.ParseQuery(b.query())
	if b.only {
		q.Within = b.shortlisted()
	}
	return b.job.start(filterSpec{snap: b.c.coll.Snapshot(), q: q, sort: b.sort, ann: b.c.filterAnn(), text: b.c.text, prev: b.job.narrowFrom(b.list.res)})
}

// shortlisted returns where the shortlisted postings sit in the collection
// (one IndexOf per shortlisted id, from the store's cached
// [model.Store.ShortlistedIDs]; the loader adds each id once, merging
// duplicates), never nil.
func (b *browser) shortlisted() []int32 {
	at := []int32{}
	if b.c.store == nil {
		return at
	}
	for _, id := range b.c.store.ShortlistedIDs() {
		if i := b.c.coll.IndexOf(id); i >= 0 {
			at = append(at, int32(i))
		}
	}
	return at
}

// onResult shows a filter result unless a newer query, sort or view
// superseded it, keeping the cursor on the same posting when it is still
// shown, and starts the refilter postings that arrived meanwhile asked for.
func (b *browser) onResult(msg resultMsg) tea.Cmd {
	current := func(r model.Result) bool {
		return r.Query == model.ParseQuery(b.query()).Raw && r.Sort == b.sort && r.Restricted == b.only
	}
	show, err := b.job.reply(msg, current)
	var cmd tea.Cmd
	b.textWaiting = errors.Is(err, model.ErrIndexNotReady)
	switch {
	case err != nil:
		b.queryErr = filterErrMark(err)
		cmd = b.c.flash(filterErrText(err), true)
	case show:
		b.queryErr = ""
		b.list.setResult(msg.res)
		b.detail.setTerms(&b.c.styles, model.ParseQuery(msg.res.Query).TextTerms())
		if row := b.list.findRow(b.reveal0); row >= 0 {
			b.list.move(row)
			b.reveal0 = nil
		}
	}
	switch {
	case b.job.editPending():
		cmd = tea.Batch(cmd, b.startQuery())
	case b.job.pending():
		cmd = tea.Batch(cmd, b.refilter())
	}
	return cmd
}

// filterErrText is what the status line says for a filter job's error;
// the list keeps showing the last result meanwhile.
func filterErrText(err error) string {
	var qe *model.QueryError
	switch {
	case errors.As(err, &qe):
		return "query: " + qe.Error()
	case errors.Is(err, model.ErrIndexNotReady):
		return "the full-text index is not ready yet: the query runs when it is"
	case errors.Is(err, model.ErrTextSearchOff):
		return "full-text search is off: quoted terms match nothing"
	}
	return "filter: " + err.Error()
}

// filterErrMark is the filter line's short note of a filter job's error.
func filterErrMark(err error) string {
	var qe *model.QueryError
	switch {
	case errors.As(err, &qe):
		return fmt.Sprintf("✗ column %d", qe.Pos+1)
	case errors.Is(err, model.ErrIndexNotReady):
		return "… waiting for the index"
	case errors.Is(err, model.ErrTextSearchOff):
		return "✗ full-text search is off"
	}
	return "✗ " + err.Error()
}

// onTextIndexReady reruns the query when it has quoted terms: it was
// waiting for the index, or the index now answers them better.
func (b *browser) onTextIndexReady() tea.Cmd {
	waiting := b.textWaiting
	b.textWaiting = false
	if waiting || model.ParseQuery(b.query()).HasText() {
		return b.startQuery()
	}
	return nil
}

// refilter reruns the query because postings arrived: right away when no
// job runs, else once the running job replies (see filterJob.refilter).
func (b *browser) refilter() tea.Cmd {
	now, cmd := b.job.refilter(b.c.loading, b.c.coll.Len(), b.c.tick)
	if now {
		return b.startQuery()
	}
	return cmd
}

// filterBusy reports whether a filter job is in flight or due.
func (b *browser) filterBusy() bool { return b.job.busy() || b.job.dirty || b.job.due }

// storeChanged reruns the query when the change to the user's state can
// change what it shows: in the shortlist-only view, or for a query with a
// tag: or is: term.
func (b *browser) storeChanged() tea.Cmd {
	if b.only || queryUsesState(b.query()) {
		return b.startQuery()
	}
	return nil
}

// seenChanged reruns an is:new query once the log of what is new has
// been read.
func (b *browser) seenChanged() tea.Cmd {
	for _, t := range model.ParseQuery(b.query()).Terms {
		if t.Scope == model.ScopeNew {
			return b.startQuery()
		}
	}
	return nil
}

// queryUsesState reports whether q has a tag:, is:, stage: or stage date
// term, whose matches change when the user's state does.
func queryUsesState(q string) bool {
	for _, t := range model.ParseQuery(q).Terms {
		if t.Scope == model.ScopeTag || t.Scope == model.ScopeShortlisted || t.Scope >= model.ScopeStage && t.Scope <= model.ScopeStageDate {
			return true
		}
	}
	return false
}

// toggleOnly switches the shortlist-only view and filters again.
func (b *browser) toggleOnly() tea.Cmd {
	b.only = !b.only
	if b.only {
		return b.startQuery() // the status line says so while it lasts
	}
	return tea.Batch(b.startQuery(), b.c.flash("all postings", false))
}

// startFilter gives the filter input the keyboard.
func (b *browser) startFilter() tea.Cmd {
	b.filtering = true
	return b.input.Focus()
}

// clearFilter empties the filter and shows everything again.
func (b *browser) clearFilter() tea.Cmd {
	b.input.Reset()
	return b.startQuery()
}

// cycleSort switches to the next sort order.
func (b *browser) cycleSort() tea.Cmd {
	b.sort = b.sort.Next()
	return tea.Batch(b.startQuery(), b.c.flash("sort: "+b.sort.String(), false))
}

// onFilterKey handles a key while the filter input has the keyboard:
// enter keeps the filter, esc clears it, anything else edits it and, when
// the text changed, starts a filter job. The filtering itself runs in the
// job.
func (b *browser) onFilterKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &b.c.keys
	switch {
	case keyMatches(msg, k.FilterPrev):
		b.list.move(b.list.cur - 1)
		return nil
	case keyMatches(msg, k.FilterNext):
		b.list.move(b.list.cur + 1)
		return nil
	case keyMatches(msg, k.FilterAccept):
		b.filtering = false
		b.input.Blur()
		return nil
	case keyMatches(msg, k.FilterCancel):
		b.filtering = false
		b.input.Blur()
		if b.input.Value() == "" {
			return nil
		}
		return b.clearFilter()
	}
	return b.editFilter(msg)
}

// editFilter passes msg (a key, a paste) to the filter input and starts a
// filter job when the query changed.
func (b *browser) editFilter(msg tea.Msg) tea.Cmd {
	before := b.input.Value()
	full := utf8.RuneCountInString(before) >= maxQuery
	var cmd tea.Cmd
	b.input, cmd = b.input.Update(msg)
	after := b.input.Value()
	if full && after == before && typesText(msg) {
		return tea.Batch(cmd, b.c.flash(fmt.Sprintf("the filter takes at most %d characters", maxQuery), true))
	}
	if strings.TrimSpace(after) == strings.TrimSpace(before) {
		return cmd
	}
	if b.job.edited() {
		return tea.Batch(cmd, b.startQuery())
	}
	return cmd
}

// maxQuery is the longest query the filter takes, in characters: a query
// is a few words, and a paste of a whole posting is cut here rather than
// matched against every posting.
const maxQuery = 1000

// typesText reports whether msg would add text to an input.
func typesText(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return msg.Text != ""
	case tea.PasteMsg:
		return msg.Content != ""
	}
	return false
}

// filterLine is the top line of the list pane: the input while filtering,
// the active query, or a hint.
func (b *browser) filterLine(width int) string {
	st := &b.c.styles
	switch {
	case b.filtering:
		return fit(b.input.View(), width)
	case b.query() != "" && b.queryErr != "":
		return fit(st.Prompt.Render("/ ")+st.Value.Render(clean(b.query()))+"  "+st.Error.Render(clean(b.queryErr)), width)
	case b.query() != "":
		return fit(st.Prompt.Render("/ ")+st.Value.Render(clean(b.query())), width)
	default:
		return fit(st.Dim.Render("/ filter"), width)
	}
}
