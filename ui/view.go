package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// View draws the screen from the model's state. It does no slow work:
// bodies come pre-rendered from the cache and only visible rows are drawn.
// Before the first WindowSizeMsg it draws nothing.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.ReportFocus = true // refresh the state file on focus (onFocus)
	v.WindowTitle = "jobdeck"
	return v
}

// render returns the screen content as a string of lay.height lines: the
// screen, the status line, then the help or the open overlay.
func (m *Model) render() string {
	if !m.ready || m.quit == quitDone {
		return ""
	}
	l := m.lay
	if l.tooSmall {
		return tooSmallView(&m.c.styles, l.width, l.height)
	}
	var b strings.Builder
	for _, line := range m.active().View() {
		b.WriteString(line)
		b.WriteByte('\n')
	}
	b.WriteString(m.statusLine(l.width))
	if l.helpH > 0 {
		b.WriteByte('\n')
		b.WriteString(m.footer())
	}
	return b.String()
}

// statusLine is the status line, width cells: the store's marks
// ("read-only", "unsaved") and the screen's, then what the screen says.
func (m *Model) statusLine(width int) string {
	marks, info := m.active().Status()
	return m.status.view(&m.c.styles, width, append(m.storeMarks(), append(m.trackMarks(), marks...)...), joinInfo(info, m.index.status), m.c.loading)
}

// trackMarks are the marks of the job search in front of the status
// line: how many postings are marked, how many follow-ups are due.
func (m *Model) trackMarks() []string {
	st := &m.c.styles
	var out []string
	if n := len(m.c.marks); n > 0 {
		out = append(out, st.Mark.Render(fmt.Sprintf("● %d marked", n)))
	}
	if m.c.fresh > 0 {
		out = append(out, st.Message.Render(fmt.Sprintf("%d new", m.c.fresh)))
	}
	if n := m.c.store.DueCount(m.c.now()); n == 1 {
		out = append(out, st.Due.Render("1 follow-up due"))
	} else if n > 1 {
		out = append(out, st.Due.Render(fmt.Sprintf("%d follow-ups due", n)))
	}
	return out
}

// helpBar is the help footer: the short or the full help of the screen.
type helpBar struct {
	help.Model
	full bool // the full help is open
}

// footer renders the open overlay, or the short or full help of the
// screen, lay.helpH lines of lay.width cells.
func (m *Model) footer() string {
	w, h := m.lay.width, m.lay.helpH
	if m.overlay != nil {
		lines := strings.Split(m.overlay.View(w, h), "\n")
		for len(lines) < h {
			lines = append(lines, "")
		}
		for i := range lines[:h] {
			lines[i] = fit(lines[i], w)
		}
		return strings.Join(lines[:h], "\n")
	}
	m.help.SetWidth(w)
	if m.help.full {
		lines := strings.Split(m.help.FullHelpView(m.active().FullHelp()), "\n")
		if len(lines) > h {
			lines = lines[:h]
		}
		for i := range lines {
			lines[i] = fit(lines[i], w)
		}
		return strings.Join(lines, "\n")
	}
	return fit(m.help.ShortHelpView(m.active().ShortHelp()), w)
}

// helpHeight is the number of lines the help (or the overlay in its place)
// wants.
func (m *Model) helpHeight() int {
	if m.overlay != nil {
		return overlayLines(m.overlay, m.lay.width)
	}
	if !m.help.full {
		return 1
	}
	m.help.SetWidth(m.lay.width)
	return strings.Count(m.help.FullHelpView(m.active().FullHelp()), "\n") + 1
}
