package loader_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/cache"
	"github.com/jobdeck/jobdeck/loader/corpus"
	"github.com/jobdeck/jobdeck/model"
)

// jsonBenchVersion changes when the generated JSON file changes.
const jsonBenchVersion = "1"

// benchJSONFile returns a Greenhouse-shaped JSON file of n postings
// (about 2 KB each, HTML descriptions included), written once into
// os.TempDir() and reused.
func benchJSONFile(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("jobdeck-bench-json-%d", n))
	file := filepath.Join(dir, "jobs.json")
	marker := filepath.Join(dir, ".complete")
	if got, err := os.ReadFile(marker); err == nil && string(got) == jsonBenchVersion {
		return file
	}
	b.Logf("writing %d postings to %s (once)", n, file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(file)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	para := strings.Repeat("&lt;p&gt;Our bakery ledger settles every loaf in real time; you will own its Go services. &lt;/p&gt;", 16)
	fmt.Fprint(w, `{"jobs": [`)
	for i := range n {
		if i > 0 {
			w.WriteString(",\n")
		}
		fmt.Fprintf(w, `{"id": %d, "title": "Backend Engineer %d", "absolute_url": "https://boards.greenhouse.io/tallowmere/jobs/%d", `+
			`"location": {"name": "Lisbon, Portugal"}, "updated_at": "2026-10-02T09:15:00-04:00", "first_published": "2026-09-%02dT08:00:00-04:00", `+
			`"departments": [{"id": 11, "name": "Engineering"}], "offices": [{"id": 3, "name": "Lisbon"}], `+
			`"pay_input_ranges": [{"min_cents": 6000000, "max_cents": 8500000, "currency_type": "EUR"}], "content": "%s"}`,
			i, i, i, 1+i%28, para)
	}
	fmt.Fprint(w, "], \"meta\": {\"total\": ", n, "}}\n")
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(marker, []byte(jsonBenchVersion), 0o644); err != nil {
		b.Fatal(err)
	}
	return file
}

// BenchmarkLoadJSON100k loads one JSON file of 100,000 postings
// (metadata only, as the browser does); compare with BenchmarkCatJSON100k.
func BenchmarkLoadJSON100k(b *testing.B) {
	file := benchJSONFile(b, 100_000)
	srcs, err := loader.SourcesFromPaths([]string{file})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var got int
	cpu := corpus.ProcessCPU()
	for b.Loop() {
		ps, _, err := loader.Load(context.Background(), srcs, loader.Options{})
		if err != nil {
			b.Fatal(err)
		}
		got = len(ps)
	}
	if got != 100_000 {
		b.Fatalf("loaded %d postings", got)
	}
	b.ReportMetric(float64(corpus.ProcessCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(got), "ns/posting")
}

// BenchmarkLoadJSON100kLaunch is BenchmarkLoadJSON100k as the binary
// runs it: each load starts on a collected heap and runs with the
// collector's pacing off and a soft memory limit of 192 MiB (as
// jobdeck's memory governor (startGovernor) sets them until its first collection), so the
// collector does not run during a load of this file. The collection
// before each load is not timed, nor counted in cpu-ms/op.
func BenchmarkLoadJSON100kLaunch(b *testing.B) {
	file := benchJSONFile(b, 100_000)
	srcs, err := loader.SourcesFromPaths([]string{file})
	if err != nil {
		b.Fatal(err)
	}
	gcPercent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(192 << 20)
	defer func() {
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(limit)
	}()
	b.ReportAllocs()
	var got int
	var cpu time.Duration
	var ps []*model.Posting
	for b.Loop() {
		b.StopTimer()
		ps = nil // the last load's postings are garbage for this collection
		runtime.GC()
		start := corpus.ProcessCPU()
		b.StartTimer()
		ps, _, err = loader.Load(context.Background(), srcs, loader.Options{})
		if err != nil {
			b.Fatal(err)
		}
		cpu += corpus.ProcessCPU() - start
		got = len(ps)
	}
	if got != 100_000 {
		b.Fatalf("loaded %d postings", got)
	}
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(got), "ns/posting")
}

// BenchmarkCatJSON100k is the floor: reading the same file as cat does.
func BenchmarkCatJSON100k(b *testing.B) {
	file := benchJSONFile(b, 100_000)
	buf := make([]byte, 128<<10)
	for b.Loop() {
		f, err := os.Open(file)
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.CopyBuffer(io.Discard, struct{ io.Reader }{f}, buf)
		f.Close()
		if err != nil || n == 0 {
			b.Fatal(n, err)
		}
		b.SetBytes(n)
	}
}

// BenchmarkJSONRecord is one record of BenchmarkLoadJSON100k's file
// parsed alone, on one goroutine: the per-posting cost without the
// reading, the pool and the GC of a whole load.
func BenchmarkJSONRecord(b *testing.B) {
	para := strings.Repeat("&lt;p&gt;Our bakery ledger settles every loaf in real time; you will own its Go services. &lt;/p&gt;", 16)
	raw := []byte(`{"id": 7, "title": "Backend Engineer 7", "absolute_url": "https://boards.greenhouse.io/tallowmere/jobs/7", ` +
		`"location": {"name": "Lisbon, Portugal"}, "updated_at": "2026-10-02T09:15:00-04:00", "first_published": "2026-09-08T08:00:00-04:00", ` +
		`"departments": [{"id": 11, "name": "Engineering"}], "offices": [{"id": 3, "name": "Lisbon"}], ` +
		`"pay_input_ranges": [{"min_cents": 6000000, "max_cents": 8500000, "currency_type": "EUR"}], "content": "` + para + `"}`)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if loader.ParseJSONRecord(raw) == nil {
			b.Fatal("no posting")
		}
	}
}

// BenchmarkJSONRecords1000 is the first 1,000 records of
// BenchmarkLoadJSON100k's file parsed in order on one goroutine, as one
// of the file's parsers does: the per-posting CPU of the parse alone.
func BenchmarkJSONRecords1000(b *testing.B) {
	f, err := os.Open(benchJSONFile(b, 100_000))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReader(f))
	raws := make([][]byte, 0, 1000)
	if _, err := dec.Token(); err != nil { // {
		b.Fatal(err)
	}
	if _, err := dec.Token(); err != nil { // "jobs"
		b.Fatal(err)
	}
	if _, err := dec.Token(); err != nil { // [
		b.Fatal(err)
	}
	for len(raws) < cap(raws) && dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
	}
	b.ReportAllocs()
	for b.Loop() {
		if n := loader.ParseJSONRecords(raws); n != len(raws) {
			b.Fatalf("%d postings of %d records", n, len(raws))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(raws)), "ns/posting")
}

// BenchmarkJSONMembers1000 is the first 1,000 records of
// BenchmarkLoadJSON100k's file parsed in order on one goroutine from the
// members the reader found, as one of a load's parsers does: the parse's
// CPU without the reading, the other goroutines and the GC of a load.
func BenchmarkJSONMembers1000(b *testing.B) {
	f, err := os.Open(benchJSONFile(b, 100_000))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	parse, err := loader.ParseJSONMembers(f, 1000)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if n := parse(); n != 1000 {
			b.Fatalf("%d postings of 1000 records", n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/posting")
}

// BenchmarkLoadJSON100kWarm is BenchmarkLoadJSON100k with the parse cache
// a first, untimed load filled: the file unchanged since, its postings
// and where each record sits come from the cache.
func BenchmarkLoadJSON100kWarm(b *testing.B) {
	file := benchJSONFile(b, 100_000)
	srcs, err := loader.SourcesFromPaths([]string{file})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	launch := func() int {
		opts := loader.Options{}
		c := cache.Open(dir, loader.CacheStamp(opts), nil)
		opts.Cache = c
		ps, _, err := loader.Load(context.Background(), srcs, opts)
		if err != nil {
			b.Fatal(err)
		}
		if p := c.Close(); p != "" {
			b.Fatal(p)
		}
		return len(ps)
	}
	launch()
	b.ReportAllocs()
	b.ResetTimer()
	var got int
	cpu := corpus.ProcessCPU()
	for b.Loop() {
		got = launch()
	}
	if got != 100_000 {
		b.Fatalf("loaded %d postings", got)
	}
	b.ReportMetric(float64(corpus.ProcessCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}
