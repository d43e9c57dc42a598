package model

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// fieldPostings are postings with salaries, dates, remote and types.
func fieldPostings() []*Posting {
	day := func(s string) time.Time { d, _ := time.Parse(dayLayout, s); return d }
	return []*Posting{
		{ID: "a", Title: "Rust engineer", Date: day("2026-11-28"), SalaryMin: 120000, SalaryMax: 150000, SalaryCurrency: Currency{'U', 'S', 'D'}, SalaryPeriod: PeriodYear, Remote: true, EmploymentType: "Full-time"},
		{ID: "b", Title: "Go developer", Date: day("2026-11-20"), SalaryMin: 60, SalaryPeriod: PeriodHour, SalaryCurrency: Currency{'U', 'S', 'D'}, EmploymentType: "Contract"},
		{ID: "c", Title: "Python dev", Date: day("2026-10-30"), SalaryMin: 80000, SalaryMax: 95000, SalaryCurrency: Currency{'E', 'U', 'R'}, SalaryPeriod: PeriodYear, EmploymentType: "Contractor"},
		{ID: "d", Title: "Rust lead", SalaryMax: 9000, SalaryCurrency: Currency{'E', 'U', 'R'}, SalaryPeriod: PeriodMonth, Remote: true},
		{ID: "e", Title: "Go lead"},
	}
}

// idsOf filters c for query and returns the ids shown, in order.
func idsOf(t *testing.T, c *Collection, q Query, o SortOrder) []string {
	t.Helper()
	q.Now = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	r, err := Filter(context.Background(), c.Snapshot(), q, o, nil, nil)
	if err != nil {
		t.Fatalf("Filter(%q): %v", q.Raw, err)
	}
	var ids []string
	for i := range r.Len() {
		ids = append(ids, r.Posting(i).ID)
	}
	return ids
}

func TestFilterFieldTerms(t *testing.T) {
	c := NewCollection()
	c.Add(fieldPostings()...)
	tests := []struct {
		q    string
		want []string // sorted
	}{
		{"salary:>=120k", []string{"a", "b"}}, // b: 60/hour is 124,800 a year
		{"salary:>=125k", []string{"a"}},
		{"salary:>=100k:EUR", []string{"d"}}, // 9000 a month is 108k
		{"salary:>=100k:eur", []string{"d"}},
		{"salary:<100k", []string{"c"}},
		{"salary:130000", []string{"a"}},
		{"salary:1,000,000", nil},
		{"-salary:>=120k", []string{"c", "d", "e"}},
		{"posted:<7d", []string{"a"}}, // 3 days ago
		{"posted:<=11d", []string{"a", "b"}},
		{"posted:>7d", []string{"b", "c"}},
		{"posted:>2026-11-01", []string{"a", "b"}},
		{"posted:2026-10-30", []string{"c"}},
		{"is:remote", []string{"a", "d"}},
		{"-is:remote", []string{"b", "c", "e"}},
		{"type:contract", []string{"b", "c"}},
		{"type:full", []string{"a"}},
		{"(rust OR go) is:remote", []string{"a", "d"}},
		{"rust OR salary:<100k", []string{"a", "c", "d"}},
		{"-(rust OR go)", []string{"c"}},
		{"go (lead OR salary:>=100k)", []string{"b", "e"}},
	}
	for _, tt := range tests {
		got := idsOf(t, c, ParseQuery(tt.q), SortNewest)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestSortSalary(t *testing.T) {
	c := NewCollection()
	c.Add(fieldPostings()...)
	// yearly tops: a 150k, b 124.8k, d 108k, c 95k; e none.
	if got, want := idsOf(t, c, ParseQuery(""), SortSalary), []string{"a", "b", "d", "c", "e"}; !slices.Equal(got, want) {
		t.Errorf("by salary = %v, want %v", got, want)
	}
}

func TestDayRangeAgreesWithHolds(t *testing.T) {
	today := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, cond := range []string{"<7d", ">7d", "<=7d", ">=7d", "7d", "0d", "<2026-11-20", ">2026-11-20", "<=2026-11-20", ">=2026-11-20", "2026-11-20"} {
		c, ok := parseDayCond(cond)
		if !ok {
			t.Fatalf("parseDayCond(%q) failed", cond)
		}
		lo, hi := c.dayRange(today)
		for d := -30; d <= 30; d++ {
			day := today.AddDate(0, 0, d)
			e := int32(epochDay(day.Unix()))
			if in := e >= lo && e <= hi; in != c.holds(day, today) {
				t.Errorf("%s, day %+d: range says %v, holds says %v", cond, d, in, !in)
			}
		}
	}
}

func TestFilterReturnsParseError(t *testing.T) {
	c := NewCollection()
	c.Add(fieldPostings()...)
	_, err := Filter(context.Background(), c.Snapshot(), ParseQuery("rust OR OR go"), SortNewest, nil, nil)
	if !errors.Is(err, ErrBadQuery) {
		t.Errorf("Filter of a bad query: %v, want ErrBadQuery", err)
	}
}

// TestNarrowingOrGroups checks that a query typed on from an OR query
// gives what a fresh filter gives, and that it narrows only when it may.
func TestNarrowingOrGroups(t *testing.T) {
	c := NewCollection()
	c.Add(genPostings(2000, 5)...)
	snap := c.Snapshot()
	ctx := context.Background()
	steps := []struct {
		from, to string
		narrow   bool
	}{
		{"(senior OR lead)", "(senior OR lead) berlin", true},
		{"(senior OR lead) ber", "(senior OR lead) berlin", true},
		{"(senior OR lead) berlin", "(senior OR lea) berlin", false},
		{"senior", "senior OR lead", false},
		{"senior OR lead", "senior", false},
		{"-(go OR rust)", "-(go OR rust) senior", true},
	}
	for _, s := range steps {
		prev, err := filter(ctx, snap, ParseQuery(s.from), SortNewest, nil, nil, false)
		if err != nil {
			t.Fatal(err)
		}
		got, err := filter(ctx, snap, ParseQuery(s.to), SortNewest, nil, &prev, false)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := filter(ctx, snap, ParseQuery(s.to), SortNewest, nil, nil, false)
		if !slices.Equal(got.Rows, want.Rows) {
			t.Errorf("%q after %q: %d rows, fresh %d", s.to, s.from, len(got.Rows), len(want.Rows))
		}
		if got.Narrowed != s.narrow {
			t.Errorf("%q after %q: narrowed %v, want %v", s.to, s.from, got.Narrowed, s.narrow)
		}
	}
}

func TestCacheKeyOrGroups(t *testing.T) {
	a, b := ParseQuery("(a OR b) c"), ParseQuery("a OR b c")
	if cacheKey(a, SortNewest, 10) == cacheKey(b, SortNewest, 10) {
		t.Error("different groupings share a cache key")
	}
	if cacheKey(ParseQuery(`"visa"`), SortNewest, 10) != "" || cacheKey(ParseQuery("posted:<7d"), SortNewest, 10) != "" {
		t.Error("a full-text or posted: query is cached")
	}
}
