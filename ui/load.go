package ui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// progress counts the loader's work so far.
type progress struct {
	Seen, Loaded, Skipped, Duplicates int
	Files                             int // the files they came from (see loader.Progress)
}

// merge is a duplicate the loader found: posting ID also lives at Path.
// first is that posting, when the loader named it.
type merge struct {
	ID, Path string
	first    *model.Posting
}

// batchMsg is one batch from the loader's stream; done marks the last.
type batchMsg struct {
	postings []*model.Posting
	// more are the postings of the batches joined after the first, in
	// order: kept as the loader's slices, not appended to postings, which
	// at a million postings made 35 MB of garbage while the collector
	// ran every few tens of megabytes.
	more     [][]*model.Posting
	merges   []merge
	progress progress
	done     bool
}

// join appends the later batch b to m: its postings and duplicates after
// m's, its progress (cumulative) and done instead of m's.
func (m *batchMsg) join(b batchMsg) {
	if len(b.postings) > 0 {
		m.more = append(m.more, b.postings)
	}
	m.more = append(m.more, b.more...)
	m.merges = append(m.merges, b.merges...)
	m.progress, m.done = b.progress, b.done
}

// added reports whether m holds postings.
func (m *batchMsg) added() bool { return len(m.postings) > 0 || len(m.more) > 0 }

// afterSettled says the folder is loaded and, once the browser has no
// filter job in flight or due, schedules what waits for it to show (see
// [Model.afterLoad]): started with the last batch, they slowed the filter
// job that shows every posting by a tenth of a second at 100k, and the
// message came while the list showed 60% of the postings.
func (m *Model) afterSettled() tea.Cmd {
	if !m.load.settling || m.browser.filterBusy() {
		return nil
	}
	m.load.settling = false
	p := m.status.progress
	loaded := m.flash(fmt.Sprintf("loaded %d postings from %d files (%d skipped)", m.c.coll.Len(), p.Files, p.Skipped), false)
	m.index.due()
	return tea.Batch(loaded, m.c.tick(afterLoadWait, func(time.Time) tea.Msg { return afterLoadMsg{} }))
}

// afterLoadWait is how long after the frame that says the folder is loaded
// the work that waits for it starts: the full-text index's sync stats
// every file and the record of what was seen reads its log, on both cores,
// and started at once they kept the terminal from drawing that frame
// (tens of milliseconds at 100k postings in tmux).
const afterLoadWait = 100 * time.Millisecond

// afterLoadMsg says afterLoadWait has passed since the folder was loaded.
type afterLoadMsg struct{}

// afterLoad starts what waits for the loaded folder to show: the full-text
// index's sync, which stats every file and reads the bodies of the changed
// ones, and the record of what was seen.
func (m *Model) afterLoad() tea.Cmd {
	return tea.Batch(m.startIndex(), m.recordSeen())
}

// loadStream is the loader's stream of batches and how to stop it.
type loadStream struct {
	stream <-chan batchMsg
	cancel context.CancelFunc
	// settling is set from the last batch until the list shows every
	// posting: the full-text index's sync and the record of what was
	// seen wait for it (see [Model.afterSettled]).
	settling bool
	// loaded is Config.Loaded, called by the Cmd of [loadStream.ended].
	loaded func()
}

// ended returns the Cmd that tells Config.Loaded the last batch was
// added; nil when there is none to tell.
func (l *loadStream) ended() tea.Cmd {
	f := l.loaded
	if f == nil {
		return nil
	}
	l.loaded = nil
	return func() tea.Msg {
		f()
		return nil
	}
}

// wait waits for the next batch of the stream; a closed stream yields a
// final done batch. The loader gives every field its own memory, so the
// postings can be kept as they come.
func (l *loadStream) wait() tea.Cmd {
	ch := l.stream
	return func() tea.Msg {
		b, ok := <-ch
		if !ok {
			return batchMsg{done: true, progress: progress{Seen: -1}}
		}
		return b
	}
}

// stop ends the load.
func (l *loadStream) stop() {
	if l.cancel != nil {
		l.cancel()
	}
}

// onBatch adds a batch of postings, records duplicates (the detail header
// lists their paths), and refilters (coalesced with a filter job already
// running, and at most every refilterInterval while a big folder streams in).
func (m *Model) onBatch(b batchMsg) tea.Cmd {
	coll := m.c.coll
	if b.done {
		// The loader has ended: its cores are free for the keys of what
		// came last, which at 100k postings is a fifth of the folder (it
		// streams in faster than Update takes it).
		coll.AddParallel(append([][]*model.Posting{b.postings}, b.more...)...)
	} else {
		coll.Add(b.postings...)
		for _, ps := range b.more {
			coll.Add(ps...)
		}
	}
	for _, mg := range b.merges {
		if mg.first != nil {
			model.AddPath(mg.first, mg.Path)
		} else {
			coll.Merge(mg.ID, mg.Path)
		}
	}
	if b.progress.Seen >= 0 {
		m.status.setProgress(b.progress)
	}
	var cmds []tea.Cmd
	if b.done && m.c.loading {
		m.c.loading = false
		m.load.settling = true
		cmds = append(cmds, m.load.ended())
	}
	if b.added() || len(b.merges) > 0 || b.done {
		cmds = append(cmds, m.tell(postingsAdded))
	}
	if !b.done && m.load.stream != nil {
		cmds = append(cmds, m.load.wait())
	}
	return tea.Batch(cmds...)
}
