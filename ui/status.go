package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/keymap"
)

// statusLine renders the status line, width cells: shown of total, the
// query or sort, load progress while streaming, and a passing message.
func (m *Model) statusLine(width int) string {
	var left strings.Builder
	if m.loading {
		left.WriteString(m.spin.View() + " ")
	}
	fmt.Fprintf(&left, "%d/%d", m.res.Len(), m.coll.Len())
	if q := m.query(); q != "" {
		left.WriteString(" · query " + ansi.Truncate(clean(q), 24, "…"))
		if m.running != 0 {
			left.WriteString(" (filtering…)")
		}
		left.WriteString(" · by score, then " + m.sort.String())
	} else {
		left.WriteString(" · sort " + m.sort.String())
	}
	if m.focus == keymap.ModeDetail && len(m.detail.lines) > m.lay.bodyH {
		end := min(m.detail.off+m.lay.bodyH, len(m.detail.lines))
		fmt.Fprintf(&left, " · lines %d–%d of %d", m.detail.off+1, end, len(m.detail.lines))
	}
	if m.loading {
		p := m.progress
		fmt.Fprintf(&left, " · loading: %d seen, %d loaded, %d skipped", p.Seen, p.Loaded, p.Skipped)
	}
	l := m.st.Status.Render(left.String())
	msg, isErr := m.msg, m.msgErr
	if msg == "" {
		msg, isErr = m.prefs.Notice, true
	}
	if msg == "" {
		return fit(l, width)
	}
	style := m.st.Message
	if isErr {
		style = m.st.Error
	}
	r := style.Render(msg)
	lw, rw := ansi.StringWidth(l), ansi.StringWidth(r)
	if lw+2+rw > width {
		if rw > width/2 {
			r = style.Render(ansi.Truncate(msg, width/2, "…"))
			rw = ansi.StringWidth(r)
		}
		l = ansi.Truncate(l, max(width-rw-2, 0), "…")
		lw = ansi.StringWidth(l)
	}
	return fit(l+strings.Repeat(" ", max(width-lw-rw, 1))+r, width)
}
