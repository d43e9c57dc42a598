package search_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/corpus"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/search"
)

// benchPostings loads the 100k benchmark folder the loader's benchmarks
// share (jobdeck-bench-100k in os.TempDir(), written on first use)
// without bodies, as the browser does, and returns the postings with
// their sync items (stamps from each file's size and time).
func benchPostings(b *testing.B) ([]*model.Posting, []search.Item) {
	b.Helper()
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
	items := make([]search.Item, len(ps))
	for i, p := range ps {
		fi, err := fs.Stat(p.Source, p.SourcePath)
		if err != nil {
			b.Fatal(err)
		}
		items[i] = search.Item{ID: p.ID, Stamp: search.Stamp(fi)}
	}
	return ps, items
}

// bodyLoader reads a posting's body again from its file, as the index's
// Sync does in the browser.
func bodyLoader(ps []*model.Posting, items []search.Item) func(context.Context, int) (search.Doc, error) {
	return func(_ context.Context, i int) (search.Doc, error) {
		p := ps[i]
		body, err := loader.Body(p, loader.DefaultMaxBody)
		return search.Doc{ID: p.ID, Stamp: items[i].Stamp, Title: p.Title, Company: p.Company,
			Location: p.Location, Keywords: p.Keywords, Body: body}, err
	}
}

// BenchmarkSync100k builds the index of the 100k folder from nothing:
// bodies re-read from the files, stripped and indexed. It also reports
// the size of the index and the process's peak RSS (the metadata load
// included, as in the browser). Run with -benchtime=1x.
func BenchmarkSync100k(b *testing.B) {
	ps, items := benchPostings(b)
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		ix, err := search.Open(context.Background(), dir, search.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0 := cpuTime()
		st, err := ix.Sync(context.Background(), items, bodyLoader(ps, items), nil)
		if err != nil || st.Indexed < len(ps)*9/10 {
			b.Fatalf("%+v, %v", st, err)
		}
		b.StopTimer()
		b.ReportMetric(ms(cpuTime()-c0)/1000, "cpu-s")
		ix.Close()
		fi, _ := os.Stat(filepath.Join(dir, search.FileName))
		b.ReportMetric(float64(fi.Size())/(1<<20), "index-MB")
		b.StartTimer()
	}
	b.ReportMetric(corpus.PeakRSSMB(), "peak-RSS-MB")
}

// BenchmarkResync100k is the Sync of a second launch on the unchanged
// 100k folder, closed cleanly by the first: the comparison of stamps (and
// no full check of the file, see [search.Index.Close]).
func BenchmarkResync100k(b *testing.B) {
	if err := benchIndex(b, search.Options{}).Close(); err != nil {
		b.Fatal(err)
	}
	ps, items := benchPostings(b)
	dir := benchIndexDir()
	for b.Loop() {
		ix, err := search.Open(context.Background(), dir, search.Options{})
		if err != nil {
			b.Fatal(err)
		}
		c0 := cpuTime()
		st, err := ix.Sync(context.Background(), items, bodyLoader(ps, items), nil)
		if err != nil || st.Indexed != 0 {
			b.Fatalf("%+v, %v", st, err)
		}
		b.ReportMetric(ms(cpuTime()-c0), "cpu-ms")
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchIndexDir is the folder in os.TempDir() of the 100k index kept
// across runs: one per version of the index's schema
// ("jobdeck-bench-search-100k-v4"), so that builds of other versions
// measured on the same machine do not rebuild each other's.
func benchIndexDir() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("jobdeck-bench-search-100k-v%d", search.SchemaVersion))
}

// benchIndex returns an index of the 100k folder kept across runs (see
// [benchIndexDir]).
func benchIndex(b *testing.B, opts search.Options) *search.Index {
	ps, items := benchPostings(b)
	dir := benchIndexDir()
	ix, err := search.Open(context.Background(), dir, opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	if _, err := ix.Sync(context.Background(), items, bodyLoader(ps, items), nil); err != nil {
		b.Fatal(err)
	}
	return ix
}

// benchQueries are 1–3 words, phrases and prefixes over the generated
// corpus, from a few dozen hits to every posting.
var benchQueries = []struct {
	name  string
	terms []string
}{
	{"rare-word", []string{"visa"}},
	{"phrase-48", []string{"four day weeks"}},
	{"two-words-2k", []string{"kafka", "terraform"}},
	{"three-words-500", []string{"go", "kubernetes", "remote"}},
	{"accent-8k", []string{"munchen"}},
	{"prefix-11k", []string{"kube*"}},
	{"title-16k", []string{"principal"}},
	{"word-and-not-8k", []string{"munchen", "-kafka"}},
	{"word-in-every-posting", []string{"software"}},
}

// BenchmarkSearch100k times each query over the 100k index and reports
// its p50 and p99, without the result cache: the cost of a query typed for
// the first time.
func BenchmarkSearch100k(b *testing.B) {
	benchSearch(b, search.Options{NoCache: true})
}

// BenchmarkSearchCached100k is the same with the result cache, as when
// the query is re-run on each key typed after its quoted terms.
func BenchmarkSearchCached100k(b *testing.B) {
	benchSearch(b, search.Options{})
}

// BenchmarkMatch100k is BenchmarkSearch100k without scores.
func BenchmarkMatch100k(b *testing.B) {
	benchSearch(b, search.Options{NoCache: true})
}

func benchSearch(b *testing.B, opts search.Options) {
	ix := benchIndex(b, opts)
	run := ix.Search
	if strings.HasPrefix(b.Name(), "BenchmarkMatch") {
		run = ix.Match
	}
	for _, bq := range benchQueries {
		b.Run(bq.name, func(b *testing.B) {
			query := q(b, bq.terms...)
			var times, cpu []time.Duration
			hits := 0
			for b.Loop() {
				start, c0 := time.Now(), cpuTime()
				hs, err := run(context.Background(), query)
				if err != nil {
					b.Fatal(err)
				}
				times, cpu = append(times, time.Since(start)), append(cpu, cpuTime()-c0)
				hits = len(hs)
			}
			// The first run also counts how common the words are, which
			// the index remembers until its next write.
			b.ReportMetric(ms(times[0]), "first-ms")
			slices.Sort(times)
			slices.Sort(cpu)
			b.ReportMetric(float64(hits), "hits")
			b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
			b.ReportMetric(ms(times[len(times)*99/100]), "p99-ms")
			// CPU time is what the query costs; wall time adds the wait for
			// a core when the machine is busy.
			b.ReportMetric(ms(cpu[len(cpu)/2]), "cpu-p50-ms")
		})
	}
	b.ReportMetric(corpus.PeakRSSMB(), "peak-RSS-MB")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// BenchmarkQueryResult100k is the browser's path from a query of quoted
// terms to its ranked rows over the 100k postings: the search (by rows,
// ranked, the index's result cache off), the filter and the ranking by
// relevance, then newest first. It reports p50 and p99 like
// BenchmarkSearch100k, and the first run of each query (first-ms).
func BenchmarkQueryResult100k(b *testing.B) {
	ix := benchIndex(b, search.Options{NoCache: true})
	ps, _ := benchPostings(b)
	c := model.NewCollection()
	c.Add(ps...)
	snap := c.Snapshot()
	text := search.NewSearcher(context.Background(), ix)
	text.SetReady()
	// As in the browser: the sort order is worked out while the postings
	// load, and the searcher placed in the collection once indexed.
	if _, err := model.Filter(context.Background(), snap, model.Query{}, model.SortNewest, nil, nil); err != nil {
		b.Fatal(err)
	}
	text.PrepareText(snap)
	for _, bq := range benchQueries {
		b.Run(bq.name, func(b *testing.B) {
			var raw []string
			for _, t := range bq.terms {
				if w, ok := strings.CutPrefix(t, "-"); ok {
					raw = append(raw, `-"`+w+`"`)
				} else {
					raw = append(raw, `"`+t+`"`)
				}
			}
			query := model.ParseQuery(strings.Join(raw, " "))
			var times, cpu []time.Duration
			rows := 0
			for b.Loop() {
				start, c0 := time.Now(), cpuTime()
				q, err := query.WithTextHits(context.Background(), text)
				if err != nil {
					b.Fatal(err)
				}
				r, err := model.Filter(context.Background(), snap, q, model.SortNewest, nil, nil)
				if err != nil {
					b.Fatal(err)
				}
				times, cpu = append(times, time.Since(start)), append(cpu, cpuTime()-c0)
				rows = r.Len()
			}
			b.ReportMetric(ms(times[0]), "first-ms")
			slices.Sort(times)
			slices.Sort(cpu)
			b.ReportMetric(float64(rows), "rows")
			b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
			b.ReportMetric(ms(times[len(times)*99/100]), "p99-ms")
			b.ReportMetric(ms(cpu[len(cpu)/2]), "cpu-p50-ms")
		})
	}
}
