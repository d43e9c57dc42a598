package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// The bindings s, t, n and x act on the state store through the root;
// they are live (and in the help) while storeReady reports a store. L,
// the shortlist-only view, is the browser's (browser_filter.go).

// editTarget returns the posting under the cursor when the store takes
// changes to it; else p is nil and cmd says why, if there is a reason to
// say (no posting selected is none).
func (m *Model) editTarget() (p *model.Posting, cmd tea.Cmd) {
	if cmd, ok := m.refuse(); !ok {
		return nil, cmd
	}
	return m.active().Selected(), nil
}

// onShortlist toggles ★ on the posting under the cursor and saves, or
// says why it cannot.
func (m *Model) onShortlist() tea.Cmd {
	if len(m.c.marks) > 0 {
		return m.shortlistMarked()
	}
	p, cmd := m.editTarget()
	if p == nil {
		return cmd
	}
	on, err := m.c.store.ToggleShortlist(p)
	if err != nil {
		return m.flash("shortlist not changed: "+err.Error(), true)
	}
	text := "★ shortlisted"
	if !on {
		text = "taken off the shortlist"
	}
	return tea.Batch(m.flash(text, false), m.changed())
}

// onTags opens the tag editor for the posting under the cursor, or says
// why the tags cannot change.
func (m *Model) onTags() tea.Cmd {
	if len(m.c.marks) > 0 {
		ps, cmd := m.targets()
		if len(ps) == 0 {
			return cmd
		}
		o := newBulkTagsOverlay(&m.c.keys.Editor, &m.c.styles, inputStyles(&m.c.styles), ps, m.c.store.AllTags())
		m.OpenOverlay(o)
		return o.input.Focus()
	}
	p, cmd := m.editTarget()
	if p == nil {
		return cmd
	}
	store := m.c.store
	o := newTagsOverlay(&m.c.keys.Editor, &m.c.styles, inputStyles(&m.c.styles), p, store.Tags(p.ID), store.AllTags())
	m.OpenOverlay(o)
	return o.input.Focus()
}

// onExport asks for the format of the shortlist export.
func (m *Model) onExport() tea.Cmd {
	if m.c.store == nil {
		return nil
	}
	if cmd, loading := m.c.stillLoading(); loading {
		return cmd
	}
	m.OpenOverlay(newExportOverlay(&m.c.keys.Editor, &m.c.styles))
	return nil
}

// shortlistMarked puts every marked posting on the shortlist, or, when
// all are on it already, takes them off: one undo step and one save.
func (m *Model) shortlistMarked() tea.Cmd {
	ps, cmd := m.targets()
	if len(ps) == 0 {
		return cmd
	}
	on := false
	for _, p := range ps {
		if !m.c.store.Shortlisted(p.ID) {
			on = true
		}
	}
	if err := m.c.store.SetShortlistedAll(ps, on); err != nil {
		return m.flash("shortlist not changed: "+err.Error(), true)
	}
	text := "★ shortlisted → " + describe(ps)
	if !on {
		text = "taken off the shortlist → " + describe(ps)
	}
	return tea.Batch(m.flash(text, false), m.changed())
}
