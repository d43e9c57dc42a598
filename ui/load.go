package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// progress counts the loader's work so far.
type progress struct {
	Seen, Loaded, Skipped, Duplicates int
}

// merge is a duplicate the loader found: posting ID also lives at Path.
type merge struct {
	ID, Path string
}

// batchMsg is one batch from the loader's stream; done marks the last.
type batchMsg struct {
	postings []*model.Posting
	merges   []merge
	progress progress
	done     bool
}

// waitBatch waits for the next batch of the stream; a closed stream yields
// a final done batch. The loader gives every field its own memory, so the
// postings can be kept as they come.
func (m *Model) waitBatch() tea.Cmd {
	ch := m.stream
	return func() tea.Msg {
		b, ok := <-ch
		if !ok {
			return batchMsg{done: true, progress: progress{Seen: -1}}
		}
		return b
	}
}

// onBatch adds a batch of postings, records duplicates, and refilters
// (coalesced with a filter job already running, and at most every
// refilterEvery while a big folder streams in).
func (m *Model) onBatch(b batchMsg) tea.Cmd {
	m.coll.Add(b.postings...)
	for _, mg := range b.merges {
		m.coll.Merge(mg.ID, mg.Path)
	}
	if b.progress.Seen >= 0 {
		m.progress = b.progress
	}
	var cmds []tea.Cmd
	if b.done && m.loading {
		m.loading = false
		p := m.progress
		cmds = append(cmds, m.flash(fmt.Sprintf("loaded %d postings from %d files (%d skipped)", m.coll.Len(), p.Seen, p.Skipped), false))
	}
	if len(b.postings) > 0 || len(b.merges) > 0 || b.done {
		cmds = append(cmds, m.refilter())
	}
	if len(b.merges) > 0 && m.sel != nil {
		cmds = append(cmds, m.refreshDetail()) // the header lists the paths
	}
	if !b.done && m.stream != nil {
		cmds = append(cmds, m.waitBatch())
	}
	return tea.Batch(cmds...)
}
