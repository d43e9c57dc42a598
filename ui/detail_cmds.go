package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"
)

// detailWidth is the width of the detail pane's content: the pane less a
// one-column gap from the separator when the panes are side by side.
func (m *Model) detailWidth() int {
	if m.lay.single {
		return m.lay.detailW
	}
	return m.lay.detailW - 1
}

// refreshDetail shows the selected posting's header at once and its body
// from the cache, asking for a rendering (and for its neighbours') when
// the body is not there yet.
func (m *Model) refreshDetail() tea.Cmd {
	if !m.ready || m.lay.tooSmall {
		return nil
	}
	w := m.detailWidth()
	m.detail.set(&m.st, m.sel, w, m.ann, m.now())
	if m.sel != nil && m.detailExtra != nil {
		for _, l := range m.detailExtra(m.sel, w) {
			m.detail.header = append(m.detail.header, fit(l, w))
		}
		m.detail.join(&m.st)
	}
	if m.sel == nil {
		return nil
	}
	style := m.st.glamourStyle()
	k := renderKey{p: m.sel, width: w, style: style}
	if lines, ok := m.cache.get(k); ok {
		m.detail.setBody(&m.st, lines, "")
	}
	wanted := []renderKey{k}
	for _, d := range []int{1, -1} {
		if i := m.cur + d; i >= 0 && i < m.res.Len() {
			wanted = append(wanted, renderKey{p: m.res.Posting(i), width: w, style: style})
		}
	}
	m.cache.keep(wanted...)
	cmds := make([]tea.Cmd, 0, len(wanted))
	for _, k := range wanted {
		cmds = append(cmds, m.cache.want(k, m.read))
	}
	return tea.Batch(cmds...)
}

// onRendered caches a rendered body and shows it if it belongs on screen.
func (m *Model) onRendered(msg renderedMsg) tea.Cmd {
	current := m.detail.p == msg.key.p && m.detail.width == msg.key.width && m.st.glamourStyle() == msg.key.style
	switch {
	case errors.Is(msg.err, errCancelled):
		return nil // keep forgot it when it cancelled it
	case msg.cont != nil:
		if current {
			m.detail.setBody(&m.st, msg.lines, "")
		}
		return msg.cont
	}
	if msg.err != nil {
		m.cache.done(msg.key)
		if current {
			m.detail.setBody(&m.st, nil, msg.err.Error())
		}
		return nil
	}
	m.cache.put(msg.key, msg.lines)
	if current {
		m.detail.setBody(&m.st, msg.lines, "")
	}
	return nil
}
