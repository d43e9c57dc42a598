package model

// Period is the unit of time a salary is paid for. Its zero value,
// PeriodNone, is a posting without a salary.
type Period uint8

// The periods a salary can name.
const (
	PeriodNone Period = iota
	PeriodYear
	PeriodMonth
	PeriodWeek
	PeriodDay
	PeriodHour
)

var periodNames = [...]string{PeriodNone: "", PeriodYear: "year", PeriodMonth: "month", PeriodWeek: "week",
	PeriodDay: "day", PeriodHour: "hour"}

// String returns the period's word ("year", "month", "week", "day",
// "hour"), "" for PeriodNone and for a value that is no period.
func (p Period) String() string {
	if int(p) < len(periodNames) {
		return periodNames[p]
	}
	return ""
}

// PeriodOf returns the Period whose [Period.String] is s; ok is false (and
// the Period PeriodNone) when s names none, "" included.
func PeriodOf(s string) (_ Period, ok bool) {
	for i, name := range periodNames {
		if i > 0 && name == s {
			return Period(i), true
		}
	}
	return PeriodNone, false
}

// Currency is an ISO 4217 currency code ("USD") in its three upper-case
// ASCII letters; the zero Currency is a salary whose currency is unstated.
type Currency [3]byte

// CurrencyOf returns the Currency of code, three ASCII letters in either
// case; ok is false (and the Currency zero) for anything else, "" included.
func CurrencyOf(code string) (_ Currency, ok bool) {
	var c Currency
	if len(code) != len(c) {
		return Currency{}, false
	}
	for i := range c {
		b := code[i]
		if 'a' <= b && b <= 'z' {
			b -= 'a' - 'A'
		}
		if b < 'A' || b > 'Z' {
			return Currency{}, false
		}
		c[i] = b
	}
	return c, true
}

// String returns the code ("USD"), or "" for the zero Currency.
func (c Currency) String() string {
	if c == (Currency{}) {
		return ""
	}
	return string(c[:])
}
