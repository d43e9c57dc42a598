package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/corpus"
	"github.com/jobdeck/jobdeck/model"
)

// benchN is the number of postings the speed benchmarks run over.
const benchN = 100_000

// benchPostings generates n corpus postings without bodies, as the loader
// hands them out with KeepBodies=false.
func benchPostings(n int) []*model.Posting {
	out := make([]*model.Posting, n)
	for i := range out {
		p := corpus.MakeItem(i, 1).Posting
		p.ID = fmt.Sprint("p", i)
		p.Body = ""
		out[i] = &p
	}
	return out
}

// upAndDown is the i-th key of a cursor walk: 1000 rows down, 1000 up, ...
func upAndDown(i int) tea.KeyPressMsg {
	if (i/1000)%2 == 1 {
		return kp("k")
	}
	return kp("j")
}

// timeKeys times Update + View of b.N keys, key(i) the i-th, and reports
// the median.
func timeKeys(b *testing.B, m *Model, key func(i int) tea.KeyPressMsg) {
	b.Helper()
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := key(i)
		start := time.Now()
		m.Update(k)
		_ = m.View()
		ds = append(ds, time.Since(start))
	}
	b.StopTimer()
	reportMedian(b, ds)
}

// reportMedian reports the median of ds as median-ns/op.
func reportMedian(b *testing.B, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)/2].Nanoseconds()), "median-ns/op")
	b.ReportMetric(float64(ds[len(ds)*99/100].Nanoseconds()), "p99-ns/op")
}

// BenchmarkCursorMove measures one cursor move (Update + View) in a list
// of 100k postings at 120x40. The Cmds the move returns (body rendering)
// run off the key path and are not part of it.
func BenchmarkCursorMove(b *testing.B) {
	m := newTestModel(b, 120, 40, benchPostings(benchN))
	if result(m).Len() != benchN {
		b.Fatalf("%d rows", result(m).Len())
	}
	timeKeys(b, m, upAndDown)
}

// BenchmarkFilterKey measures one key typed into the filter (Update +
// View) over 100k postings: the filter job it starts is not run here.
func BenchmarkFilterKey(b *testing.B) {
	m := newTestModel(b, 120, 40, benchPostings(benchN))
	send(b, m, kp("/"))
	typeText(b, m, "eng")
	keys := []tea.KeyPressMsg{kp("i"), kp("n"), kp("backspace"), kp("backspace")}
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		_, cmd := m.Update(keys[i%len(keys)])
		_ = m.View()
		ds = append(ds, time.Since(start))
		if cmd == nil {
			b.Fatal("a typed key started no filter job")
		}
		jobOf(m).stop()
		jobOf(m).running = 0 // as if the cancelled job replied
	}
	b.StopTimer()
	reportMedian(b, ds)
}

// BenchmarkPasteKey measures one key of a paste the terminal did not
// bracket (Update + View), with the query at its longest and a job in
// flight, as during a burst: it must not grow with what came before.
func BenchmarkPasteKey(b *testing.B) {
	m := newTestModel(b, 120, 40, benchPostings(benchN))
	send(b, m, kp("/"))
	setFilterText(m, strings.Repeat("x", maxQuery-1))
	m.Update(kp("y")) // starts the job that stays in flight
	keys := []tea.KeyPressMsg{kp("backspace"), kp("z")}
	timeKeys(b, m, func(i int) tea.KeyPressMsg { return keys[i%len(keys)] })
	jobOf(m).stop()
}

// BenchmarkMemory100k loads 100k postings without bodies, filters them and
// reports the live heap and the process's peak RSS.
func BenchmarkMemory100k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		m := newTestModel(b, 120, 40, nil)
		ps := benchPostings(benchN)
		for j := 0; j < len(ps); j += 2048 {
			send(b, m, batchMsg{postings: ps[j:min(j+2048, len(ps))]})
		}
		send(b, m, kp("/"))
		typeText(b, m, "senior go")
		send(b, m, kp("enter"))
		if result(m).Len() == 0 || result(m).Total != benchN {
			b.Fatalf("%d of %d rows", result(m).Len(), result(m).Total)
		}
		ps = nil
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-live-heap")
		b.ReportMetric(peakRSS()/(1<<20), "MB-peak-RSS")
		runtime.KeepAlive(m)
	}
}

// peakRSS reads VmHWM from /proc (0 where there is none).
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			var kb float64
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:")), "%f", &kb)
			return kb * 1024
		}
	}
	return 0
}

// benchSources returns the loader sources of the benchmark folder:
// $JOBDECK_BENCH_DIR (e.g. a 100k corpus.Write folder), or 2,000 generated
// postings in a temporary folder.
func benchSources(b *testing.B) []loader.Source {
	b.Helper()
	dir := os.Getenv("JOBDECK_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "corpus")
		if err := corpus.Write(dir, 2000, 1); err != nil {
			b.Fatal(err)
		}
	}
	srcs, err := loader.SourcesFromPaths([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	return srcs
}

// BenchmarkFirstFrame measures the time from New on a folder to the first
// View that shows postings, with the real loader streaming. The folder is
// $JOBDECK_BENCH_DIR (e.g. a 100k corpus.Write folder) or 2,000 generated
// postings in a temporary folder.
func BenchmarkFirstFrame(b *testing.B) {
	srcs := benchSources(b)
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		m := New(Config{Sources: srcs})
		setClock(m, nil, func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil })
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		ch := takeStream(m) // batches are read here, one at a time
		for result(m).Len() == 0 {
			bm, ok := <-ch
			if !ok {
				b.Fatal("the load ended before any posting")
			}
			_, cmd := m.Update(bm)
			if cmd != nil {
				m.Update(cmd()) // the filter job
			}
		}
		if !strings.Contains(m.View().Content, "·") {
			b.Fatal("first frame shows no rows")
		}
		ds = append(ds, time.Since(start))
		m.quitNow(false)
		for range ch {
		}
	}
	b.StopTimer()
	reportMedian(b, ds)
}

// BenchmarkMemoryLoad streams a folder through the real loader into the
// browser (bodies dropped, as main.go asks), filters it, and reports the
// live heap and the process's peak RSS. The folder is $JOBDECK_BENCH_DIR
// (e.g. a 100k corpus.Write folder) or 2,000 generated postings.
func BenchmarkMemoryLoad(b *testing.B) {
	srcs := benchSources(b)
	for i := 0; i < b.N; i++ {
		m := New(Config{Sources: srcs})
		setClock(m, nil, func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil })
		setClock(m, func() time.Time { return testNow }, nil)
		send(b, m, tea.WindowSizeMsg{Width: 120, Height: 40})
		ch := takeStream(m) // batches are read here, one at a time
		for bm := range ch {
			send(b, m, bm)
		}
		send(b, m, kp("/"))
		typeText(b, m, "senior go")
		if result(m).Len() == 0 {
			b.Fatal("the filter found nothing")
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(collection(m).Len()), "postings")
		b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "MB-live-heap")
		b.ReportMetric(peakRSS()/(1<<20), "MB-peak-RSS")
	}
}

// BenchmarkRenderBody measures one glamour rendering of a ~4 KB corpus
// body at 71 columns: the work renderBody does in a Cmd, off the key path.
func BenchmarkRenderBody(b *testing.B) {
	p := corpus.MakeItem(7, 1).Posting
	b.ReportMetric(float64(len(p.Body)), "body-bytes")
	read := func(p *model.Posting) (string, error) { return p.Body, nil }
	for i := 0; i < b.N; i++ {
		if msg := renderBody(context.Background(), renderKey{p: &p, width: 71, style: glamourStyle{name: "dark"}}, read); msg.err != nil {
			b.Fatal(msg.err)
		}
	}
}
