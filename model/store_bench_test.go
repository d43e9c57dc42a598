package model

import (
	"fmt"
	"path/filepath"
	"testing"
)

// benchStore returns a saved store at a fresh path with n entries, each
// shortlisted with two tags and a short note.
func benchStore(b *testing.B, n int) (*Store, string) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "state.json")
	s, err := OpenStore(path)
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		p := statePosting(fmt.Sprintf("posting-%06d", i), "Benchmark Role")
		if err := s.SetShortlisted(p, true); err != nil {
			b.Fatal(err)
		}
		if err := s.SetTags(p, []string{"go", fmt.Sprintf("batch%d", i%10)}); err != nil {
			b.Fatal(err)
		}
		if err := s.SetNote(p, "Follow up next week about the take-home exercise."); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Save(); err != nil {
		b.Fatal(err)
	}
	return s, path
}

// BenchmarkStoreSave measures one change plus Save (lock, re-read, merge,
// write, two fsyncs) on a state file of 1,000 entries (~300 KB).
func BenchmarkStoreSave(b *testing.B) {
	s, _ := benchStore(b, 1000)
	p := statePosting("posting-000001", "Benchmark Role")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if err := s.SetNote(p, fmt.Sprintf("note %d", i)); err != nil {
			b.Fatal(err)
		}
		if err := s.Save(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenStore measures reading a state file of 1,000 entries.
func BenchmarkOpenStore(b *testing.B) {
	_, path := benchStore(b, 1000)
	for b.Loop() {
		if _, err := OpenStore(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStoreShortlistedParallel measures the per-row lookups the filter
// makes from several goroutines at once (1,000 entries, half the ids hit).
func BenchmarkStoreShortlistedParallel(b *testing.B) {
	s, _ := benchStore(b, 1000)
	ids := make([]string, 2000)
	for i := range ids {
		ids[i] = fmt.Sprintf("posting-%06d", i)
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			id := ids[i%len(ids)]
			_ = s.Shortlisted(id)
			_ = s.Tags(id)
			i++
		}
	})
}
