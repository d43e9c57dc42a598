package ui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

func TestIndexProgressThenReady(t *testing.T) {
	m := newTestModel(t, 120, 30, fixture())
	gate := make(chan struct{})
	var got []*model.Posting
	m.index.sync = func(ctx context.Context, ps []*model.Posting, progress func(int, int)) ([]string, error) {
		got = ps
		progress(0, 12000)
		<-gate
		progress(12000, 12000)
		return []string{"index.db was not an index: set aside"}, nil
	}
	wait := m.startIndex()
	if m.startIndex() != nil {
		t.Fatal("a second sync started while one runs")
	}
	msg := wait()
	_, next := m.Update(msg)
	if s := shown(m); !contains(s, "indexing 0 of 12,000") {
		t.Fatalf("status line lacks the progress:\n%s", s)
	}
	close(gate)
	for {
		msg = next()
		if _, ok := msg.(indexDoneMsg); ok {
			break
		}
		_, next = m.Update(msg)
	}
	_, cmd := m.Update(msg)
	ready := false
	for _, msg := range collect([]tea.Cmd{cmd}) {
		ready = ready || msg == TextIndexReadyMsg{}
	}
	if !ready {
		t.Error("no TextIndexReadyMsg after the sync")
	}
	if len(got) != len(fixture()) {
		t.Errorf("synced %d postings, want %d", len(got), len(fixture()))
	}
	if !flashIsErr(m) || flashText(m) != "full-text index: index.db was not an index: set aside" {
		t.Errorf("message %q", flashText(m))
	}
	if s := shown(m); contains(s, "indexing") {
		t.Errorf("progress still shown:\n%s", s)
	}
}

func TestIndexStartsWhenLoadIsDone(t *testing.T) {
	m := newTestModel(t, 120, 30, nil)
	calls := 0
	m.index.sync = func(ctx context.Context, ps []*model.Posting, progress func(int, int)) ([]string, error) {
		calls++
		return nil, nil
	}
	setLoading(m, true, progress{})
	send(t, m, batchMsg{postings: fixture()[:2]})
	if calls != 0 {
		t.Fatal("indexing began before the load was done")
	}
	var waits []time.Duration
	setClock(m, nil, func(d time.Duration, f func(time.Time) tea.Msg) tea.Cmd {
		waits = append(waits, d)
		if d != afterLoadWait {
			return nil
		}
		return func() tea.Msg { return f(testNow) }
	})
	send(t, m, batchMsg{postings: fixture()[2:], done: true})
	if calls != 1 || m.index.running {
		t.Fatalf("after the load: %d syncs, running %v", calls, m.index.running)
	}
	if !slices.Contains(waits, afterLoadWait) {
		t.Errorf("the sync did not wait for the loaded frame: waits %v", waits)
	}
}

// TestIndexWaitsForTheLoadedFrame checks that the sync does not start
// with the update that says the folder is loaded, but once afterLoadWait
// has passed, so that the terminal draws that frame first.
func TestIndexWaitsForTheLoadedFrame(t *testing.T) {
	m := newTestModel(t, 120, 30, nil)
	calls := 0
	m.index.sync = func(ctx context.Context, ps []*model.Posting, progress func(int, int)) ([]string, error) {
		calls++
		return nil, nil
	}
	setLoading(m, true, progress{})
	send(t, m, batchMsg{postings: fixture(), done: true})
	if !strings.Contains(flashText(m), "loaded") || calls != 0 {
		t.Fatalf("with the loaded message %q: %d syncs, want none yet", flashText(m), calls)
	}
	if !strings.Contains(shown(m), "indexing") {
		t.Fatalf("the loaded frame does not say the index is due:\n%s", shown(m))
	}
	send(t, m, afterLoadMsg{})
	if calls != 1 {
		t.Fatalf("after the wait: %d syncs, want 1", calls)
	}
}

// TestIndexWaitsForTheListToShowEveryPosting checks that the index's sync,
// which stats every file, starts once the filter job that shows every
// loaded posting is done, not with the last batch, whose refilter it
// would slow.
func TestIndexWaitsForTheListToShowEveryPosting(t *testing.T) {
	m := newTestModel(t, 120, 30, nil)
	shownAtSync := -1
	m.index.sync = func(ctx context.Context, ps []*model.Posting, progress func(int, int)) ([]string, error) {
		shownAtSync = result(m).Total
		return nil, nil
	}
	setLoading(m, true, progress{})
	send(t, m, batchMsg{postings: fixture()[:2]})
	send(t, m, batchMsg{postings: fixture()[2:], done: true}, afterLoadMsg{})
	if want := len(fixture()); shownAtSync != want {
		t.Fatalf("the sync began when the list showed %d postings, want %d", shownAtSync, want)
	}
}

func TestIndexFailureSaysSoAndIsNotReady(t *testing.T) {
	m := newTestModel(t, 120, 30, fixture())
	m.index.sync = func(ctx context.Context, ps []*model.Posting, progress func(int, int)) ([]string, error) {
		return nil, errors.New("full-text index: disk full")
	}
	msg := m.startIndex()()
	_, cmd := m.Update(msg)
	for _, msg := range collect([]tea.Cmd{cmd}) {
		if msg == (TextIndexReadyMsg{}) {
			t.Fatal("ready after a failed sync")
		}
	}
	if !flashIsErr(m) || flashText(m) != "full-text index: disk full" {
		t.Errorf("message %q", flashText(m))
	}
}

func TestQuitCancelsIndexing(t *testing.T) {
	m := newTestModel(t, 120, 30, fixture())
	cancelled := make(chan struct{})
	m.index.sync = func(ctx context.Context, ps []*model.Posting, progress func(int, int)) ([]string, error) {
		<-ctx.Done()
		close(cancelled)
		return nil, ctx.Err()
	}
	m.startIndex()
	m.quitNow(true)
	select {
	case <-cancelled:
	case <-time.After(5 * time.Second):
		t.Fatal("quitting did not cancel the sync")
	}
}

func TestGroupDigits(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 12000: "12,000", 100000: "100,000", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := groupDigits(n); got != want {
			t.Errorf("groupDigits(%d) = %q, want %q", n, got, want)
		}
	}
}

// preparedText is a fakeText that records the snapshots PrepareText was
// given, and whether the sync had returned by then.
type preparedText struct {
	*fakeText
	lens   []int
	synced *bool
}

func (p *preparedText) PrepareText(snap model.Snapshot) {
	if *p.synced {
		p.lens = append(p.lens, snap.Len())
	}
}

func TestIndexPreparesTheSearcherAfterTheSync(t *testing.T) {
	synced := false
	text := &preparedText{fakeText: fixtureText(), synced: &synced}
	m := textModel(t, text)
	m.index.sync = func(ctx context.Context, ps []*model.Posting, progress func(int, int)) ([]string, error) {
		synced = true
		return nil, nil
	}
	msg := m.startIndex()()
	if _, ok := msg.(indexDoneMsg); !ok {
		t.Fatalf("got %T, want the done message", msg)
	}
	if len(text.lens) != 1 || text.lens[0] != len(fixture()) {
		t.Errorf("PrepareText after the sync with %v postings, want once with %d", text.lens, len(fixture()))
	}

	// A sync that failed prepares nothing: the searcher is not ready.
	text.lens, synced = nil, false
	m.index.sync = func(ctx context.Context, ps []*model.Posting, progress func(int, int)) ([]string, error) {
		synced = true
		return nil, errors.New("disk full")
	}
	m.index.running = false
	if msg := m.startIndex()(); msg.(indexDoneMsg).err == nil || len(text.lens) != 0 {
		t.Errorf("after a failed sync: %+v, prepared %v", msg, text.lens)
	}
}

// TestIndexWithNothingToIndexSaysIndexing checks that a sync that finds
// nothing to index (an unchanged folder) says "indexing", not "indexing
// 0 of 0", until it is done.
func TestIndexWithNothingToIndexSaysIndexing(t *testing.T) {
	m := newTestModel(t, 120, 30, fixture())
	m.index.sync = func(ctx context.Context, ps []*model.Posting, progress func(int, int)) ([]string, error) {
		progress(0, 0)
		return nil, nil
	}
	wait := m.startIndex()
	m.Update(wait())
	if s := shown(m); !contains(s, "indexing") || contains(s, "0 of 0") {
		t.Fatalf("status line of a sync with nothing to index:\n%s", s)
	}
}
