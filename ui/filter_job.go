package ui

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// Annotations tells the row renderer and the filter which postings the user
// shortlisted and tagged. A nil Annotations means none.
type Annotations = model.Annotations

// resultMsg carries the list a filter job computed, tagged with the job's
// sequence number.
type resultMsg struct {
	seq int
	res model.Result
	err error
}

// refilterMsg says a throttled refilter is due.
type refilterMsg struct{}

// Refilter throttling while loading (see filterJob.refilter).
const (
	throttleMin   = 5000
	refilterEvery = 150 * time.Millisecond
	// refilterPer is how many postings each refilterEvery between
	// refilters stands for: a bigger collection waits longer. Each
	// refilter merges the postings that came since into the whole sorted
	// list; at 100,000 a warm load of a million postings refiltered 18
	// times, and those merges took 0.8 s of its 7.5 s of CPU.
	refilterPer = 50_000
	// refilterMax is the longest wait between refilters while loading.
	refilterMax = 2 * time.Second
)

// refilterInterval is the least time between refilters while a folder of
// n postings streams in: refilterEvery for every refilterPer postings
// begun, at most refilterMax. A refilter filters and sorts the whole
// collection, so a fixed interval would make a load's refilters cost the
// square of the folder; growing it with n keeps them linear.
func refilterInterval(n int) time.Duration {
	return min(refilterEvery*time.Duration((n+refilterPer-1)/refilterPer), refilterMax)
}

// filterSpec is what one filter job computes: q (its Within restriction
// included) in order sort over snap, with ann for tag: and is: terms and
// text for its quoted terms, narrowing from prev when it can.
type filterSpec struct {
	snap model.Snapshot
	q    model.Query
	sort model.SortOrder
	ann  Annotations
	text model.TextSearcher
	prev *model.Result
}

// filterJob runs [model.Filter] off the UI goroutine, one job at a time:
// it starts and cancels jobs ([filterJob.start], [filterJob.stop]), tells
// a reply worth showing from a stale one ([filterJob.reply]), and holds
// refilters back while a job runs or a big folder streams in
// ([filterJob.refilter]).
type filterJob struct {
	seq       int                // last job started
	running   int                // seq of the job in flight, 0 if none
	shown     int                // seq of the result on screen
	shownOver int                // the postings the result on screen filtered (its Total)
	dirty     bool               // postings arrived while a job ran
	due       bool               // a throttled refilter is scheduled
	edit      bool               // the query changed since the last job started
	cancel    context.CancelFunc // cancels the job in flight
	lastStart time.Time          // when the last job started
}

// start cancels the job in flight and returns a Cmd running a job for s.
func (j *filterJob) start(s filterSpec) tea.Cmd {
	j.stop()
	ctx, cancel := context.WithCancel(context.Background())
	j.cancel = cancel
	j.seq++
	j.running = j.seq
	j.dirty, j.edit = false, false
	j.lastStart = time.Now()
	seq := j.seq
	return func() tea.Msg {
		defer cancel()
		q, err := s.q.WithTextHits(ctx, s.text)
		if err != nil {
			return resultMsg{seq: seq, err: err}
		}
		res, err := model.Filter(ctx, s.snap, q, s.sort, s.ann, s.prev)
		return resultMsg{seq: seq, res: res, err: err}
	}
}

// stop cancels the job in flight, if any.
func (j *filterJob) stop() {
	if j.cancel != nil {
		j.cancel()
	}
}

// narrowFrom returns shown when a result is on screen to narrow from.
func (j *filterJob) narrowFrom(shown model.Result) *model.Result {
	if j.shown == 0 {
		return nil
	}
	return &shown
}

// busy reports whether a job is in flight.
func (j *filterJob) busy() bool { return j.running != 0 }

// reply takes a job's reply. It reports show when the result is to be
// shown: it did not fail and is for current (the query, sort and
// restriction on screen now) and no newer result was shown; err is a
// failure worth saying (a cancelled job is not).
func (j *filterJob) reply(msg resultMsg, current func(model.Result) bool) (show bool, err error) {
	if msg.seq == j.running {
		j.running = 0
	}
	switch {
	case msg.err != nil && errors.Is(msg.err, context.Canceled):
		return false, nil
	case msg.err != nil:
		return false, msg.err
	case msg.seq < j.shown || !current(msg.res):
		return false, nil
	}
	j.shown, j.shownOver = msg.seq, msg.res.Total
	return true, nil
}

// pending reports whether postings arrived while the last job ran and no
// job is in flight now: a refilter is due.
func (j *filterJob) pending() bool { return j.running == 0 && j.dirty }

// refilter decides how to rerun the query because postings arrived:
// now reports to start a job right away; else cmd may be the tick of a
// throttled refilter (refilterMsg), or nil when the running job's reply
// will start it.
//
// While a folder of more than throttleMin postings (n) streams in
// (loading), refilters start at most every refilterInterval(n): each one
// filters and sorts the whole collection, and on two cores it would slow
// the load it is showing. The first postings are not held back: while
// the list shows none, a refilter starts at once. Once it is loaded, see [filterJob.refilterNow].
func (j *filterJob) refilter(loading bool, n int, tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd) (now bool, cmd tea.Cmd) {
	if !loading {
		return j.refilterNow(), nil
	}
	if j.running != 0 || j.due {
		j.dirty = true
		return false, nil
	}
	if loading && n > throttleMin && j.shownOver > 0 {
		if wait := refilterInterval(n) - time.Since(j.lastStart); wait > 0 {
			j.dirty, j.due = true, true
			return false, tick(wait, func(time.Time) tea.Msg { return refilterMsg{} })
		}
	}
	return true, nil
}

// refilterNow is refilter once no more postings are streaming in: the
// list is to show them all as soon as it can, so a throttled refilter
// still waiting for its tick is not waited for (the tick then finds
// nothing to do), and a job in flight, which filters fewer postings, is
// cancelled: its reply, which comes soon, starts the refilter
// ([filterJob.pending]).
func (j *filterJob) refilterNow() (now bool) {
	j.due = false
	if j.running != 0 {
		j.dirty = true
		j.stop()
		return false
	}
	return true
}

// edited takes a change of the query and reports whether to start a job
// for it now: when none is in flight. Else it cancels the job in flight,
// which is for an older query, and the reply of that job, which comes
// soon, starts one for the query as it is then ([filterJob.editPending]).
// So a burst of keys (a paste the terminal did not bracket) costs one job
// per job's turnaround, not one per key.
func (j *filterJob) edited() (now bool) {
	if j.running == 0 {
		return true
	}
	j.edit = true
	j.stop()
	return false
}

// editPending reports whether the query changed while the last job ran and
// no job is in flight now: a job for it is due.
func (j *filterJob) editPending() bool { return j.running == 0 && j.edit }

// onDue takes the throttled refilter's tick: it reports whether to start
// the refilter now (unless a job runs: its reply will start it).
func (j *filterJob) onDue() bool {
	j.due = false
	return j.dirty && j.running == 0
}

// TextIndexReadyMsg tells the browser that the full-text index (the
// [Config] Text searcher) can answer now: a query with quoted terms runs
// again. Send it with tea.Program.Send, or return it from a Cmd.
type TextIndexReadyMsg struct{}
