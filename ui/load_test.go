package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

func TestBatchesMergesAndDone(t *testing.T) {
	m := newTestModel(t, 120, 40, nil)
	setLoading(m, true, progress{})
	ps := fixture()
	send(t, m, batchMsg{postings: ps[:2], progress: progress{Seen: 2, Loaded: 2}})
	if collection(m).Len() != 2 || result(m).Len() != 2 || !isLoading(m) {
		t.Fatalf("after one batch: %d loaded, %d shown, loading %v", collection(m).Len(), result(m).Len(), isLoading(m))
	}
	send(t, m, batchMsg{postings: ps[2:], merges: []merge{{ID: "b", Path: "mirror/b.md"}}, progress: progress{Seen: 5, Loaded: 5, Duplicates: 1}})
	if got := ps[1].AllPaths(); !slices.Equal(got, []string{"boards/b.md", "mirror/b.md"}) {
		t.Errorf("paths of b = %q", got)
	}
	if selected(m) != ps[1] || !contains(stripAll(detailOf(m).lines), "mirror/b.md") {
		t.Error("the detail header does not list the duplicate's path")
	}
	send(t, m, batchMsg{done: true, progress: progress{Seen: 6, Loaded: 5, Skipped: 1, Duplicates: 1, Files: 6}})
	if isLoading(m) || !contains(flashText(m), "loaded 4 postings from 6 files (1 skipped)") {
		t.Errorf("done: loading %v, message %q", isLoading(m), flashText(m))
	}
}

// throttledLoad returns a browser loading a folder just over throttleMin
// postings whose last refilter has just started, and the throttled
// refilters its clock scheduled (their ticks are not delivered).
func throttledLoad(t *testing.T) (*Model, *[]tea.Msg) {
	t.Helper()
	return throttledLoadOf(t, many(throttleMin+1))
}

// throttledLoadOf is throttledLoad with ps as the postings already in.
func throttledLoadOf(t *testing.T, ps []*model.Posting) (*Model, *[]tea.Msg) {
	t.Helper()
	m := newTestModel(t, 120, 40, ps)
	setLoading(m, true, progress{})
	var due []tea.Msg
	setClock(m, nil, func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		if msg := fn(time.Time{}); msg == (refilterMsg{}) {
			due = append(due, msg)
		}
		return nil
	})
	jobOf(m).lastStart = time.Now()
	return m, &due
}

func TestRefilterThrottledWhileLoadingBigFolder(t *testing.T) {
	m, due := throttledLoad(t)
	more := many(throttleMin + 21)[throttleMin+1:]
	send(t, m, batchMsg{postings: more[:10]}, batchMsg{postings: more[10:]})
	if len(*due) != 1 || result(m).Total != throttleMin+1 {
		t.Fatalf("%d refilters scheduled, result over %d postings: want 1 scheduled and the old result", len(*due), result(m).Total)
	}
	send(t, m, (*due)[0])
	if result(m).Total != throttleMin+21 {
		t.Errorf("after the scheduled refilter the result covers %d postings", result(m).Total)
	}
	send(t, m, batchMsg{done: true, postings: many(throttleMin + 22)[throttleMin+21:]})
	if isLoading(m) || result(m).Total != throttleMin+22 || len(*due) != 1 {
		t.Errorf("the last batch was not shown at once: loading %v, %d postings, %d scheduled", isLoading(m), result(m).Total, len(*due))
	}
}

// TestRefilterIntervalGrowsWithFolder checks that refilters while loading
// wait longer as the collection grows (so their total cost stays linear in
// the folder), up to refilterMax.
func TestRefilterIntervalGrowsWithFolder(t *testing.T) {
	for _, c := range []struct {
		n    int
		want time.Duration
	}{
		{throttleMin + 1, refilterEvery},
		{refilterPer, refilterEvery},
		{refilterPer + 1, 2 * refilterEvery},
		{10 * refilterPer, 10 * refilterEvery},
		{100 * refilterPer, refilterMax},
	} {
		if got := refilterInterval(c.n); got != c.want {
			t.Errorf("refilterInterval(%d) = %v, want %v", c.n, got, c.want)
		}
	}
}

// TestLastBatchNotHeldByThrottle checks that the batch ending a load is
// shown at once even while a throttled refilter still waits for its tick,
// and that the tick, when it comes, starts nothing more.
func TestLastBatchNotHeldByThrottle(t *testing.T) {
	m, due := throttledLoad(t)
	all := many(throttleMin + 21)
	send(t, m, batchMsg{postings: all[throttleMin+1 : throttleMin+10]})
	if len(*due) != 1 || result(m).Total != throttleMin+1 {
		t.Fatalf("%d refilters scheduled, result over %d postings: want 1 scheduled and the old result", len(*due), result(m).Total)
	}
	send(t, m, batchMsg{done: true, postings: all[throttleMin+10:]})
	if isLoading(m) || result(m).Total != throttleMin+21 {
		t.Fatalf("the last batch waited for the throttle: loading %v, %d postings shown", isLoading(m), result(m).Total)
	}
	seq := jobOf(m).seq
	send(t, m, (*due)[0])
	if jobOf(m).seq != seq || jobOf(m).busy() {
		t.Errorf("the late tick started another job (seq %d → %d)", seq, jobOf(m).seq)
	}
}

// TestRefilterAfterLoadCancelsJobInFlight checks that postings arriving
// when the load is over cancel the job in flight, which filters fewer of
// them, and that its reply starts the refilter.
func TestRefilterAfterLoadCancelsJobInFlight(t *testing.T) {
	var j filterJob
	ctx, cancel := context.WithCancel(context.Background())
	j.seq, j.running, j.cancel = 1, 1, cancel
	if now, _ := j.refilter(false, 10*throttleMin, nil); now {
		t.Fatal("a refilter started beside the job in flight")
	}
	if ctx.Err() == nil || !j.dirty {
		t.Fatalf("job in flight not cancelled (err %v) or refilter not kept (dirty %v)", ctx.Err(), j.dirty)
	}
	if show, err := j.reply(resultMsg{seq: 1, err: context.Canceled}, func(model.Result) bool { return true }); show || err != nil {
		t.Fatalf("cancelled reply: show %v, err %v", show, err)
	}
	if !j.pending() {
		t.Fatal("no refilter pending after the cancelled job replied")
	}
	if now, _ := j.refilter(false, 10*throttleMin, nil); !now {
		t.Error("the refilter did not start once no job was in flight")
	}
}

// TestLoadedSaidWhenEveryPostingShows checks that the loaded message comes
// with the result that shows every posting, not with the last batch while
// an older result is on screen.
func TestLoadedSaidWhenEveryPostingShows(t *testing.T) {
	m := newTestModel(t, 120, 40, nil)
	setLoading(m, true, progress{})
	ps := fixture()
	send(t, m, batchMsg{postings: ps[:2], progress: progress{Seen: 2, Loaded: 2, Files: 2}})
	_, cmd := m.Update(batchMsg{postings: ps[2:], done: true, progress: progress{Seen: 4, Loaded: 4, Files: 4}})
	if got := flashText(m); contains(got, "loaded") || result(m).Total != 2 {
		t.Fatalf("before the last refilter: %d of %d shown, message %q", result(m).Total, collection(m).Len(), got)
	}
	pump(t, m, cmd, 0)
	if got := flashText(m); result(m).Total != 4 || !contains(got, "loaded 4 postings from 4 files (0 skipped)") {
		t.Errorf("after it: %d of %d shown, message %q", result(m).Total, collection(m).Len(), got)
	}
}

// TestFirstPostingsNotHeldByThrottle checks that the first postings of a
// big folder show at once, even when the job for the empty collection
// started just before them: the throttle only spaces out refilters of a
// list that shows postings already.
func TestFirstPostingsNotHeldByThrottle(t *testing.T) {
	m, due := throttledLoadOf(t, nil)
	all := many(throttleMin + 20)
	send(t, m, batchMsg{postings: all[:throttleMin+10]})
	if len(*due) != 0 || result(m).Total != throttleMin+10 {
		t.Fatalf("%d refilters scheduled, result over %d postings: want none and the first postings shown", len(*due), result(m).Total)
	}
	send(t, m, batchMsg{postings: all[throttleMin+10:]})
	if len(*due) != 1 || result(m).Total != throttleMin+10 {
		t.Fatalf("%d refilters scheduled, result over %d postings: want the next batch throttled", len(*due), result(m).Total)
	}
}

// TestJoinedBatchesAllAdded checks that a message of joined batches adds
// the postings of every batch, in order, before its duplicates.
func TestJoinedBatchesAllAdded(t *testing.T) {
	m := newTestModel(t, 120, 40, nil)
	setLoading(m, true, progress{})
	ps := fixture()
	msg := batchMsg{postings: ps[:1], progress: progress{Seen: 1, Loaded: 1}}
	msg.join(batchMsg{postings: ps[1:3], progress: progress{Seen: 3, Loaded: 3}})
	msg.join(batchMsg{merges: []merge{{ID: "b", Path: "mirror/b.md"}}, progress: progress{Seen: 4, Loaded: 4, Duplicates: 1}})
	msg.join(batchMsg{postings: ps[3:], progress: progress{Seen: 6, Loaded: 5, Duplicates: 1}})
	send(t, m, msg)
	c := collection(m)
	if c.Len() != len(ps) {
		t.Fatalf("%d postings added, want %d", c.Len(), len(ps))
	}
	for i, p := range ps {
		if c.At(i) != p {
			t.Errorf("posting %d is %q, want %q", i, c.At(i).ID, p.ID)
		}
	}
	if got := ps[1].AllPaths(); !slices.Equal(got, []string{"boards/b.md", "mirror/b.md"}) {
		t.Errorf("paths of b = %q: the duplicate was not merged", got)
	}
}

// TestLoadedToldOnceAfterTheLastBatch checks that Config.Loaded is called
// once the batch marked done was added, not before, and not again.
func TestLoadedToldOnceAfterTheLastBatch(t *testing.T) {
	m := newTestModel(t, 120, 40, nil)
	setLoading(m, true, progress{})
	calls := 0
	m.load.loaded = func() { calls++ }
	ps := fixture()
	send(t, m, batchMsg{postings: ps[:2], progress: progress{Seen: 2, Loaded: 2}})
	if calls != 0 {
		t.Fatalf("Loaded called %d times before the last batch", calls)
	}
	send(t, m, batchMsg{postings: ps[2:], progress: progress{Seen: len(ps), Loaded: len(ps)}, done: true})
	if calls != 1 || collection(m).Len() != len(ps) {
		t.Fatalf("after the last batch: Loaded called %d times, %d postings", calls, collection(m).Len())
	}
	send(t, m, batchMsg{done: true, progress: progress{Seen: -1}})
	if calls != 1 {
		t.Errorf("Loaded called %d times after a second done batch", calls)
	}
}
