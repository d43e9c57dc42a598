package model

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// benchPostings returns n loaded postings with ~3 KB bodies, and a store in
// which every 200th is shortlisted and 50 more are shortlisted but missing.
func benchPostings(b *testing.B, n int) ([]*Posting, *Store) {
	b.Helper()
	body := strings.Repeat("We build quiet tools for loud problems. ", 75)
	ps := make([]*Posting, n)
	for i := range ps {
		ps[i] = &Posting{
			ID: fmt.Sprintf("id-%07d", i), Path: fmt.Sprintf("dir%03d/posting-%d.md", i/1000, i),
			Title: fmt.Sprintf("Engineer %d", i), Company: "Benchmark Works", Location: "Remote",
			Date: time.Date(2026, 1, 1+i%28, 0, 0, 0, 0, time.UTC), URL: fmt.Sprintf("https://bench.example/%d", i),
			Keywords: []string{"go", "sql"}, Body: body,
		}
	}
	s, err := OpenStore(filepath.Join(b.TempDir(), "state.json"))
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < n; i += 200 {
		if err := s.SetShortlisted(ps[i], true); err != nil {
			b.Fatal(err)
		}
	}
	for i := range 50 {
		if err := s.SetShortlisted(statePosting(fmt.Sprintf("gone-%d", i), "Gone"), true); err != nil {
			b.Fatal(err)
		}
	}
	return ps, s
}

// BenchmarkSelectForExport100k selects the shortlist from 100,000 loaded
// postings (500 shortlisted, 50 missing).
func BenchmarkSelectForExport100k(b *testing.B) {
	ps, s := benchPostings(b, 100_000)
	for b.Loop() {
		if items := SelectForExport(ps, s, Selection{}); len(items) != 550 {
			b.Fatalf("%d items", len(items))
		}
	}
}

// BenchmarkExportAll10k exports 10,000 postings (~3 KB bodies) in each
// format to io.Discard.
func BenchmarkExportAll10k(b *testing.B) {
	ps, s := benchPostings(b, 10_000)
	items := SelectForExport(ps, s, Selection{All: true})
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			x := Exporter{Format: f, Now: exportNow}
			for b.Loop() {
				if err := x.Write(io.Discard, items); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
