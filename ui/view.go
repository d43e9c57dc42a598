package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
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

// render returns the screen content as a string of lay.height lines.
func (m *Model) render() string {
	if !m.ready || m.quiting {
		return ""
	}
	l := m.lay
	if l.tooSmall {
		return tooSmallView(&m.st, l.width, l.height)
	}
	var panes []string
	switch {
	case l.single && m.focus == keymap.ModeDetail:
		panes = m.detail.view(l.bodyH)
	case l.single:
		panes = m.listLines(l.width, l.bodyH)
	default:
		list := m.listLines(l.listW, l.bodyH)
		det := m.detail.view(l.bodyH)
		sep := m.st.Separator.Render("│") + " "
		panes = make([]string, l.bodyH)
		for i := range panes {
			panes[i] = list[i] + sep + det[i]
		}
	}
	var b strings.Builder
	for _, line := range panes {
		b.WriteString(line)
		b.WriteByte('\n')
	}
	b.WriteString(m.stateStatusLine(l.width))
	if l.helpH > 0 {
		b.WriteByte('\n')
		b.WriteString(m.helpView())
	}
	return b.String()
}

// helpView renders the open overlay, or the short or full help from the
// keymap, width wide.
func (m *Model) helpView() string {
	if m.overlay != nil {
		lines := strings.Split(m.overlay.View(m.lay.width, m.lay.helpH), "\n")
		for len(lines) < m.lay.helpH {
			lines = append(lines, "")
		}
		for i := range lines[:m.lay.helpH] {
			lines[i] = fit(lines[i], m.lay.width)
		}
		return strings.Join(lines[:m.lay.helpH], "\n")
	}
	m.help.SetWidth(m.lay.width)
	if m.fullHelp {
		lines := strings.Split(m.help.FullHelpView(m.keys.FullHelp()), "\n")
		if len(lines) > m.lay.helpH {
			lines = lines[:m.lay.helpH]
		}
		for i := range lines {
			lines[i] = fit(lines[i], m.lay.width)
		}
		return strings.Join(lines, "\n")
	}
	return fit(m.help.ShortHelpView(m.keys.ShortHelp()), m.lay.width)
}

// helpHeight is the number of lines the help (or the overlay in its place)
// wants.
func (m *Model) helpHeight() int {
	if m.overlay != nil {
		return overlayLines(m.overlay, m.lay.width) // state_view.go
	}
	if !m.fullHelp {
		return 1
	}
	m.help.SetWidth(m.lay.width)
	return strings.Count(m.help.FullHelpView(m.keys.FullHelp()), "\n") + 1
}
