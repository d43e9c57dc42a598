package cache_test

import (
	"context"
	"os"
	"testing"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/cache"
	"github.com/jobdeck/jobdeck/loader/corpus"
)

// benchSize is the corpus size of a load benchmark: 100k, or 1M with
// JOBDECK_BENCH_1M=1 (about 4 GB of disk in os.TempDir()).
func benchSize(b *testing.B, million bool) int {
	if !million {
		return 100_000
	}
	if os.Getenv("JOBDECK_BENCH_1M") != "1" {
		b.Log("set JOBDECK_BENCH_1M=1 to run the 1M benchmarks (they write ~4 GB into os.TempDir() once)")
		return 0
	}
	return 1_000_000
}

// benchLaunch is one launch as `jobdeck list` makes it: a cache opened in
// dir (none when dir is ""), the load, and the cache closed (which writes
// what changed).
func benchLaunch(b *testing.B, srcs []loader.Source, dir string) int {
	opts := loader.Options{}
	var c *cache.Cache
	if dir != "" {
		c = cache.Open(dir, loader.CacheStamp(opts), nil)
		opts.Cache = c
	}
	ps, _, err := loader.Load(context.Background(), srcs, opts)
	if err != nil {
		b.Fatal(err)
	}
	if c != nil {
		if p := c.Close(); p != "" {
			b.Fatal(p)
		}
	}
	return len(ps)
}

// benchLoad measures launches on the bench corpus of n postings: without a
// cache (cold), with an empty cache that the launch fills and writes
// (first), or with the cache a previous launch wrote (warm).
func benchLoad(b *testing.B, million bool, mode string) {
	n := benchSize(b, million)
	if n == 0 {
		return
	}
	dir, err := corpus.BenchDir(n)
	if err != nil {
		b.Fatal(err)
	}
	srcs, err := loader.SourcesFromPaths([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	cacheDir := ""
	switch mode {
	case "warm":
		cacheDir = b.TempDir()
		benchLaunch(b, srcs, cacheDir)
	case "first":
		cacheDir = b.TempDir()
	}
	b.ReportAllocs()
	b.ResetTimer()
	got := 0
	cpu := corpus.ProcessCPU()
	for b.Loop() {
		if mode == "first" {
			b.StopTimer()
			if _, err := cache.Clear(cacheDir); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		got = benchLaunch(b, srcs, cacheDir)
	}
	b.StopTimer()
	b.ReportMetric(float64(corpus.ProcessCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
	if got < n*9/10 {
		b.Fatalf("loaded %d postings of %d files", got, n)
	}
	if mode == "warm" {
		info, err := cache.Describe(cacheDir)
		if err != nil || info.Entries() < n*9/10 {
			b.Fatalf("the cache holds %d entries (%v)", info.Entries(), err)
		}
		b.ReportMetric(float64(info.Bytes)/float64(n), "cache-B/posting")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/posting")
}

// BenchmarkLoad100kNoCache is a launch on the 100k corpus without a cache.
func BenchmarkLoad100kNoCache(b *testing.B) { benchLoad(b, false, "cold") }

// BenchmarkLoad100kFirst is the first launch on the 100k corpus: every
// file parsed and the cache written.
func BenchmarkLoad100kFirst(b *testing.B) { benchLoad(b, false, "first") }

// BenchmarkLoad100kWarm is a launch on the unchanged 100k corpus with the
// cache: the walk stats every file, the postings come from the cache.
func BenchmarkLoad100kWarm(b *testing.B) { benchLoad(b, false, "warm") }

// BenchmarkLoad1MNoCache is BenchmarkLoad100kNoCache at 1M (JOBDECK_BENCH_1M=1).
func BenchmarkLoad1MNoCache(b *testing.B) { benchLoad(b, true, "cold") }

// BenchmarkLoad1MWarm is BenchmarkLoad100kWarm at 1M (JOBDECK_BENCH_1M=1).
func BenchmarkLoad1MWarm(b *testing.B) { benchLoad(b, true, "warm") }
