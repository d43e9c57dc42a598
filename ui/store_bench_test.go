package ui

import (
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// benchStoreModel returns a 120x40 browser over 100k generated postings
// with a store in which every 100th posting is shortlisted and tagged
// (1000 entries), and a note on every 1000th.
func benchStoreModel(b *testing.B) (*Model, *model.Store) {
	b.Helper()
	ps := benchPostings(benchN)
	st, err := model.OpenStore(filepath.Join(b.TempDir(), "state.json"))
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < len(ps); i += 100 {
		if err := st.SetShortlisted(ps[i], true); err != nil {
			b.Fatal(err)
		}
		if err := st.SetTags(ps[i], []string{"remote", "applied"}); err != nil {
			b.Fatal(err)
		}
		if i%1000 == 0 {
			if err := st.SetNote(ps[i], "called them; follow up on Friday"); err != nil {
				b.Fatal(err)
			}
		}
	}
	m := newTestModel(b, 120, 40, ps)
	m.initState(Config{Store: st, ExportDir: b.TempDir()})
	return m, st
}

// BenchmarkCursorMoveWithStore is BenchmarkCursorMove with the store
// wired in: rows draw ★ and tag labels, the header the tags and note.
func BenchmarkCursorMoveWithStore(b *testing.B) {
	m, _ := benchStoreModel(b)
	timeKeys(b, m, upAndDown)
}

// BenchmarkShortlistKey measures s (Update + View) over 100k postings:
// the toggle in memory and the redraw. The Save Cmd it starts runs off
// the key path (model's BenchmarkSave measures it) and is not run here.
func BenchmarkShortlistKey(b *testing.B) {
	m, _ := benchStoreModel(b)
	timeKeys(b, m, func(int) tea.KeyPressMsg { return kp("s") })
}

// BenchmarkShortlistOnlyResult measures the L view's filter job over all
// 100k postings restricted to the 1000 shortlisted ones: the part in
// Update (where the shortlisted postings sit) and the job's Cmd.
func BenchmarkShortlistOnlyResult(b *testing.B) {
	m, _ := benchStoreModel(b)
	setShortlistOnly(m, true)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		msg := startQuery(m)().(resultMsg)
		if msg.err != nil || msg.res.Len() != benchN/100 {
			b.Fatalf("%d rows (%v)", msg.res.Len(), msg.err)
		}
	}
}
