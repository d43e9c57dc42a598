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

// exportQuestion starts the export overlay's line.
const exportQuestion = "export shortlist as: "

// Lines is one line, or more where the keys must wrap.
func (o *exportOverlay) Lines(width int) int { return len(o.lines(width)) }

// lines is the question followed by its keys, wrapped to width.
func (o *exportOverlay) lines(width int) []string {
	keys := &o.m.keys.Editor
	bs := []key.Binding{keys.Markdown, keys.CSV, keys.JSON, keys.Cancel}
	q := o.m.st.Prompt.Render(exportQuestion)
	if one := o.m.helpLines(bs, width-len(exportQuestion)); len(one) == 1 {
		return []string{q + one[0]}
	}
	return append([]string{q}, o.m.helpLines(bs, width)...)
}

// View is the question and its keys.
func (o *exportOverlay) View(width, height int) string {
	return strings.Join(o.lines(width), "\n")
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
