package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// Annotations tells the row renderer and the filter which postings the user
// shortlisted and tagged. A nil Annotations means none.
type Annotations = model.Annotations

// resultMsg carries the list a filter job computed, tagged with the job's
// sequence number.
type resultMsg struct {
	seq int
	res model.Result
	err error
}

// query is the filter query as typed now.
func (m *Model) query() string { return strings.TrimSpace(m.input.Value()) }

// startQuery starts a filter job for the current query and sort over the
// postings loaded so far, cancelling the job in flight. Its reply is shown
// only if the query and sort are still the same when it arrives.
func (m *Model) startQuery() tea.Cmd {
	if m.cancelJob != nil {
		m.cancelJob()
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.cancelJob = cancel
	m.seq++
	m.running = m.seq
	m.dirty = false
	m.lastStart = time.Now()
	seq, snap, q, sort, ann := m.seq, m.coll.Snapshot(), model.ParseQuery(m.query()), m.sort, m.ann
	var prev *model.Result
	if m.shown > 0 {
		r := m.res
		prev = &r
	}
	return func() tea.Msg {
		defer cancel()
		res, err := model.Filter(ctx, snap, q, sort, ann, prev)
		return resultMsg{seq: seq, res: res, err: err}
	}
}

// refilter reruns the query because postings arrived: right away when no
// job runs, else once the running job replies.
//
// While a folder of more than throttleMin postings streams in, refilters
// start at most every refilterEvery: each one filters and sorts the whole
// collection, and on two cores it would slow the load it is showing.
func (m *Model) refilter() tea.Cmd {
	if m.running != 0 || m.refilterDue {
		m.dirty = true
		return nil
	}
	if m.loading && m.coll.Len() > throttleMin {
		if wait := refilterEvery - time.Since(m.lastStart); wait > 0 {
			m.dirty, m.refilterDue = true, true
			return m.tick(wait, func(time.Time) tea.Msg { return refilterMsg{} })
		}
	}
	return m.startQuery()
}

// Refilter throttling while loading (see refilter).
const (
	throttleMin   = 5000
	refilterEvery = 150 * time.Millisecond
)

// refilterMsg says a throttled refilter is due.
type refilterMsg struct{}

// onRefilter starts the refilter that was held back, unless a job is
// running (its reply will start it).
func (m *Model) onRefilter() tea.Cmd {
	m.refilterDue = false
	if m.dirty && m.running == 0 {
		return m.startQuery()
	}
	return nil
}

// onResult shows a filter result unless a newer query or sort superseded
// it, keeping the cursor on the same posting when it is still shown.
func (m *Model) onResult(msg resultMsg) tea.Cmd {
	if msg.seq == m.running {
		m.running = 0
	}
	var cmd tea.Cmd
	stale := msg.seq < m.shown || msg.res.Query != model.ParseQuery(m.query()).Raw || msg.res.Sort != m.sort
	switch {
	case msg.err != nil && errors.Is(msg.err, context.Canceled):
	case msg.err != nil:
		cmd = m.flash("filter: "+msg.err.Error(), true)
	case !stale:
		m.shown = msg.seq
		m.res = msg.res
		cmd = m.reselect()
	}
	if m.running == 0 && m.dirty {
		cmd = tea.Batch(cmd, m.refilter())
	}
	return cmd
}

// startFilter focuses the filter input.
func (m *Model) startFilter() tea.Cmd {
	m.filtering = true
	return m.input.Focus()
}

// clearFilter empties the filter and shows everything again.
func (m *Model) clearFilter() tea.Cmd {
	m.input.Reset()
	return m.startQuery()
}

// cycleSort switches to the next sort order.
func (m *Model) cycleSort() tea.Cmd {
	m.sort = m.sort.Next()
	return tea.Batch(m.startQuery(), m.flash("sort: "+m.sort.String(), false))
}

// onFilterKey handles a key while the filter input has focus: enter keeps
// the filter, esc clears it, anything else edits it and, when the text
// changed, starts a filter job. The filtering itself runs in the job.
func (m *Model) onFilterKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	switch {
	case keyMatches(msg, k.ForceQuit):
		return m.quit()
	case keyMatches(msg, k.FilterPrev):
		return m.moveCursor(m.cur - 1)
	case keyMatches(msg, k.FilterNext):
		return m.moveCursor(m.cur + 1)
	case keyMatches(msg, k.FilterAccept):
		m.filtering = false
		m.input.Blur()
		return nil
	case keyMatches(msg, k.FilterCancel):
		m.filtering = false
		m.input.Blur()
		if m.input.Value() == "" {
			return nil
		}
		return m.clearFilter()
	}
	return m.editFilter(msg)
}

// editFilter passes msg (a key, a paste) to the filter input and starts a
// filter job when the query changed.
func (m *Model) editFilter(msg tea.Msg) tea.Cmd {
	before := m.query()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.query() != before {
		return tea.Batch(cmd, m.startQuery())
	}
	return cmd
}
