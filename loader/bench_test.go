package loader_test

import (
	"context"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/corpus"
)

// benchCorpus returns a folder of n generated postings, written once into
// os.TempDir() (jobdeck-bench-100k for 100,000) and reused across runs
// (see corpus.BenchDir).
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	dir, err := corpus.BenchDir(n)
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchLoad(b *testing.B, n int, keep bool) {
	dir := benchCorpus(b, n)
	srcs, err := loader.SourcesFromPaths([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var got int
	cpu := corpus.ProcessCPU()
	for b.Loop() {
		ps, _, err := loader.Load(context.Background(), srcs, loader.Options{KeepBodies: keep})
		if err != nil {
			b.Fatal(err)
		}
		got = len(ps)
	}
	b.StopTimer()
	if got < n*9/10 {
		b.Fatalf("loaded %d postings of %d files", got, n)
	}
	b.ReportMetric(float64(corpus.ProcessCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/posting")
}

// BenchmarkLoad100k is the full metadata-only load of 100,000 generated
// postings (~340 MB) — the speed target of issue 3.
func BenchmarkLoad100k(b *testing.B) { benchLoad(b, 100_000, false) }

// BenchmarkLoad100kBodies is the same load keeping every body.
func BenchmarkLoad100kBodies(b *testing.B) { benchLoad(b, 100_000, true) }

// BenchmarkFirstBatch100k measures the time from Stream to the first batch
// holding postings, on the 100k corpus.
func BenchmarkFirstBatch100k(b *testing.B) {
	dir := benchCorpus(b, 100_000)
	srcs, err := loader.SourcesFromPaths([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	var worst time.Duration
	for b.Loop() {
		ctx, cancel := context.WithCancel(context.Background())
		start := time.Now()
		ch := loader.Stream(ctx, srcs, loader.Options{})
		for bt := range ch {
			if len(bt.Postings) > 0 {
				worst = max(worst, time.Since(start))
				break
			}
		}
		cancel()
		for range ch {
		}
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
}

// BenchmarkParse is Parse alone over the generated shapes.
func BenchmarkParse(b *testing.B) {
	items := make([]corpus.Item, 600)
	size := 0
	for i := range items {
		items[i] = corpus.MakeItem(i, 42)
		size += len(items[i].Data)
	}
	b.SetBytes(int64(size / len(items)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		it := &items[i%len(items)]
		_ = loader.Parse(it.Name, it.Data)
		i++
	}
}

// BenchmarkParseMeta is Parse without building the body (KeepBodies=false).
func BenchmarkParseMeta(b *testing.B) {
	items := make([]corpus.Item, 600)
	for i := range items {
		items[i] = corpus.MakeItem(i, 42)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		it := &items[i%len(items)]
		_ = loader.ParseMeta(it.Name, it.Data)
		i++
	}
}
