package loader

import (
	"encoding/binary"
	"math/bits"
	"strings"
)

// Period is the unit of time a salary is paid for.
type Period string

// The periods a salary can name. PeriodUnknown is a salary without one
// that [ParseSalary] could not infer.
const (
	PeriodUnknown Period = ""
	PeriodYear    Period = "year"
	PeriodMonth   Period = "month"
	PeriodWeek    Period = "week"
	PeriodDay     Period = "day"
	PeriodHour    Period = "hour"
)

// perYear is how many of each period make a working year: 12 months, 52
// weeks, 260 days, 2,080 hours.
var perYear = map[Period]float64{PeriodYear: 1, PeriodMonth: 12, PeriodWeek: 52, PeriodDay: 260, PeriodHour: 2080}

// Salary is a salary read from text: Min and Max in units of Currency per
// Period. Min is 0 for "up to X"; Max is 0 for "from X" and "X+"; both
// are equal for a single amount. Currency is an ISO 4217 code, "" when
// the text names none ("90k"); the bare "$" counts as USD. Text is the
// part of the text the salary was read from, as written.
type Salary struct {
	Min, Max float64
	Currency string
	Period   Period
	Text     string
}

// YearlyMin returns Min as a yearly amount (hourly × 2,080, daily × 260,
// weekly × 52, monthly × 12); a salary of unknown period counts as yearly.
func (s Salary) YearlyMin() float64 { return s.Min * s.Period.factor() }

// YearlyMax returns Max as a yearly amount, like [Salary.YearlyMin].
func (s Salary) YearlyMax() float64 { return s.Max * s.Period.factor() }

func (p Period) factor() float64 {
	if f, ok := perYear[p]; ok {
		return f
	}
	return 1
}

// bodySalaryWindow is how much of a body [ParseSalary] searches for a
// salary: the head, where postings state it.
const bodySalaryWindow = 64 << 10

// ParseSalary reads a salary from a posting's salary field or, when the
// field is empty (or white space), from its body: "$120,000 – $150,000",
// "€75k–92k", "NZD 150k-175k", "£50,000 per annum", "$60/hour",
// "up to 90k". It reports false when there is none. In the body, an
// amount counts only with a currency or after a word such as "salary" or
// "pay" on the same line; amounts that are not pay are refused: "401k",
// "24/7", "10,000 users", "Series B $40M".
//
// Without a stated period, a yearly amount is assumed from 20,000 up, a
// monthly one from 1,000 and an hourly one below.
func ParseSalary(field, body string) (Salary, bool) {
	if strings.TrimSpace(field) != "" {
		return findSalary(field, true)
	}
	if len(body) > bodySalaryWindow {
		body = body[:bodySalaryWindow]
	}
	for i := 0; ; {
		d := indexDigit(body[i:])
		if d < 0 {
			return Salary{}, false
		}
		start := strings.LastIndexByte(body[:i+d], '\n') + 1
		end := len(body)
		if e := strings.IndexByte(body[i+d:], '\n'); e >= 0 {
			end = i + d + e + 1
		}
		if s, ok := findSalary(body[start:end], false); ok {
			return s, true
		}
		i = end
	}
}

// indexDigit returns the index of the first ASCII digit in s, or -1.
func indexDigit(s string) int {
	b := bytesOf(s)
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		x := w &^ swarHi
		// 0x30 <= x < 0x3A, below 0x80 (no sum carries into the next byte)
		d := (x + swarLo*(0x80-'0')) &^ (x + swarLo*(0x80-'9'-1)) &^ w & swarHi
		if d != 0 {
			return i + bits.TrailingZeros64(d)/8
		}
	}
	for ; i < len(s); i++ {
		if s[i]-'0' < 10 {
			return i
		}
	}
	return -1
}

// findSalary returns the first salary in text. In a salary field (field
// true) an amount needs no currency or context word.
func findSalary(text string, field bool) (Salary, bool) {
	var buf [16]salTok // a salary field's tokens, without allocating
	toks := lexSalary(buf[:0], text)
	for i := range toks {
		if toks[i].kind != tokNum {
			continue
		}
		if s, ok := salaryAt(text, toks, i, field); ok {
			return s, true
		}
	}
	return Salary{}, false
}

// amount is one side of a salary range.
type amount struct {
	val      float64
	mult     float64
	cur      string
	from, to int // token indexes: the amount is toks[from:to]
}

// readAmount reads [currency] number [currency] with the number at i.
func readAmount(toks []salTok, i int) amount {
	a := amount{val: toks[i].num, mult: toks[i].mult, from: i, to: i + 1}
	if i > 0 && toks[i-1].kind == tokCur && adjacent(toks[i-1], toks[i]) {
		a.cur, a.from = toks[i-1].text, i-1
	}
	if i+1 < len(toks) && toks[i+1].kind == tokCur {
		a.cur, a.to = toks[i+1].text, i+2
	}
	return a
}

// adjacent reports whether two tokens are at most one space apart.
func adjacent(a, b salTok) bool { return b.start-a.end <= 1 }

// salaryAt reads a salary whose first number is toks[i].
func salaryAt(text string, toks []salTok, i int, field bool) (Salary, bool) {
	lo := readAmount(toks, i)
	hi, ranged := lo, false
	if j := lo.to; j+1 < len(toks) && isRangeSep(toks, j) && toks[j+1].kind == tokNum {
		hi, ranged = readAmount(toks, j+1), true
	} else if j+2 < len(toks) && isRangeSep(toks, j) && toks[j+1].kind == tokCur && toks[j+2].kind == tokNum {
		hi, ranged = readAmount(toks, j+2), true
	}
	cur := lo.cur
	if hi.cur != "" && (cur == "" || cur == "USD" && toks[hi.to-1].kind == tokCur) {
		cur = hi.cur // "$150k NZD": a trailing code names the dollar
	}
	if lo.mult != hi.mult {
		// "75–92k", "40-50k": the multiplier written once counts for both.
		switch {
		case lo.mult == 1 && lo.val < 1000:
			lo.mult = hi.mult
		case hi.mult == 1 && hi.val < 1000:
			hi.mult = lo.mult
		}
	}
	end := hi.to
	if end < len(toks) && toks[end].kind == tokWord && indianUnits[toks[end].text] > 0 && lo.mult == 1 && hi.mult == 1 {
		lo.mult, hi.mult = indianUnits[toks[end].text], indianUnits[toks[end].text] // "₹18–25 lakh"
		end++
	}
	openEnded := end < len(toks) && toks[end].kind == tokPlus && toks[end].start == toks[end-1].end
	if openEnded {
		end++ // "£60k+", not "$120k + equity"
	}
	period, pEnd := periodAfter(toks, end)
	if toks[end-1].text == "lpa" {
		period = PeriodYear // lakh per annum
	}
	if pEnd > end {
		end = pEnd
	}
	if period == PeriodUnknown {
		period = periodBefore(toks, lo.from)
	}
	s := Salary{Min: lo.val * lo.mult, Max: hi.val * hi.mult, Currency: cur, Period: period}
	switch {
	case ranged:
	case hasWordsBefore(toks, lo.from, "up", "to"), hasWordsBefore(toks, lo.from, "to"),
		hasWordsBefore(toks, lo.from, "max"), hasWordsBefore(toks, lo.from, "maximum"):
		s.Min = 0
	case openEnded, hasWordsBefore(toks, lo.from, "from"),
		hasWordsBefore(toks, lo.from, "starting", "at"), hasWordsBefore(toks, lo.from, "starting", "from"),
		hasWordsBefore(toks, lo.from, "at", "least"), hasWordsBefore(toks, lo.from, "min"),
		hasWordsBefore(toks, lo.from, "minimum"):
		s.Max = 0
	}
	if s.Max != 0 && s.Max < s.Min {
		s.Min, s.Max = s.Max, s.Min
	}
	start := qualifierStart(toks, lo.from)
	if s.Currency == "" && start > 0 && toks[start-1].kind == tokCur {
		start-- // "USD from 90000"
		s.Currency = toks[start].text
	}
	if !plausible(s, toks, lo, hi, end, field, ranged) {
		return Salary{}, false
	}
	if s.Period == PeriodUnknown {
		s.Period = guessPeriod(max(s.Min, s.Max), s.Currency)
	}
	s.Text = strings.TrimSpace(text[toks[start].start:toks[end-1].end])
	return s, true
}

// indianUnits are the Indian number words: a lakh is 100,000, a crore
// 10 million; "LPA" is lakh per annum.
var indianUnits = map[string]float64{"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "lpa": 1e5,
	"crore": 1e7, "crores": 1e7}

// isRangeSep reports whether toks[j] separates the two ends of a range:
// a dash, "to", "and" (as in "between X and Y") or "-" written as "to".
func isRangeSep(toks []salTok, j int) bool {
	t := toks[j]
	return t.kind == tokDash || t.kind == tokWord && (t.text == "to" || t.text == "and" || t.text == "bis" || t.text == "à")
}

// qualifierStart returns the index of the first token of "up to",
// "from", "starting at" ... right before toks[from], or from.
func qualifierStart(toks []salTok, from int) int {
	for _, q := range qualifiers {
		if at := wordsBefore(toks, from, q...); at >= 0 {
			return at
		}
	}
	return from
}

// qualifiers are the words that may open a salary: "up to 90k".
var qualifiers = [][]string{{"up", "to"}, {"starting", "at"}, {"starting", "from"}, {"at", "least"},
	{"between"}, {"from"}, {"to"}, {"max"}, {"maximum"}, {"min"}, {"minimum"}}

// hasWordsBefore reports whether the words ws come right before toks[i]
// (a "." or ":" after a word is skipped: "max. 70k").
func hasWordsBefore(toks []salTok, i int, ws ...string) bool {
	return wordsBefore(toks, i, ws...) >= 0
}

// wordsBefore returns the index of the first of the words ws that come
// right before toks[i], or -1.
func wordsBefore(toks []salTok, i int, ws ...string) int {
	for k := len(ws) - 1; k >= 0; k-- {
		if i > 0 && (toks[i-1].text == "." || toks[i-1].text == ":") && toks[i-1].kind == tokOther {
			i--
		}
		if i == 0 || toks[i-1].kind != tokWord || toks[i-1].text != ws[k] {
			return -1
		}
		i--
	}
	return i
}
