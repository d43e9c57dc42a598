package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/jobdeck/jobdeck/loader/corpus"
)

// benchList runs `jobdeck list --no-cache` (args added) on the bench
// corpus of n postings, output discarded, with an empty state and config,
// and reports the CPU time of the process per run beside the wall time.
func benchList(b *testing.B, n int, args ...string) {
	dir, err := corpus.BenchDir(n)
	if err != nil {
		b.Fatal(err)
	}
	tmp := b.TempDir()
	b.Setenv("XDG_CONFIG_HOME", filepath.Join(tmp, "config"))
	b.Setenv("XDG_CACHE_HOME", filepath.Join(tmp, "cache"))
	state := filepath.Join(tmp, "state.json")
	args = append([]string{"list", "--no-cache", "--state", state}, append(args, dir)...)
	cpu := corpus.ProcessCPU()
	for b.Loop() {
		if code := run(args, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("list exited %d", code)
		}
	}
	b.ReportMetric(float64(corpus.ProcessCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkList100k is `jobdeck list --no-cache` on the 100k bench corpus
// (corpus.BenchDir writes it into os.TempDir() on first use).
func BenchmarkList100k(b *testing.B) { benchList(b, 100_000) }

// BenchmarkListJSON100k is `jobdeck list --json --no-cache` on the 100k
// bench corpus: every body read again as it streams out.
func BenchmarkListJSON100k(b *testing.B) { benchList(b, 100_000, "--json") }

// BenchmarkList1M is BenchmarkList100k on the 1M bench corpus
// (JOBDECK_BENCH_1M=1; ~4 GB of disk in os.TempDir(), written once).
func BenchmarkList1M(b *testing.B) {
	if os.Getenv("JOBDECK_BENCH_1M") != "1" {
		b.Log("set JOBDECK_BENCH_1M=1 to run the 1M benchmarks (they write ~4 GB into os.TempDir() once)")
		return
	}
	benchList(b, 1_000_000)
}
