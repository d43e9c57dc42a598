package model

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// benchN is the corpus size of the speed figures in issue 4.
const benchN = 100_000

var (
	benchOnce sync.Once
	benchColl *Collection
)

// benchCollection returns the shared 100k generated collection with its
// sort orders already computed (the UI has them by the time anyone types).
func benchCollection(b *testing.B) *Collection {
	b.Helper()
	benchOnce.Do(func() {
		benchColl = NewCollection()
		benchColl.Add(genPostings(benchN, 42)...)
		s := benchColl.Snapshot()
		for o := range numSortOrders {
			s.order(o)
		}
	})
	return benchColl
}

// benchTyped is what users type, key by key, in the latency benchmark.
var benchTyped = []string{
	"senior backe", "data scien", "berlin go", "platform eng", "zürich",
	"company:quill", "loc:remote ml", "frontend -junior", "kubernetes",
	"lead", "devops aws", "staff sec", "ios swift", "mobile münchen",
}

// The benchmarks call filter without the result cache, which would turn
// every repetition into a lookup.

// BenchmarkFilter filters 100k postings for "senior backe" typed one key at
// a time: fresh (no previous result) and narrowed (from the result for the
// query one key shorter, as the UI does while the user types).
func BenchmarkFilter(b *testing.B) {
	c := benchCollection(b)
	snap := c.Snapshot()
	ctx := context.Background()
	const typed = "senior backe"
	for n := 1; n <= len(typed); n++ {
		q := ParseQuery(typed[:n])
		b.Run(fmt.Sprintf("fresh/len=%02d", n), func(b *testing.B) {
			var r Result
			cpu := processCPU()
			for b.Loop() {
				r, _ = filter(ctx, snap, q, SortNewest, nil, nil, false)
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(r.Len()), "rows")
		})
		if n == 1 {
			continue
		}
		prev, err := Filter(ctx, snap, ParseQuery(typed[:n-1]), SortNewest, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("narrowed/len=%02d", n), func(b *testing.B) {
			var r Result
			cpu := processCPU()
			for b.Loop() {
				r, _ = filter(ctx, snap, q, SortNewest, nil, &prev, false)
			}
			reportCPU(b, cpu)
			if !r.Narrowed {
				b.Fatalf("%q after %q did not narrow", typed[:n], typed[:n-1])
			}
			b.ReportMetric(float64(r.Len()), "rows")
		})
	}
}

// firstLetters are the one-letter queries of BenchmarkFilterFirstKey: the
// most frequent letters, each in most of the generated postings.
const firstLetters = "etaoinsrl"

// BenchmarkFilterFirstKey filters 100k postings for one letter with no
// previous result, as for the first key typed into an empty filter, in
// each sort order; each op filters for the next of firstLetters. It
// reports the process CPU per filter and the wall time's p50 and p99.
func BenchmarkFilterFirstKey(b *testing.B) {
	c := benchCollection(b)
	snap := c.Snapshot()
	ctx := context.Background()
	for o := range numSortOrders {
		b.Run("sort="+o.String(), func(b *testing.B) {
			var durs []time.Duration
			cpu := processCPU()
			for i := 0; b.Loop(); i++ {
				k := i % len(firstLetters)
				start := time.Now()
				if _, err := filter(ctx, snap, ParseQuery(firstLetters[k:k+1]), o, nil, nil, false); err != nil {
					b.Fatal(err)
				}
				durs = append(durs, time.Since(start))
			}
			reportCPU(b, cpu)
			p50, p99 := percentiles(durs)
			b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
		})
	}
}

// BenchmarkFilterLatency reports p50 and p99 of single Filter calls over
// many varied queries of 1 to 12 characters, typed key by key: "typed" passes
// the previous key's result as the UI does, "fresh" never does. It reports
// wall time and the process CPU time of each call.
func BenchmarkFilterLatency(b *testing.B) {
	c := benchCollection(b)
	snap := c.Snapshot()
	ctx := context.Background()
	for _, mode := range []string{"typed", "fresh"} {
		b.Run(mode, func(b *testing.B) {
			var durs, cpus []time.Duration
			for b.Loop() {
				for qi, typed := range benchTyped {
					var prev *Result
					rs := []rune(typed)
					for n := 1; n <= len(rs) && n <= 12; n++ {
						q := ParseQuery(string(rs[:n]))
						o := SortOrder(qi % int(numSortOrders))
						start, cpu := time.Now(), processCPU()
						r, err := filter(ctx, snap, q, o, nil, prev, false)
						durs = append(durs, time.Since(start))
						cpus = append(cpus, processCPU()-cpu)
						if err != nil {
							b.Fatal(err)
						}
						if mode == "typed" {
							prev = &r
						}
					}
				}
			}
			p50, p99 := percentiles(durs)
			b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
			// CPU per filter: on a machine shared with other work, half of
			// it is what the wall time would be on two idle cores.
			c50, c99 := percentiles(cpus)
			b.ReportMetric(float64(c50.Microseconds())/1000, "p50-cpu-ms")
			b.ReportMetric(float64(c99.Microseconds())/1000, "p99-cpu-ms")
			b.ReportMetric(float64(len(durs))/float64(b.N), "filters/op")
		})
	}
}

// reportCPU reports the process CPU time per operation since start, in ms.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((processCPU()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// percentiles returns the 50th and 99th percentile (nearest rank) of durs.
func percentiles(durs []time.Duration) (p50, p99 time.Duration) {
	if len(durs) == 0 {
		return 0, 0
	}
	s := slices.Clone(durs)
	slices.Sort(s)
	rank := func(p int) time.Duration {
		i := (len(s)*p + 99) / 100
		return s[max(i-1, 0)]
	}
	return rank(50), rank(99)
}

func TestPercentiles(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i))
	}
	if p50, p99 := percentiles(d); p50 != 50 || p99 != 99 {
		t.Errorf("percentiles(1..100) = %d, %d; want 50, 99", p50, p99)
	}
	if p50, p99 := percentiles([]time.Duration{7}); p50 != 7 || p99 != 7 {
		t.Errorf("percentiles([7]) = %d, %d", p50, p99)
	}
	if p50, p99 := percentiles(nil); p50 != 0 || p99 != 0 {
		t.Errorf("percentiles(nil) = %d, %d", p50, p99)
	}
}

// BenchmarkSort measures computing each sort order of 100k postings from
// scratch (cold: the first Filter after a load), and after 1000 more
// postings were appended to a sorted 100k (the merge path while loading).
func BenchmarkSort(b *testing.B) {
	ps := genPostings(benchN+1000, 7)
	for o := range numSortOrders {
		b.Run("cold/"+o.String(), func(b *testing.B) {
			c := NewCollection()
			c.Add(ps[:benchN]...)
			for b.Loop() {
				c.shared = &collShared{}
				c.Snapshot().order(o)
			}
		})
		b.Run("cold-paths-in-order/"+o.String(), func(b *testing.B) {
			byPath := slices.Clone(ps[:benchN])
			slices.SortStableFunc(byPath, func(x, y *Posting) int { return strings.Compare(x.Path, y.Path) })
			c := NewCollection()
			c.Add(byPath...)
			for b.Loop() {
				c.shared = &collShared{}
				c.Snapshot().order(o)
			}
		})
		b.Run("append1000/"+o.String(), func(b *testing.B) {
			c := NewCollection()
			c.Add(ps[:benchN]...)
			sorted := c.Snapshot().order(o)
			c.Add(ps[benchN:]...)
			for b.Loop() {
				c.shared.sorts.perms[o] = sorted
				c.Snapshot().order(o)
			}
		})
	}
}

// BenchmarkCollectionAdd measures adding 100k postings (building the search
// keys); B/op is the collection's own memory on top of the postings.
func BenchmarkCollectionAdd(b *testing.B) {
	ps := genPostings(benchN, 9)
	b.ReportAllocs()
	for b.Loop() {
		c := NewCollection()
		c.Add(ps...)
	}
}

// BenchmarkCollectionAddBatches is BenchmarkCollectionAdd as the browser
// streams a folder in: 100k postings added 2,048 at a time.
func BenchmarkCollectionAddBatches(b *testing.B) {
	ps := genPostings(benchN, 9)
	b.ReportAllocs()
	for b.Loop() {
		c := NewCollection()
		for i := 0; i < len(ps); i += 2048 {
			c.Add(ps[i:min(i+2048, len(ps))]...)
		}
	}
}

// BenchmarkNewCollectionOf is BenchmarkCollectionAdd as `jobdeck list`
// makes its collection: all 100k postings at once, on two goroutines.
func BenchmarkNewCollectionOf(b *testing.B) {
	ps := genPostings(benchN, 9)
	b.ReportAllocs()
	for b.Loop() {
		NewCollectionOf(ps)
	}
}

// BenchmarkCollectionMemory reports the heap a 100k collection keeps on top
// of its postings (search keys, sort orders, ID index), per posting.
func BenchmarkCollectionMemory(b *testing.B) {
	ps := genPostings(benchN, 9)
	var keep *Collection
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		keep = NewCollection()
		keep.Add(ps...)
		s := keep.Snapshot()
		for o := range numSortOrders {
			s.order(o)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/benchN, "heap-B/posting")
	}
	runtime.KeepAlive(keep)
}

// BenchmarkHighlights measures the highlights of one screen (40 rows) of a
// two-term query, as the list View asks for them.
func BenchmarkHighlights(b *testing.B) {
	c := benchCollection(b)
	r, err := Filter(context.Background(), c.Snapshot(), ParseQuery("sen münch"), SortNewest, nil, nil)
	if err != nil || r.Len() == 0 {
		b.Fatalf("no rows: %v", err)
	}
	rows := min(40, r.Len())
	for b.Loop() {
		for i := range rows {
			r.Highlights(i)
		}
	}
}
