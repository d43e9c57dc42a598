package ui

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// million returns 1M generated postings (without bodies) when
// JOBDECK_BENCH_1M=1, else nil after saying how to run the benchmark.
func million(b *testing.B) *Model {
	b.Helper()
	if os.Getenv("JOBDECK_BENCH_1M") != "1" {
		b.Log("set JOBDECK_BENCH_1M=1 to run the 1M benchmarks")
		return nil
	}
	m := newTestModel(b, 120, 40, benchPostings(1_000_000))
	if result(m).Len() != 1_000_000 {
		b.Fatalf("%d rows", result(m).Len())
	}
	return m
}

// filterWords are typed a key at a time by BenchmarkFilterType1M; there
// are more of them than the result cache holds, so no key is answered
// from it.
var filterWords = []string{"sen", "eng", "dev", "man", "ana", "pla", "lea", "dat", "pro", "ops"}

// BenchmarkFilterType1M measures a key typed into the filter over 1M
// postings until its results show: Update, the filter job (narrowing from
// the previous key's result, as when the user types on), its result taken
// by Update, and View. Each op is one key; the query is cleared between
// words (untimed). Besides the median of every key it reports that of the
// later keys alone (the second and third letters, which narrow), as
// later-median-ns/op; BenchmarkFilterFirstKey1M measures the first.
func BenchmarkFilterType1M(b *testing.B) {
	m := million(b)
	if m == nil {
		return
	}
	send(b, m, kp("/"))
	ds := make([]time.Duration, 0, b.N)
	var later []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		word := filterWords[(i/3)%len(filterWords)]
		if i%3 == 0 {
			b.StopTimer()
			setFilterText(m, "")
			send(b, m, kp("x"), kp("backspace")) // back to every posting
			b.StartTimer()
		}
		start := time.Now()
		send(b, m, kp(word[i%3:i%3+1]))
		_ = m.View()
		ds = append(ds, time.Since(start))
		if i%3 != 0 {
			later = append(later, ds[len(ds)-1])
		}
		if queryOf(m) != word[:i%3+1] || result(m).Query != queryOf(m) {
			b.Fatalf("query %q, result for %q", queryOf(m), result(m).Query)
		}
	}
	b.StopTimer()
	reportMedian(b, ds)
	if len(later) > 0 {
		slices.Sort(later)
		b.ReportMetric(float64(later[len(later)/2].Nanoseconds()), "later-median-ns/op")
	}
}

// BenchmarkCursorMove1M is BenchmarkCursorMove over 1M postings.
func BenchmarkCursorMove1M(b *testing.B) {
	m := million(b)
	if m == nil {
		return
	}
	timeKeys(b, m, upAndDown)
}

// firstKeys are typed one at a time into an empty filter by
// BenchmarkFilterFirstKey1M: the most frequent letters, each found in half
// to all of the generated postings (the worst first keys), and more of
// them than the result cache holds, so with -benchtime of at most
// len(firstKeys)x no key is answered from it.
const firstKeys = "etaoinsrhldcu"

// BenchmarkFilterFirstKey1M measures the first letter typed into an empty
// filter over 1M postings until its results show, in each sort order:
// Update, the filter job (a fresh query of one character: there is no
// previous result to narrow from), its result taken by Update, and View.
// Each op is one letter; the filter is emptied between letters (untimed),
// which shows every posting again. Run it with -benchtime=13x to type
// every letter once per order.
func BenchmarkFilterFirstKey1M(b *testing.B) {
	m := million(b)
	if m == nil {
		return
	}
	send(b, m, kp("/"))
	for o := model.SortOrder(0); o < model.SortSalary+1; o++ {
		b.Run("sort="+o.String(), func(b *testing.B) {
			m.browser.sort = o // the order is switched (and sorted) untimed
			send(b, m, kp("x"), kp("backspace"))
			ds := make([]time.Duration, 0, b.N)
			for i := 0; b.Loop(); i++ {
				c := firstKeys[i%len(firstKeys) : i%len(firstKeys)+1]
				start := time.Now()
				send(b, m, kp(c))
				_ = m.View()
				ds = append(ds, time.Since(start))
				if queryOf(m) != c || result(m).Query != c || result(m).Sort != o {
					b.Fatalf("query %q, result for %q in %v", queryOf(m), result(m).Query, result(m).Sort)
				}
				b.StopTimer()
				send(b, m, kp("backspace"))
				b.StartTimer()
			}
			b.StopTimer()
			reportMedian(b, ds)
			b.ReportMetric(float64(slices.Max(ds).Nanoseconds()), "max-ns/op")
		})
	}
}
