package ui

import (
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

func TestBatchesMergesAndDone(t *testing.T) {
	m := newTestModel(t, 120, 40, nil)
	m.loading = true
	ps := fixture()
	send(t, m, batchMsg{postings: ps[:2], progress: progress{Seen: 2, Loaded: 2}})
	if m.coll.Len() != 2 || m.res.Len() != 2 || !m.loading {
		t.Fatalf("after one batch: %d loaded, %d shown, loading %v", m.coll.Len(), m.res.Len(), m.loading)
	}
	send(t, m, batchMsg{postings: ps[2:], merges: []merge{{ID: "b", Path: "mirror/b.md"}}, progress: progress{Seen: 5, Loaded: 5, Duplicates: 1}})
	if got := ps[1].AllPaths(); !slices.Equal(got, []string{"boards/b.md", "mirror/b.md"}) {
		t.Errorf("paths of b = %q", got)
	}
	if m.sel != ps[1] || !contains(stripAll(m.detail.lines), "mirror/b.md") {
		t.Error("the detail header does not list the duplicate's path")
	}
	send(t, m, batchMsg{done: true, progress: progress{Seen: 6, Loaded: 5, Skipped: 1, Duplicates: 1}})
	if m.loading || !contains(m.msg, "loaded 4 postings from 6 files (1 skipped)") {
		t.Errorf("done: loading %v, message %q", m.loading, m.msg)
	}
}

func TestRefilterThrottledWhileLoadingBigFolder(t *testing.T) {
	m := newTestModel(t, 120, 40, many(throttleMin+1))
	m.loading = true
	var due []tea.Msg
	m.tick = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		if msg := fn(time.Time{}); msg == (refilterMsg{}) {
			due = append(due, msg)
		}
		return nil
	}
	m.lastStart = time.Now()
	more := many(throttleMin + 21)[throttleMin+1:]
	send(t, m, batchMsg{postings: more[:10]}, batchMsg{postings: more[10:]})
	if len(due) != 1 || m.res.Total != throttleMin+1 {
		t.Fatalf("%d refilters scheduled, result over %d postings: want 1 scheduled and the old result", len(due), m.res.Total)
	}
	send(t, m, due[0])
	if m.res.Total != throttleMin+21 {
		t.Errorf("after the scheduled refilter the result covers %d postings", m.res.Total)
	}
	send(t, m, batchMsg{done: true, postings: many(throttleMin + 22)[throttleMin+21:]})
	if m.loading || m.res.Total != throttleMin+22 || len(due) != 1 {
		t.Errorf("the last batch was not shown at once: loading %v, %d postings, %d scheduled", m.loading, m.res.Total, len(due))
	}
}
