package model_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/loader/corpus"
	"github.com/jobdeck/jobdeck/model"
)

// BenchmarkFilterCorpus repeats the latency figures of
// BenchmarkFilterLatency on the loader's shared generated corpus (100k
// postings of loader/corpus, bodies dropped), through the public API only:
// every query typed key by key, each Filter narrowed from the previous
// key's result as the UI does.
func BenchmarkFilterCorpus(b *testing.B) {
	ps := corpus.Postings(100_000, 1)
	for _, p := range ps {
		p.Body = ""
	}
	c := model.NewCollection()
	c.Add(ps...)
	ctx := context.Background()
	if _, err := model.Filter(ctx, c.Snapshot(), model.ParseQuery(""), model.SortNewest, nil, nil); err != nil {
		b.Fatal(err)
	}
	typed := []string{"senior backe", "zürich", "company:quill", "platform eng", "kraków go",
		"lead -junior", "data eng", "remote kafka", "sre", "developer adv"}
	var durs []time.Duration
	k := 0
	for b.Loop() {
		// One more posting each round: a new snapshot size, so the
		// collection's result cache cannot answer from the last round.
		extra := corpus.MakeItem(k, 2).Posting
		extra.Body, extra.ID = "", fmt.Sprintf("extra%d", k)
		c.Add(&extra)
		k++
		snap := c.Snapshot()
		for _, s := range typed {
			var prev *model.Result
			rs := []rune(s)
			for n := 1; n <= len(rs); n++ {
				start := time.Now()
				r, err := model.Filter(ctx, snap, model.ParseQuery(string(rs[:n])), model.SortNewest, nil, prev)
				durs = append(durs, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				prev = &r
			}
		}
	}
	p50, p99 := model.Percentiles(durs)
	b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
}
