package ui

import (
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// boardBenchN is how many postings the board benchmarks track.
const boardBenchN = 2000

// benchBoardModel returns a 120x40 browser over 100k generated postings
// of which 2,000 are tracked, spread over every stage with a history and
// some follow-ups, showing the board.
func benchBoardModel(b *testing.B) (*Model, *model.Store) {
	b.Helper()
	ps := benchPostings(benchN)
	st, err := model.OpenStore(filepath.Join(b.TempDir(), "state.json"))
	if err != nil {
		b.Fatal(err)
	}
	step := benchN / boardBenchN
	for i := 0; i < benchN; i += step {
		at := testNow.Add(-time.Duration(i) * time.Minute)
		stage := model.Stages()[(i/step)%len(model.Stages())]
		if err := st.SetStage(ps[i], model.StageApplied, at.Add(-48*time.Hour)); err != nil {
			b.Fatal(err)
		}
		if err := st.SetStage(ps[i], stage, at); err != nil {
			b.Fatal(err)
		}
		if i%(3*step) == 0 {
			if err := st.SetFollowUp(ps[i], at); err != nil {
				b.Fatal(err)
			}
		}
	}
	m := newTestModel(b, 120, 40, ps)
	m.initState(Config{Store: st, ExportDir: b.TempDir()})
	send(b, m, kp("B"))
	if boardOf(m).Selected() == nil {
		b.Fatal("no card focused")
	}
	return m, st
}

// BenchmarkBoardCursor measures a key that moves the board's focus
// (Update + View), between cards and columns, with 2,000 tracked.
func BenchmarkBoardCursor(b *testing.B) {
	m, _ := benchBoardModel(b)
	keys := []tea.KeyPressMsg{kp("j"), kp("l"), kp("j"), kp("h"), kp("k"), kp("k")}
	timeKeys(b, m, func(i int) tea.KeyPressMsg { return keys[i%len(keys)] })
}

// BenchmarkBoardMoveCard measures > and < on the focused card (Update +
// View, the board computed again from the store) with 2,000 tracked. The
// Save Cmd runs off the key path and is not run here; neither is the
// follow-up the move to applied offers (esc closes it outside the timing).
func BenchmarkBoardMoveCard(b *testing.B) {
	m, _ := benchBoardModel(b)
	send(b, m, kp("l"), kp("l")) // interviewing: > and < never offer a follow-up
	keys := []tea.KeyPressMsg{kp(">"), kp("<")}
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		m.Update(keys[i%2])
		_ = m.View()
		ds = append(ds, time.Since(start))
		if openOverlay(m) != nil {
			b.Fatalf("an overlay opened: %T", openOverlay(m))
		}
	}
	b.StopTimer()
	reportMedian(b, ds)
}
