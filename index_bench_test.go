package main

import (
	"context"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/corpus"
	"github.com/jobdeck/jobdeck/loader/textindex"
	"github.com/jobdeck/jobdeck/model/search"
)

// BenchmarkIndexBrowser100k is the browser's build of the full-text index
// of the 100k bench corpus from nothing, once its postings are loaded
// (without bodies): indexFunc's sync, with the memory limit it sets. It
// reports CPU seconds, the collections the sync ran and the process's peak
// RSS (the load included). Run with -benchtime=1x.
func BenchmarkIndexBrowser100k(b *testing.B) {
	dir, err := corpus.BenchDir(100_000)
	if err != nil {
		b.Fatal(err)
	}
	srcs, err := loader.SourcesFromPaths([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	ps, _, err := loader.Load(context.Background(), srcs, loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		x, err := textindex.Open(context.Background(), b.TempDir(), []string{dir}, 0, search.Options{})
		if err != nil {
			b.Fatal(err)
		}
		sync := indexFunc(x)
		b.StartTimer()
		c0, gc0, t0 := corpus.ProcessCPU(), gcCycles(), time.Now()
		if _, err := sync(context.Background(), ps, nil); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(t0).Seconds(), "wall-s")
		b.ReportMetric((corpus.ProcessCPU() - c0).Seconds(), "cpu-s")
		b.ReportMetric(float64(gcCycles()-gc0), "GCs")
		b.StopTimer()
		if err := x.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(corpus.PeakRSSMB(), "peak-RSS-MB")
}

// gcCycles returns the number of collections the process has run.
func gcCycles() uint64 {
	s := [1]metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s[:])
	return s[0].Value.Uint64()
}
