package model

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// benchTracked is how many of the 100k benchmark postings the tracking
// benchmarks put in a stage: a long job search.
const benchTracked = 2000

// benchTrackStore returns a store (never saved) in which every 50th
// posting of c is shortlisted and tracked: stages in turn, an "applied"
// record 1 to 60 days before now for most, a follow-up on every third.
func benchTrackStore(b *testing.B, c *Collection, now time.Time) *Store {
	b.Helper()
	s, err := OpenStore(filepath.Join(b.TempDir(), "state.json"))
	if err != nil {
		b.Fatal(err)
	}
	stages := Stages()
	step := c.Len() / benchTracked
	for k := range benchTracked {
		p := c.At(k * step)
		st := stages[k%len(stages)]
		if st != StageInterested {
			if err := s.SetStage(p, StageApplied, now.AddDate(0, 0, -(1+k%60))); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.SetStage(p, st, now.AddDate(0, 0, -(k%30))); err != nil {
			b.Fatal(err)
		}
		if k%3 == 0 {
			if err := s.SetFollowUp(p, now.AddDate(0, 0, k%14-7)); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.SetShortlisted(p, true); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkFilterTracking filters the 100k postings for the terms that
// read the store, with is:shortlisted (the same kind of lookup) as the
// yardstick, and sorts them by stage and by follow-up.
func BenchmarkFilterTracking(b *testing.B) {
	c := benchCollection(b)
	snap := c.Snapshot()
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	s := benchTrackStore(b, c, now)
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		q    string
		o    SortOrder
	}{
		{"is:shortlisted", "is:shortlisted", SortNewest},
		{"stage:applied", "stage:applied", SortNewest},
		{"stage:int", "stage:int", SortNewest},
		{"is:due", "is:due", SortNewest},
		{"is:active", "is:active", SortNewest},
		{"applied:<14d", "applied:<14d", SortNewest},
		{"backend_is:due", "backend is:due", SortNewest},
		{"sort=stage", "", SortStage},
		{"sort=follow-up", "", SortFollowUp},
		{"sort=stage_stage:int", "stage:int", SortStage},
	} {
		q := ParseQuery(bc.q)
		q.Now = now
		b.Run(bc.name, func(b *testing.B) {
			var r Result
			cpu := processCPU()
			for b.Loop() {
				var err error
				if r, err = filter(ctx, snap, q, bc.o, s, nil, false); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(r.Len()), "rows")
		})
	}
}

// BenchmarkBoard builds the board of the 2,000 tracked postings among the
// 100k (what a filter for is:active or is:closed hands it).
func BenchmarkBoard(b *testing.B) {
	c := benchCollection(b)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	s := benchTrackStore(b, c, now)
	var ps []*Posting
	for i := range c.Len() {
		if s.Track(c.At(i).ID).Stage != StageNone {
			ps = append(ps, c.At(i))
		}
	}
	cpu := processCPU()
	for b.Loop() {
		Board(ps, s, now)
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(len(ps)), "cards")
}
