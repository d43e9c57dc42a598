package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
)

// keyMatches is key.Matches for key presses.
var keyMatches = key.Matches[tea.KeyPressMsg]

// onKey handles a key the root passed on: to the filter input while it
// has the keyboard, else the browsing bindings. Keys match only through
// the keymap's bindings, which the root enables from the state.
func (b *browser) onKey(msg tea.KeyPressMsg) tea.Cmd {
	if b.filtering {
		return b.onFilterKey(msg)
	}
	if b.finding {
		return b.onFindKey(msg)
	}
	k := &b.c.keys
	switch {
	case key.Matches(msg, k.Search):
		return b.startFind()
	case key.Matches(msg, k.NextMatch):
		b.detail.nextHit(&b.c.styles, 1)
		return nil
	case key.Matches(msg, k.PrevMatch):
		b.detail.nextHit(&b.c.styles, -1)
		return nil
	case key.Matches(msg, k.EndSearch):
		b.detail.setSearch(&b.c.styles, "")
		return nil
	case key.Matches(msg, k.Filter):
		return b.startFilter()
	case key.Matches(msg, k.ClearFilter):
		return b.clearFilter()
	case key.Matches(msg, k.Sort):
		return b.cycleSort()
	case key.Matches(msg, k.SwitchFocus):
		b.switchFocus()
		return nil
	case key.Matches(msg, k.Open):
		b.focus = keymap.ModeDetail
		return nil
	case key.Matches(msg, k.Back):
		b.focus = keymap.ModeList
		return nil
	case key.Matches(msg, k.ShortlistView):
		if cmd, loading := b.c.stillLoading(); loading {
			return cmd
		}
		return b.toggleOnly()
	}
	if b.focus == keymap.ModeDetail {
		b.onDetailMove(msg)
	} else {
		b.onListMove(msg)
	}
	return nil
}

// onListMove moves the cursor for the movement bindings.
func (b *browser) onListMove(msg tea.KeyPressMsg) {
	k, l := &b.c.keys, &b.list
	switch {
	case key.Matches(msg, k.Up):
		l.move(l.cur - 1)
	case key.Matches(msg, k.Down):
		l.move(l.cur + 1)
	case key.Matches(msg, k.PageUp):
		l.move(l.cur - l.rows)
	case key.Matches(msg, k.PageDown):
		l.move(l.cur + l.rows)
	case key.Matches(msg, k.Top):
		l.move(0)
	case key.Matches(msg, k.Bottom):
		l.move(l.len() - 1)
	}
}

// onDetailMove scrolls the detail pane for the movement bindings.
func (b *browser) onDetailMove(msg tea.KeyPressMsg) {
	k, d := &b.c.keys, &b.detail
	switch {
	case key.Matches(msg, k.Up):
		d.scroll(-1)
	case key.Matches(msg, k.Down):
		d.scroll(1)
	case key.Matches(msg, k.PageUp):
		d.scroll(-d.page())
	case key.Matches(msg, k.PageDown):
		d.scroll(d.page())
	case key.Matches(msg, k.Top):
		d.scroll(-len(d.lines))
	case key.Matches(msg, k.Bottom):
		d.scroll(len(d.lines))
	}
}

// switchFocus moves the focus between the list and the detail pane.
func (b *browser) switchFocus() {
	if b.focus == keymap.ModeList {
		b.focus = keymap.ModeDetail
	} else {
		b.focus = keymap.ModeList
	}
}
