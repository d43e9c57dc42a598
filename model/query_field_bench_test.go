package model

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// BenchmarkFilterFields measures what salary:, posted: and is:remote terms
// add to a query over 100k postings: each sub-benchmark's query is "senior"
// with field terms before it (so they run on every posting), against
// "senior" alone. A third of the postings have a salary, a quarter are
// remote.
func BenchmarkFilterFields(b *testing.B) {
	ps := genPostings(benchN, 42)
	periods := []Period{PeriodYear, PeriodMonth, PeriodHour}
	for i, p := range ps {
		p.Remote = i%4 == 0
		if i%3 == 0 {
			p.SalaryMin, p.SalaryMax = float64(40000+i%90*1000), float64(60000+i%90*1000)
			p.SalaryPeriod, p.SalaryCurrency = periods[i%9/3], Currency{'U', 'S', 'D'}
			if p.SalaryPeriod == PeriodMonth {
				p.SalaryMin, p.SalaryMax = p.SalaryMin/12, p.SalaryMax/12
			} else if p.SalaryPeriod == PeriodHour {
				p.SalaryMin, p.SalaryMax = p.SalaryMin/2080, p.SalaryMax/2080
			}
		}
	}
	c := NewCollection()
	c.Add(ps...)
	snap := c.Snapshot()
	snap.order(SortNewest)
	ctx := context.Background()
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	for _, qs := range []string{
		"senior",
		"-salary:>=1m senior",
		"-salary:>=1m:EUR -posted:>3000d senior",
		"-posted:>3000d senior",
		"-salary:>=1m -posted:>3000d -is:remote -is:remote senior",
		"salary:>=80k posted:<200d senior",
	} {
		q := ParseQuery(qs)
		q.Now = now
		b.Run(qs, func(b *testing.B) {
			cpu := processCPU()
			defer func() { reportCPU(b, cpu) }()
			for b.Loop() {
				if _, err := filter(ctx, snap, q, SortNewest, nil, nil, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFilterTextHits measures the filter's share of a full-text query
// over 100k postings: turning a term's Hits (1,000 or 50,000 ids) into a
// bit set and ranking the rows, alone and beside a fuzzy term.
func BenchmarkFilterTextHits(b *testing.B) {
	c := benchCollection(b)
	snap := c.Snapshot()
	ctx := context.Background()
	for _, n := range []int{1000, 50000} {
		hits := make(map[string]float64, n)
		for i := 0; i < n; i++ {
			hits[snap.At(i*(benchN/n)).ID] = float64(i % 17)
		}
		for _, qs := range []string{`"visa"`, `"visa" senior`} {
			q := ParseQuery(qs)
			q.Terms[0].Hits = hits
			b.Run(fmt.Sprintf("%s/hits=%d", qs, n), func(b *testing.B) {
				cpu := processCPU()
				defer func() { reportCPU(b, cpu) }()
				for b.Loop() {
					if _, err := filter(ctx, snap, q, SortNewest, nil, nil, false); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
