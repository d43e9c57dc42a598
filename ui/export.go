package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// errEmptyShortlist means there is nothing to export.
var errEmptyShortlist = errors.New("the shortlist is empty: nothing to export")

// exportedMsg reports an export: the file written and how many postings.
type exportedMsg struct {
	path string
	n    int
	err  error
}

func (exportedMsg) isStateMsg() {}

// exportOverlay asks for the export format on one line: m (or enter)
// Markdown, c CSV, j JSON; Cancel closes it.
type exportOverlay struct{ m *Model }

// onExport asks for the format of the shortlist export.
func (m *Model) onExport() tea.Cmd {
	if m.state.store == nil {
		return nil
	}
	m.OpenOverlay(&exportOverlay{m: m})
	return nil
}

// Update starts the export in the chosen format, or closes on Cancel.
func (o *exportOverlay) Update(msg tea.Msg) (bool, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, nil
	}
	keys := &o.m.keys.Editor
	switch {
	case keyMatches(k, keys.Markdown), keyMatches(k, keys.Accept):
		return true, o.m.export(model.FormatMarkdown)
	case keyMatches(k, keys.CSV):
		return true, o.m.export(model.FormatCSV)
	case keyMatches(k, keys.JSON):
		return true, o.m.export(model.FormatJSON)
	case keyMatches(k, keys.Cancel):
		return true, o.m.flash("export cancelled", false)
	}
	return false, nil
}

// Lines is 1: the question fits on a line.
func (o *exportOverlay) Lines(int) int { return 1 }

// View is the one-line question and its keys.
func (o *exportOverlay) View(width, height int) string {
	keys := &o.m.keys.Editor
	o.m.help.SetWidth(max(width-20, 1))
	return o.m.st.Prompt.Render("export shortlist as: ") +
		o.m.help.ShortHelpView([]key.Binding{keys.Markdown, keys.CSV, keys.JSON, keys.Cancel})
}

// export returns a Cmd that writes the shortlist in format f to a new
// jobdeck-shortlist-YYYY-MM-DD.EXT in the export folder, never overwriting
// a file (model.ExportToDir adds -2, -3…).
func (m *Model) export(f model.Format) tea.Cmd {
	snap, st, now, read := m.coll.Snapshot(), m.state.store, m.now(), m.read
	dir := m.state.exportDir
	if dir == "" {
		dir = "."
	}
	return func() tea.Msg {
		ps := make([]*model.Posting, snap.Len())
		for i := range ps {
			ps[i] = snap.At(i)
		}
		items := model.SelectForExport(ps, st, model.Selection{})
		if len(items) == 0 {
			return exportedMsg{err: errEmptyShortlist}
		}
		x := model.Exporter{Format: f, Now: now, ReadBody: read}
		path, err := model.ExportToDir(dir, x, items)
		if err != nil {
			return exportedMsg{err: fmt.Errorf("export: %w", err)}
		}
		return exportedMsg{path: path, n: len(items)}
	}
}

// onExported says where the export went, or why it failed.
func (m *Model) onExported(msg exportedMsg) tea.Cmd {
	if msg.err != nil {
		return m.flash(msg.err.Error(), true)
	}
	noun := "postings"
	if msg.n == 1 {
		noun = "posting"
	}
	return m.flash(fmt.Sprintf("exported %d %s to %s", msg.n, noun, strings.TrimSpace(msg.path)), false)
}
