package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
)

// TestJoinBatchesJoinsWhatWaits checks that batches arriving while the
// last message was not taken come as one message, in order, with the
// latest progress and done, and that a batch taken at once comes alone.
func TestJoinBatchesJoinsWhatWaits(t *testing.T) {
	in := make(chan loader.Batch) // unbuffered: each send returns once the pump has it
	out := joinBatches(context.Background(), in, 0)
	p := func(id string) *model.Posting { return &model.Posting{ID: id} }
	in <- loader.Batch{Postings: []*model.Posting{p("a")}, Progress: loader.Progress{Seen: 1, Loaded: 1}}
	if m := <-out; len(m.postings) != 1 || m.postings[0].ID != "a" || m.done {
		t.Fatalf("first message %+v", m)
	}
	in <- loader.Batch{Postings: []*model.Posting{p("b"), p("c")}, Progress: loader.Progress{Seen: 3, Loaded: 3}}
	in <- loader.Batch{Merges: []loader.Merge{{ID: "b", Path: "dup.md"}}, Progress: loader.Progress{Seen: 4, Loaded: 4, Duplicates: 1}}
	in <- loader.Batch{Postings: []*model.Posting{p("d")}, Progress: loader.Progress{Seen: 6, Loaded: 5, Skipped: 1, Duplicates: 1}, Done: true}
	close(in)
	m, ok := <-out
	if !ok {
		t.Fatal("no second message")
	}
	var ids string
	for _, q := range joined(m) {
		ids += q.ID
	}
	if ids != "bcd" || len(m.merges) != 1 || m.merges[0].Path != "dup.md" || !m.done ||
		m.progress != (progress{Seen: 6, Loaded: 5, Skipped: 1, Duplicates: 1}) {
		t.Errorf("joined message: postings %q, merges %v, progress %+v, done %v", ids, m.merges, m.progress, m.done)
	}
	if m, ok := <-out; ok {
		t.Errorf("a message after the last: %+v", m)
	}
}

// TestJoinBatchesStopsWithContext checks that the pump ends, closing its
// channel, when the load's context ends while a message waits.
func TestJoinBatchesStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan loader.Batch)
	out := joinBatches(ctx, in, 0)
	in <- loader.Batch{Postings: []*model.Posting{{ID: "a"}}}
	cancel()
	for range out { // closed once the pump saw ctx end (the waiting message may still come)
	}
}

// TestJoinBatchesWaitsTheInterval checks that a batch arriving less than
// the interval after the last message waits for the batches after it,
// though Update would take it, and that the last batch does not wait.
func TestJoinBatchesWaitsTheInterval(t *testing.T) {
	in := make(chan loader.Batch)
	out := joinBatches(context.Background(), in, time.Hour)
	p := func(id string) *model.Posting { return &model.Posting{ID: id} }
	in <- loader.Batch{Postings: []*model.Posting{p("a")}}
	if m := <-out; len(m.postings) != 1 || m.postings[0].ID != "a" {
		t.Fatalf("first message %+v", m)
	}
	in <- loader.Batch{Postings: []*model.Posting{p("b")}}
	select {
	case m := <-out:
		t.Fatalf("a message within the interval: %+v", m)
	case <-time.After(50 * time.Millisecond):
	}
	in <- loader.Batch{Postings: []*model.Posting{p("c")}, Done: true}
	select {
	case m := <-out:
		if ps := joined(m); len(ps) != 2 || ps[0].ID != "b" || ps[1].ID != "c" || !m.done {
			t.Errorf("last message: %+v", m)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the last batch waited for the interval")
	}
}

// TestJoinBatchesSendsAfterTheInterval checks that a batch that waited for
// the interval comes once it has passed.
func TestJoinBatchesSendsAfterTheInterval(t *testing.T) {
	in := make(chan loader.Batch)
	out := joinBatches(context.Background(), in, time.Millisecond)
	in <- loader.Batch{Postings: []*model.Posting{{ID: "a"}}}
	<-out
	in <- loader.Batch{Postings: []*model.Posting{{ID: "b"}}}
	select {
	case m := <-out:
		if len(m.postings) != 1 || m.postings[0].ID != "b" || m.done {
			t.Errorf("second message: %+v", m)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no message after the interval")
	}
}

// TestBatchPaceGrowsWithTheLoad checks the wait between two messages: the
// interval at first, a fifth of the load's time later, never over
// maxBatchEvery unless the interval is, and none for an interval of 0.
func TestBatchPaceGrowsWithTheLoad(t *testing.T) {
	ms := time.Millisecond
	for _, c := range []struct{ every, elapsed, want time.Duration }{
		{25 * ms, 0, 25 * ms},
		{25 * ms, 100 * ms, 25 * ms},
		{25 * ms, 250 * ms, 50 * ms},
		{25 * ms, 10 * time.Second, maxBatchEvery},
		{time.Hour, 10 * time.Second, time.Hour},
		{0, 10 * time.Second, 0},
	} {
		if got := batchPace(c.every, c.elapsed); got != c.want {
			t.Errorf("batchPace(%v, %v) = %v, want %v", c.every, c.elapsed, got, c.want)
		}
	}
}

// joined returns the postings of m in order, those of its first batch and
// of the batches joined after it.
func joined(m batchMsg) []*model.Posting {
	ps := slices.Clone(m.postings)
	for _, more := range m.more {
		ps = append(ps, more...)
	}
	return ps
}
