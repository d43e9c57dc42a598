package ui

import (
	"os"
	"testing"
	"time"
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
// words (untimed).
func BenchmarkFilterType1M(b *testing.B) {
	m := million(b)
	if m == nil {
		return
	}
	send(b, m, kp("/"))
	ds := make([]time.Duration, 0, b.N)
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
		if queryOf(m) != word[:i%3+1] || result(m).Query != queryOf(m) {
			b.Fatalf("query %q, result for %q", queryOf(m), result(m).Query)
		}
	}
	b.StopTimer()
	reportMedian(b, ds)
}

// BenchmarkCursorMove1M is BenchmarkCursorMove over 1M postings.
func BenchmarkCursorMove1M(b *testing.B) {
	m := million(b)
	if m == nil {
		return
	}
	timeKeys(b, m, upAndDown)
}
