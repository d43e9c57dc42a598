package loader_test

import (
	"strings"
	"testing"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/corpus"
	"github.com/jobdeck/jobdeck/model"
)

const (
	yr = loader.PeriodYear
	mo = loader.PeriodMonth
	wk = loader.PeriodWeek
	dy = loader.PeriodDay
	hr = loader.PeriodHour
)

func TestParseSalaryField(t *testing.T) {
	for _, tc := range []struct {
		in       string
		min, max float64
		cur      string
		period   loader.Period
		text     string // "" means the whole input
	}{
		{"$120,000 – $150,000", 120000, 150000, "USD", yr, ""},
		{"€75k–92k", 75000, 92000, "EUR", yr, ""},
		{"NZD 150k-175k", 150000, 175000, "NZD", yr, ""},
		{"£50,000 per annum", 50000, 50000, "GBP", yr, ""},
		{"$60/hour", 60, 60, "USD", hr, ""},
		{"up to 90k", 0, 90000, "", yr, ""},
		{"€50k–€95k", 50000, 95000, "EUR", yr, ""},
		{"$120k - $150k + equity", 120000, 150000, "USD", yr, "$120k - $150k"},
		{"£40-50k", 40000, 50000, "GBP", yr, ""},
		{"USD 100000–130000 per year", 100000, 130000, "USD", yr, ""},
		{"USD from 90000 per year", 90000, 0, "USD", yr, ""},
		{"EUR up to 80000 per month", 0, 80000, "EUR", mo, ""},
		{"60.000 - 75.000 € brutto/Jahr", 60000, 75000, "EUR", yr, ""},
		{"CHF 120'000 – 140'000", 120000, 140000, "CHF", yr, ""},
		{"SEK 45 000 per month", 45000, 45000, "SEK", mo, ""},
		{"€4.500 brutto/Monat", 4500, 4500, "EUR", mo, ""},
		{"$45–$65 per hour", 45, 65, "USD", hr, ""},
		{"$60-80/hr", 60, 80, "USD", hr, ""},
		{"€500 per day", 500, 500, "EUR", dy, ""},
		{"£450/day outside IR35", 450, 450, "GBP", dy, "£450/day"},
		{"$2,000/week", 2000, 2000, "USD", wk, ""},
		{"A$140k + super", 140000, 140000, "AUD", yr, "A$140k"},
		{"CA$95,000 - CA$110,000 a year", 95000, 110000, "CAD", yr, ""},
		{"C$85/hr", 85, 85, "CAD", hr, ""},
		{"NZ$120,000", 120000, 120000, "NZD", yr, ""},
		{"US$150k–180k", 150000, 180000, "USD", yr, ""},
		{"$150k–$180k NZD", 150000, 180000, "NZD", yr, ""},
		{"150,000 - 180,000 USD", 150000, 180000, "USD", yr, ""},
		{"Competitive, £60k+", 60000, 0, "GBP", yr, "£60k+"},
		{"From $110,000", 110000, 0, "USD", yr, ""},
		{"Starting at $25/hour", 25, 0, "USD", hr, ""},
		{"between $90k and $110k", 90000, 110000, "USD", yr, ""},
		{"90000-110000", 90000, 110000, "", yr, ""},
		{"PLN 18 000 – 24 000 net/month (B2B)", 18000, 24000, "PLN", mo, "PLN 18 000 – 24 000 net/month"},
		{"15 000 - 20 000 zł", 15000, 20000, "PLN", mo, ""},
		{"¥6M–8M", 6e6, 8e6, "JPY", yr, ""},
		{"₹18–25 lakh", 18e5, 25e5, "INR", yr, ""},
		{"INR 12 LPA", 12e5, 12e5, "INR", yr, ""},
		{"€65,000 - €80,000 p.a.", 65000, 80000, "EUR", yr, ""},
		{"£35,000 - £42,000 pa", 35000, 42000, "GBP", yr, ""},
		{"$75 an hour", 75, 75, "USD", hr, ""},
		{"Hourly rate: $55-$70", 55, 70, "USD", hr, "$55-$70"},
		{"Day rate €600", 600, 600, "EUR", dy, "€600"},
		{"Annual salary £48,500", 48500, 48500, "GBP", yr, "£48,500"},
		{"$130k base, plus bonus", 130000, 130000, "USD", yr, "$130k"},
		{"DKK 55.000 pr. måned", 55000, 55000, "DKK", mo, ""},
		{"$95,500.50 annually", 95500.5, 95500.5, "USD", yr, ""},
		{"1.5k EUR/month", 1500, 1500, "EUR", mo, ""},
		{"R$ 12.000 por mês", 12000, 12000, "BRL", mo, ""},
		{"€ 3,200 monthly", 3200, 3200, "EUR", mo, ""},
		{"max. 70k €", 0, 70000, "EUR", yr, ""},
		{"$100K-$120K/yr", 100000, 120000, "USD", yr, ""},
		{"₹15,00,000 - ₹25,00,000", 15e5, 25e5, "INR", yr, ""},
		{"40.000€ - 55.000€ brutto jährlich", 40000, 55000, "EUR", yr, ""},
		{"Up to £85,000 DOE", 0, 85000, "GBP", yr, "Up to £85,000"},
		{"Salary range: 90,000 to 120,000 GBP", 90000, 120000, "GBP", yr, "90,000 to 120,000 GBP"},
		{"£550-£650 per day inside IR35", 550, 650, "GBP", dy, "£550-£650 per day"},
		{"80-100k EUR", 80000, 100000, "EUR", yr, ""},
	} {
		got, ok := loader.ParseSalary(tc.in, "")
		want := loader.Salary{Min: tc.min, Max: tc.max, Currency: tc.cur, Period: tc.period, Text: tc.text}
		if want.Text == "" {
			want.Text = tc.in
		}
		if !ok || got != want {
			t.Errorf("ParseSalary(%q) = %+v, %v\n                      want %+v", tc.in, got, ok, want)
		}
	}
}

func TestParseSalaryRefusesNonSalaries(t *testing.T) {
	for _, in := range []string{
		"401k", "401(k) matching", "24/7", "10,000 users", "Series B $40M", "raised $12,000,000 in seed funding",
		"competitive", "DOE", "", "   ", "2026", "50%", "$1.2B valuation", "12/05/2026", "3 days a week in office",
		"version 2.4", "ISO 27001", "100k requests per second", "Top 10", "Q3",
	} {
		if got, ok := loader.ParseSalary(in, ""); ok {
			t.Errorf("ParseSalary(%q) = %+v, want none", in, got)
		}
	}
}

func TestParseSalaryBody(t *testing.T) {
	for _, tc := range []struct {
		body     string
		ok       bool
		min, max float64
		cur      string
	}{
		{"# Go dev\n\nWe serve 10,000 users 24/7.\n\nSalary: $120,000 – $150,000 plus equity.\n", true, 120000, 150000, "USD"},
		{"We just raised our Series B $40M.\nWe offer a 401k.\n", false, 0, 0, ""},
		{"Compensation: up to 90k depending on experience.\n", true, 0, 90000, ""},
		{"We handle up to 90k events a minute.\n", false, 0, 0, ""},
		{"- Pay: €75k–92k\n- 30 days holiday\n", true, 75000, 92000, "EUR"},
		{"Enjoy a $20 lunch allowance.\n", false, 0, 0, ""},
		{"The role pays **£50,000 per annum**.\n", true, 50000, 50000, "GBP"},
		{"Founded in 2015, 150 employees.\n", false, 0, 0, ""},
	} {
		got, ok := loader.ParseSalary("", tc.body)
		if ok != tc.ok || ok && (got.Min != tc.min || got.Max != tc.max || got.Currency != tc.cur) {
			t.Errorf("ParseSalary(body %q) = %+v, %v", tc.body, got, ok)
		}
	}
	// The field wins over the body.
	if got, _ := loader.ParseSalary("€80k", "Salary: $1,000,000"); got.Currency != "EUR" {
		t.Errorf("field ignored: %+v", got)
	}
}

func TestSalaryYearly(t *testing.T) {
	for _, tc := range []struct {
		in       string
		min, max float64
	}{
		{"$60/hour", 124800, 124800},
		{"€500 per day", 130000, 130000},
		{"$2,000/week", 104000, 104000},
		{"€4.500 brutto/Monat", 54000, 54000},
		{"£40-50k", 40000, 50000},
		{"up to 90k", 0, 90000},
	} {
		s, _ := loader.ParseSalary(tc.in, "")
		if s.YearlyMin() != tc.min || s.YearlyMax() != tc.max {
			t.Errorf("%q: yearly %v–%v, want %v–%v", tc.in, s.YearlyMin(), s.YearlyMax(), tc.min, tc.max)
		}
	}
}

func FuzzParseSalary(f *testing.F) {
	for _, s := range []string{"$120,000 – $150,000", "€75k–92k", "401(k)", "24/7", "p.a.", "1.5k EUR/month", "NZ$", "5,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := loader.ParseSalary(s, s)
		if !ok {
			return
		}
		if got.Min < 0 || got.Max < 0 || got.Max != 0 && got.Max < got.Min || !strings.Contains(s, got.Text) || got.Text == "" {
			t.Errorf("ParseSalary(%q) = %+v", s, got)
		}
	})
}

func TestParseSetsSalaryFields(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		min, max   float64
		cur        string
		period     string
	}{
		{"a.md", "---\ntitle: Go dev\nsalary: \"NZD 150k-175k\"\n---\n\nBody.\n", 150000, 175000, "NZD", "year"},
		{"b.md", "# Go dev\n\nWe pay $60/hour for contractors.\n", 60, 60, "USD", "hour"},
		{"c.txt", "Go dev\n\nWe serve 10,000 users.\n", 0, 0, "", ""},
	} {
		for _, p := range []*model.Posting{loader.Parse(tc.name, []byte(tc.data)), loader.ParseMeta(tc.name, []byte(tc.data)).(*model.Posting)} {
			if p.SalaryMin != tc.min || p.SalaryMax != tc.max || p.SalaryCurrency.String() != tc.cur || p.SalaryPeriod.String() != tc.period {
				t.Errorf("%s: salary %v–%v %q %q", tc.name, p.SalaryMin, p.SalaryMax, p.SalaryCurrency, p.SalaryPeriod)
			}
		}
	}
}

// BenchmarkParseSalary is ParseSalary over the generated postings' salary
// fields and, for the shape without one, their bodies.
func BenchmarkParseSalary(b *testing.B) {
	items := make([]corpus.Item, 600)
	for i := range items {
		items[i] = corpus.MakeItem(i, 42)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := &items[i%len(items)].Posting
		loader.ParseSalary(p.Salary, p.Body)
		i++
	}
}
