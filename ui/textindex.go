package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// IndexFunc brings the full-text index in step with ps, calling progress
// with the documents indexed so far and the number to index, and returns
// the index's notes not said before (a damaged file set aside). It runs in
// a goroutine of its own and stops when ctx is cancelled.
type IndexFunc func(ctx context.Context, ps []*model.Posting, progress func(done, total int)) (notes []string, err error)

// indexProgressMsg is how far the index's sync got.
type indexProgressMsg struct{ done, total int }

// indexDoneMsg ends the index's sync.
type indexDoneMsg struct {
	notes []string
	err   error
}

// indexRun is the full-text index's sync, run once the loader is done:
// progress comes on ch, coalesced (a report the UI has not taken yet is
// replaced), and the done message last.
type indexRun struct {
	sync     IndexFunc // nil: no index
	progress chan indexProgressMsg
	done     chan indexDoneMsg
	cancel   context.CancelFunc
	running  bool
	status   string // "indexing 12,000 of 100,000" while it runs
}

// start runs the sync of ps in a goroutine and returns the Cmd waiting for
// its first report; nil when there is no index or it runs already. After
// a sync that succeeded, and before its done message, the goroutine calls
// prepare (when not nil).
func (r *indexRun) start(ps []*model.Posting, prepare func()) tea.Cmd {
	if r.sync == nil || r.running {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel, r.running = cancel, true
	r.progress = make(chan indexProgressMsg, 1)
	r.done = make(chan indexDoneMsg, 1)
	r.status = indexingStatus
	sync, prog, done := r.sync, r.progress, r.done
	go func() {
		defer cancel()
		notes, err := sync(ctx, ps, func(d, t int) {
			msg := indexProgressMsg{d, t}
			select {
			case prog <- msg:
			default: // the UI has not taken the last one: replace it
				select {
				case <-prog:
				default:
				}
				select {
				case prog <- msg:
				default:
				}
			}
		})
		if err == nil && prepare != nil {
			prepare()
		}
		done <- indexDoneMsg{notes: notes, err: err}
	}()
	return r.wait()
}

// due says the sync is about to start, so that the status line says
// "indexing" from the frame that says the folder is loaded until the sync
// is done, with no gap between them.
func (r *indexRun) due() {
	if r.sync != nil && !r.running {
		r.status = indexingStatus
	}
}

// indexingStatus is what the status line says of a sync due or started
// before its first progress report.
const indexingStatus = "indexing"

// wait waits for the sync's next report.
func (r *indexRun) wait() tea.Cmd {
	prog, done := r.progress, r.done
	return func() tea.Msg {
		select {
		case p := <-prog:
			return p
		case d := <-done:
			return d
		}
	}
}

// stop cancels the sync, if it runs.
func (r *indexRun) stop() {
	if r.cancel != nil {
		r.cancel()
	}
}

// onProgress records how far the sync got and waits for more. A sync
// with nothing to index (an unchanged folder) keeps saying "indexing"
// until it is done, not "indexing 0 of 0".
func (r *indexRun) onProgress(msg indexProgressMsg) tea.Cmd {
	if !r.running {
		return nil
	}
	r.status = indexingStatus
	if msg.total > 0 {
		r.status += " " + groupDigits(msg.done) + " of " + groupDigits(msg.total)
	}
	return r.wait()
}

// onDone ends the run; it returns what the status line is to say (the
// index's notes, a failure) and whether it is an error.
func (r *indexRun) onDone(msg indexDoneMsg) (say string, isErr bool) {
	r.running, r.status = false, ""
	switch {
	case msg.err != nil && len(msg.notes) > 0:
		return fmt.Sprintf("full-text index: %s; %v", strings.Join(msg.notes, "; "), msg.err), true
	case msg.err != nil:
		return msg.err.Error(), true
	case len(msg.notes) > 0:
		return "full-text index: " + strings.Join(msg.notes, "; "), true
	}
	return "", false
}

// groupDigits writes n with a comma every three digits: 100,000.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// onIndexDone says what the sync ended with and tells the query to run
// again, now with the index in step.
func (m *Model) onIndexDone(msg indexDoneMsg) tea.Cmd {
	say, isErr := m.index.onDone(msg)
	ready := func() tea.Msg { return TextIndexReadyMsg{} }
	if msg.err != nil {
		ready = nil // the searcher is not ready; a query says so
	}
	if say == "" {
		return ready
	}
	return tea.Batch(m.flash(say, isErr), ready)
}

// startIndex starts the sync of every posting loaded; once it is done,
// the searcher gets ready for the collection (see [model.PrepareText]),
// so that the first query after it does not pay for that.
func (m *Model) startIndex() tea.Cmd {
	coll := m.c.coll
	ps := make([]*model.Posting, coll.Len())
	for i := range ps {
		ps[i] = coll.At(i)
	}
	text, snap := m.c.text, coll.Snapshot()
	return m.index.start(ps, func() { model.PrepareText(text, snap) })
}

// joinInfo is what the screen says, then the index's progress, if any.
func joinInfo(info, indexing string) string {
	switch {
	case indexing == "":
		return info
	case info == "":
		return indexing
	}
	return info + " · " + indexing
}
