package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
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

func (exportedMsg) isStoreMsg() {}

// exportChosen is the format the user chose for the shortlist export.
type exportChosen struct{ format model.Format }

func (exportChosen) isOverlayMsg() {}

// exportOverlay asks for the export format on one line: m (or enter)
// Markdown, c CSV, j JSON; Cancel closes it.
type exportOverlay struct {
	keys *keymap.EditorKeys
	st   *Styles
}

// newExportOverlay asks for the format with keys, drawn in st.
func newExportOverlay(keys *keymap.EditorKeys, st *Styles) *exportOverlay {
	return &exportOverlay{keys: keys, st: st}
}

// Update starts the export in the chosen format, or closes on Cancel.
func (o *exportOverlay) Update(msg tea.Msg) (overlayMsg, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	keys := o.keys
	switch {
	case keyMatches(k, keys.Markdown), keyMatches(k, keys.Accept):
		return exportChosen{model.FormatMarkdown}, nil
	case keyMatches(k, keys.CSV):
		return exportChosen{model.FormatCSV}, nil
	case keyMatches(k, keys.JSON):
		return exportChosen{model.FormatJSON}, nil
	case keyMatches(k, keys.Cancel):
		return cancelled{say: "export cancelled"}, nil
	}
	return nil, nil
}

// exportQuestion starts the export overlay's line.
const exportQuestion = "export shortlist as: "

// Lines is one line, or more where the keys must wrap.
func (o *exportOverlay) Lines(width int) int { return len(o.lines(width)) }

// lines is the question followed by its keys, wrapped to width.
func (o *exportOverlay) lines(width int) []string {
	keys := o.keys
	bs := []key.Binding{keys.Markdown, keys.CSV, keys.JSON, keys.Cancel}
	q := o.st.Prompt.Render(exportQuestion)
	if one := helpLines(o.st, bs, width-len(exportQuestion)); len(one) == 1 {
		return []string{q + one[0]}
	}
	return append([]string{q}, helpLines(o.st, bs, width)...)
}

// View is the question and its keys.
func (o *exportOverlay) View(width, height int) string {
	return strings.Join(o.lines(width), "\n")
}

// export returns a Cmd that writes the shortlist in format f to a new
// jobdeck-shortlist-YYYY-MM-DD.EXT in the export folder, never overwriting
// a file (model.ExportToDir adds -2, -3…).
func (m *Model) export(f model.Format) tea.Cmd {
	snap, store, now, read := m.c.coll.Snapshot(), m.c.store, m.c.now(), m.c.read
	dir := m.store.exportDir
	if dir == "" {
		dir = "."
	}
	return func() tea.Msg {
		ps := make([]*model.Posting, snap.Len())
		for i := range ps {
			ps[i] = snap.At(i)
		}
		items := model.SelectForExport(ps, store, model.Selection{})
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
