package model

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// benchTrackedFile returns a saved store at a fresh path with n tracked
// entries, each shortlisted with two tags, a short note, three stage
// changes and a follow-up (~600 bytes an entry in the file).
func benchTrackedFile(b *testing.B, n int) (*Store, string) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "state.json")
	s, err := OpenStore(path)
	if err != nil {
		b.Fatal(err)
	}
	t0 := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)
	for i := range n {
		p := statePosting(fmt.Sprintf("posting-%06d", i), "Benchmark Role")
		for _, err := range []error{
			s.SetShortlisted(p, true),
			s.SetTags(p, []string{"go", fmt.Sprintf("batch%d", i%10)}),
			s.SetNote(p, "Follow up next week about the take-home exercise."),
			s.SetStage(p, StageInterested, t0),
			s.SetStage(p, StageApplied, t0.AddDate(0, 0, i%30)),
			s.SetStage(p, StageInterviewing, t0.AddDate(0, 0, 30+i%30)),
			s.SetFollowUp(p, t0.AddDate(0, 0, 70+i%20)),
		} {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := s.Save(); err != nil {
		b.Fatal(err)
	}
	return s, path
}

// BenchmarkStoreSaveTracked measures one stage change plus Save (lock,
// re-read, merge, write, two fsyncs) on a state file of 10,000 tracked
// postings with history, and reading that file.
func BenchmarkStoreSaveTracked(b *testing.B) {
	s, path := benchTrackedFile(b, 10_000)
	p := statePosting("posting-000001", "Benchmark Role")
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	b.Run("save", func(b *testing.B) {
		cpu := processCPU()
		for i := 0; b.Loop(); i++ {
			if err := s.SetStage(p, StageOffer, t0.Add(time.Duration(i)*time.Minute)); err != nil {
				b.Fatal(err)
			}
			if err := s.Save(); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu)
		b.ReportMetric(float64(fileSize(b, path))/1e6, "file-MB")
	})
	b.Run("open", func(b *testing.B) {
		cpu := processCPU()
		for b.Loop() {
			if _, err := OpenStore(path); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu)
	})
}

// fileSize returns the size of the file at path.
func fileSize(b *testing.B, path string) int64 {
	b.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return fi.Size()
}
