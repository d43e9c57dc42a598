package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// onlyResultMsg is a filter result narrowed to the shortlist for the
// shortlist-only view.
type onlyResultMsg struct{ resultMsg }

func (onlyResultMsg) isStateMsg() {}

// onShortlistView toggles the shortlist-only view and filters again.
func (m *Model) onShortlistView() tea.Cmd {
	m.state.only = !m.state.only
	m.shown = 0 // never narrow from a list the view cut down
	if m.state.only {
		return m.startQuery() // the status line says so while it lasts
	}
	return tea.Batch(m.startQuery(), m.flash("all postings", false))
}

// onFilterResult takes every filter result: in the shortlist-only view a
// Cmd first keeps only the shortlisted rows, else it goes to onResult as
// it is. Update finds where the shortlisted postings sit in the collection
// (one IndexOf per shortlisted id; the loader adds each id once, merging
// duplicates); the Cmd then cuts the rows with a bit set, so a result of
// 100k rows costs well under a millisecond.
func (m *Model) onFilterResult(msg resultMsg) tea.Cmd {
	st := m.state.store
	if !m.state.only || msg.err != nil || st == nil {
		return m.onResult(msg)
	}
	var at []int
	for id, e := range st.Entries() {
		if e.Shortlisted {
			if i := m.coll.IndexOf(id); i >= 0 {
				at = append(at, i)
			}
		}
	}
	return func() tea.Msg {
		res := msg.res
		n := res.Snapshot().Len()
		bits := make([]uint64, (n+63)/64)
		for _, i := range at {
			if i < n {
				bits[i/64] |= 1 << (i % 64)
			}
		}
		rows := make([]int32, 0, len(at))
		for _, i := range res.Rows {
			if bits[i/64]&(1<<(i%64)) != 0 {
				rows = append(rows, i)
			}
		}
		res.Rows = rows
		return onlyResultMsg{resultMsg{seq: msg.seq, res: res}}
	}
}

// onOnlyResult shows a shortlist-only result, or drops it (as cancelled)
// when the view was switched off meanwhile.
func (m *Model) onOnlyResult(msg onlyResultMsg) tea.Cmd {
	if !m.state.only {
		return m.onResult(resultMsg{seq: msg.seq, err: context.Canceled})
	}
	return m.onResult(msg.resultMsg)
}

// overlaySizer is an Overlay that knows how many lines it needs at a
// width, so a one-line question does not take maxOverlayLines from the
// panes.
type overlaySizer interface{ Lines(width int) int }

// overlayLines is the height of o at width: what it asks for (between 1
// and maxOverlayLines), else maxOverlayLines.
func overlayLines(o Overlay, width int) int {
	if s, ok := o.(overlaySizer); ok {
		return clampInt(s.Lines(width), 1, maxOverlayLines)
	}
	return maxOverlayLines
}

// stateStatusLine is the status line with the state's marks in front:
// "★ shortlist only" in that view, "read-only" when changes cannot be
// saved, "unsaved" after a Save failed.
func (m *Model) stateStatusLine(width int) string {
	var marks []string
	switch {
	case m.state.store == nil:
	case m.state.readOnly() != nil:
		marks = append(marks, m.st.Error.Render("read-only"))
	case m.state.saveErr != nil && m.state.store.Dirty():
		marks = append(marks, m.st.Error.Render("unsaved"))
	}
	if m.state.only {
		marks = append(marks, m.st.Star.Render("★")+m.st.Status.Render(" shortlist only"))
	}
	if len(marks) == 0 {
		return m.statusLine(width)
	}
	var prefix string
	for _, s := range marks {
		prefix += s + m.st.Status.Render(" · ")
	}
	pw := ansi.StringWidth(prefix)
	if pw > width/2 {
		return m.statusLine(width)
	}
	return prefix + m.statusLine(width-pw)
}
