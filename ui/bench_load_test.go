package ui

import (
	"context"
	"io"
	"os"
	"runtime"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/cache"
	"github.com/jobdeck/jobdeck/loader/corpus"
)

// loadWatch runs a [Model] in a real program and quits once the load is
// done and the list shows every posting: the browser's full load.
type loadWatch struct {
	*Model
}

func (w loadWatch) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := w.Model.Update(msg)
	n := w.c.coll.Len()
	if !w.c.loading && n > 0 && w.browser.list.res.Total == n {
		return w, tea.Quit
	}
	return w, cmd
}

// runFullLoad runs the browser on srcs in a tea.Program (output
// discarded, 120x40) until every posting shows, reports the live heap
// then, and returns how many postings it loaded.
func runFullLoad(b *testing.B, srcs []loader.Source, opts loader.Options) int {
	b.Helper()
	m := New(Config{Sources: srcs, Style: "dark", Loader: opts})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	p := tea.NewProgram(loadWatch{m}, tea.WithContext(ctx), tea.WithInput(nil), tea.WithOutput(io.Discard),
		tea.WithWindowSize(120, 40), tea.WithoutSignalHandler())
	if _, err := p.Run(); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "MB-live-heap")
	runtime.KeepAlive(m)
	return m.c.coll.Len()
}

// BenchmarkFullLoad measures the browser's full load as a user sees it:
// from New on a folder, through the real program loop (batches streaming
// in, filter jobs, frames), until the list shows every posting, with the
// CPU time of the whole process per load. The folder is $JOBDECK_BENCH_DIR
// (e.g. a 100k corpus.Write folder) or 2,000 generated postings.
func BenchmarkFullLoad(b *testing.B) {
	benchFullLoad(b, benchSources(b), loader.Options{})
}

// BenchmarkFullLoad1M is BenchmarkFullLoad on the 1M bench corpus
// (JOBDECK_BENCH_1M=1; corpus.BenchDir writes ~4 GB into os.TempDir() once).
func BenchmarkFullLoad1M(b *testing.B) {
	if srcs := million1MSources(b); srcs != nil {
		benchFullLoad(b, srcs, loader.Options{})
	}
}

// million1MSources returns the sources of the 1M bench corpus when
// JOBDECK_BENCH_1M=1 (corpus.BenchDir writes ~4 GB into os.TempDir()
// once), else nil after saying how to run the benchmark.
func million1MSources(b *testing.B) []loader.Source {
	b.Helper()
	if os.Getenv("JOBDECK_BENCH_1M") != "1" {
		b.Log("set JOBDECK_BENCH_1M=1 to run the 1M benchmarks (they write ~4 GB into os.TempDir() once)")
		return nil
	}
	dir, err := corpus.BenchDir(1_000_000)
	if err != nil {
		b.Fatal(err)
	}
	srcs, err := loader.SourcesFromPaths([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	return srcs
}

// BenchmarkFullLoadWarm is BenchmarkFullLoad with a parse cache that a
// first, untimed load filled: a launch on an unchanged folder. Read its
// live heap at -benchtime 1x, as BenchmarkFullLoad's: at 2x the heap
// measured after the second load still held the first load's model.
func BenchmarkFullLoadWarm(b *testing.B) {
	benchFullLoadWarm(b, benchSources(b))
}

// BenchmarkFullLoadWarm1M is BenchmarkFullLoadWarm on the 1M bench corpus
// (JOBDECK_BENCH_1M=1).
func BenchmarkFullLoadWarm1M(b *testing.B) {
	if srcs := million1MSources(b); srcs != nil {
		benchFullLoadWarm(b, srcs)
	}
}

func benchFullLoadWarm(b *testing.B, srcs []loader.Source) {
	opts := loader.Options{}
	pc := cache.Open(b.TempDir(), loader.CacheStamp(opts), nil)
	opts.Cache = pc
	if _, _, err := loader.Load(context.Background(), srcs, opts); err != nil {
		b.Fatal(err)
	}
	if p := pc.Close(); p != "" {
		b.Fatal(p)
	}
	opts.Cache = cache.Open(pc.Dir(), loader.CacheStamp(opts), nil)
	b.ResetTimer()
	benchFullLoad(b, srcs, opts)
}

func benchFullLoad(b *testing.B, srcs []loader.Source, opts loader.Options) {
	cpu := corpus.ProcessCPU()
	n := 0
	for b.Loop() {
		n = runFullLoad(b, srcs, opts)
	}
	b.ReportMetric(float64(corpus.ProcessCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(n), "postings")
	b.ReportMetric(peakRSS()/(1<<20), "MB-peak-RSS")
}
