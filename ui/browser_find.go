package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// startFind gives the keyboard to the search in the posting, starting
// from the search active, if any.
func (b *browser) startFind() tea.Cmd {
	b.finding = true
	b.find.SetValue(b.detail.find.query)
	b.find.CursorEnd()
	return b.find.Focus()
}

// onFindKey handles a key while the search in the posting is typed: enter
// keeps it (its matches highlighted, the first shown), esc drops what was
// typed (an earlier search stays), the rest edits it.
func (b *browser) onFindKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &b.c.keys
	switch {
	case key.Matches(msg, k.SearchAccept):
		b.finding = false
		b.find.Blur()
		b.detail.setSearch(&b.c.styles, b.find.Value())
		if b.detail.searching() && len(b.detail.find.hits) == 0 {
			return b.c.flash(b.detail.matchStatus(), true)
		}
		return nil
	case key.Matches(msg, k.SearchCancel):
		b.finding = false
		b.find.Blur()
		return nil
	}
	var cmd tea.Cmd
	b.find, cmd = b.find.Update(msg)
	return cmd
}

// detailView is the detail pane, its last line the search being typed.
func (b *browser) detailView() []string {
	lines := b.detail.view()
	if b.finding && len(lines) > 0 {
		lines[len(lines)-1] = fit(b.find.View(), b.detailWidth())
	}
	return lines
}
