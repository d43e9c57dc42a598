package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// findRow returns the row of the shown result that holds p, or -1.
func (m *Model) findRow(p *model.Posting) int {
	if p == nil {
		return -1
	}
	snap := m.res.Snapshot()
	for row, i := range m.res.Rows {
		if snap.At(int(i)) == p {
			return row
		}
	}
	return -1
}

// reselect puts the cursor back on the selected posting after the list
// changed under it, or keeps the cursor's row when that posting is gone.
// Until the user has moved the cursor it stays on the first row, so the
// postings streaming in do not push it down.
func (m *Model) reselect() tea.Cmd {
	n := m.res.Len()
	if !m.moved {
		return m.setCursor(0)
	}
	if row := m.findRow(m.sel); row >= 0 {
		m.cur = row
	} else {
		m.cur = clampInt(m.cur, 0, max(n-1, 0))
	}
	return m.setCursor(m.cur)
}

// moveCursor moves the cursor to row i (clamped) and shows its posting,
// on the user's behalf.
func (m *Model) moveCursor(i int) tea.Cmd {
	m.moved = true
	return m.setCursor(i)
}

// setCursor puts the cursor on row i (clamped), scrolls it into view and
// shows its posting; it does not count as the user moving the cursor.
func (m *Model) setCursor(i int) tea.Cmd {
	n := m.res.Len()
	if n == 0 {
		m.cur, m.off = 0, 0
		if m.sel != nil {
			m.sel = nil
			return m.refreshDetail()
		}
		return nil
	}
	m.cur = clampInt(i, 0, n-1)
	m.scrollToCursor()
	p := m.res.Posting(m.cur)
	if p == m.sel && m.detail.p == p {
		return nil
	}
	m.sel = p
	return m.refreshDetail()
}

// scrollToCursor moves the first visible row so the cursor is on screen.
func (m *Model) scrollToCursor() {
	rows := max(m.lay.rows, 1)
	if m.cur < m.off {
		m.off = m.cur
	}
	if m.cur >= m.off+rows {
		m.off = m.cur - rows + 1
	}
	m.off = clampInt(m.off, 0, max(m.res.Len()-rows, 0))
}

// listLines renders the list pane: the filter line, then the visible rows,
// each line exactly width cells, height lines in all. Only the visible rows
// are rendered, so the cost does not grow with the number of postings.
func (m *Model) listLines(width, height int) []string {
	out := make([]string, 0, height)
	out = append(out, m.filterLine(width))
	n := m.res.Len()
	withQuery := len(m.res.Query) > 0
	now := m.now()
	for row := m.off; row < n && len(out)+rowHeight <= height; row++ {
		p := m.res.Posting(row)
		rv := rowView{p: p, selected: row == m.cur, focused: m.focus == 0 && !m.filtering, ann: m.ann, now: now}
		if withQuery {
			rv.m.Title, rv.m.Meta = m.res.Highlights(row)
		}
		lines := renderRow(&m.st, rv, width)
		out = append(out, lines[:]...)
	}
	if n == 0 {
		msg := "no postings"
		switch {
		case m.loading:
			msg = "loading…"
		case m.query() != "":
			msg = "no posting matches"
		}
		out = append(out, fit("  "+m.st.Dim.Render(msg), width))
	}
	blank := strings.Repeat(" ", width)
	for len(out) < height {
		out = append(out, blank)
	}
	return out
}

// filterLine is the top line of the list pane: the input while filtering,
// the active query, or a hint.
func (m *Model) filterLine(width int) string {
	switch {
	case m.filtering:
		return fit(m.input.View(), width)
	case m.query() != "":
		return fit(m.st.Prompt.Render("/ ")+m.st.Value.Render(clean(m.query())), width)
	default:
		return fit(m.st.Dim.Render("/ filter"), width)
	}
}
