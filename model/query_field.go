package model

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// The scopes of terms over the posting's fields beyond the fuzzy ones.
const (
	// ScopeSalary (`salary:>=120k`, `salary:<90000`, `salary:>=100k:EUR`):
	// the posting's salary, as a yearly amount (an hourly rate × 2,080, a
	// daily one × 260, weekly × 52, monthly × 12), compared in the
	// posting's own currency; a currency code after a second ':' restricts
	// it to postings in that currency. `>=` and `>` compare the top of the
	// salary range, `<=` and `<` its bottom, a bare amount must lie within
	// the range. A posting without a salary never matches. Its Text is
	// what follows "salary:".
	ScopeSalary Scope = ScopeText + 1 + iota
	// ScopePosted (`posted:<7d`, `posted:>2026-11-01`): the posting's date
	// fits the day condition, as for ScopeStageDate. An undated posting
	// never matches. Its Text is what follows "posted:".
	ScopePosted
	// ScopeRemote (`is:remote`): the posting says it is remote.
	ScopeRemote
	// ScopeType (`type:contract`): fuzzy over the employment type.
	ScopeType

	maxScope = ScopeType
)

// fieldScopes maps the scope prefixes that take a comparison to their
// scope.
var fieldScopes = map[string]Scope{"salary": ScopeSalary, "posted": ScopePosted}

// salaryCond is the comparison of a ScopeSalary term.
type salaryCond struct {
	op     string  // "<", ">", "<=", ">=" or "" (within the range)
	amount float64 // yearly
	cur    [3]byte // an upper-case currency code; zero: any
}

// parseFieldTerm parses the value of a salary: or posted: term.
func parseFieldTerm(sc Scope, val string) (Term, bool, string) {
	t := Term{Scope: sc, Text: val}
	_, rest := splitOp(val)
	switch sc {
	case ScopeSalary:
		if rest == "" {
			return t, false, ""
		}
		if _, ok := parseSalaryCond(val); !ok {
			return t, false, "salary: wants an amount such as >=120k or >=100k:EUR"
		}
	default: // ScopePosted
		if _, ok := parseDayCond(val); ok {
			return t, true, ""
		}
		if strings.Trim(rest, "0123456789-") == "" && len(rest) < len(dayLayout) {
			return t, false, "" // still being typed: "posted:<7", "posted:2026-1"
		}
		return t, false, "posted: wants days ago such as <7d or a day such as >2026-11-01"
	}
	return t, true, ""
}

// splitOp splits a leading comparison operator off val.
func splitOp(val string) (op, rest string) {
	for _, op := range []string{"<=", ">=", "<", ">"} {
		if strings.HasPrefix(val, op) {
			return op, val[len(op):]
		}
	}
	return "", val
}

// parseSalaryCond reads ">=120k", "<90,000", "120k:EUR". An amount takes
// ',' and '_' as digit separators and a k or m suffix; a currency of fewer
// than three letters is still being typed and ignored.
func parseSalaryCond(val string) (salaryCond, bool) {
	var c salaryCond
	op, rest := splitOp(val)
	c.op = op
	amount, cur, hasCur := strings.Cut(rest, ":")
	mult := 1.0
	switch {
	case strings.HasSuffix(amount, "k") || strings.HasSuffix(amount, "K"):
		mult, amount = 1e3, amount[:len(amount)-1]
	case strings.HasSuffix(amount, "m") || strings.HasSuffix(amount, "M"):
		mult, amount = 1e6, amount[:len(amount)-1]
	}
	amount = strings.NewReplacer(",", "", "_", "").Replace(amount)
	if amount == "" || strings.Trim(amount, "0123456789.") != "" {
		return c, false
	}
	f, err := strconv.ParseFloat(amount, 64)
	if err != nil || math.IsInf(f, 0) {
		return c, false
	}
	c.amount = f * mult
	if hasCur {
		if len(cur) > 3 || strings.Trim(strings.ToUpper(cur), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return c, false
		}
		if len(cur) == 3 {
			copy(c.cur[:], strings.ToUpper(cur))
		}
	}
	return c, true
}

// yearlyFactor is what one salary of period multiplies to in a year; 0
// for an unknown period.
func yearlyFactor(period string) float64 {
	switch period {
	case "year", "":
		return 1
	case "month":
		return 12
	case "week":
		return 52
	case "day":
		return 260
	case "hour":
		return 2080
	}
	return 0
}

// salaryKey returns p's salary range as yearly amounts (0, 0 when it has
// none) and its currency code.
func salaryKey(p *Posting) (lo, hi float32, cur [3]byte) {
	f := yearlyFactor(p.SalaryPeriod.String())
	if p.SalaryPeriod == PeriodNone || f == 0 || (p.SalaryMin <= 0 && p.SalaryMax <= 0) {
		return 0, 0, cur
	}
	mn, mx := p.SalaryMin, p.SalaryMax
	if mn <= 0 {
		mn = mx
	}
	if mx <= 0 {
		mx = mn
	}
	return float32(mn * f), float32(mx * f), p.SalaryCurrency
}

// holds reports whether a salary range (yearly, hi > 0) in currency cur
// fits c.
func (c *salaryCond) holds(lo, hi float32, cur [3]byte) bool {
	if hi <= 0 || (c.cur != [3]byte{} && c.cur != cur) {
		return false
	}
	a := float32(c.amount)
	switch c.op {
	case ">=":
		return hi >= a
	case ">":
		return hi > a
	case "<=":
		return lo <= a
	case "<":
		return lo < a
	}
	return lo <= a && a <= hi
}

// epochDay returns the day of d (as Day returns it) counted from 1970-01-01.
func epochDay(d int64) int64 { return int64(math.Floor(float64(d) / 86400)) }

// dayRange returns the days (epoch days, inclusive) that fit c, today
// being today (as Day returns it).
func (c dateCond) dayRange(today time.Time) (lo, hi int32) {
	lo, hi = math.MinInt32+1, math.MaxInt32
	t := int32(epochDay(today.Unix()))
	if c.relative {
		n := int32(c.days)
		switch c.op {
		case "<":
			lo = t - n + 1
		case ">":
			hi = t - n - 1
		case ">=":
			hi = t - n
		default: // "" and "<="
			lo = t - n
		}
		return lo, hi
	}
	d := int32(epochDay(c.day.Unix()))
	switch c.op {
	case "<":
		hi = d - 1
	case ">":
		lo = d + 1
	case "<=":
		hi = d
	case ">=":
		lo = d
	default:
		lo, hi = d, d
	}
	return lo, hi
}

// matchField reports whether the field term t (ScopeText, ScopeSalary,
// ScopePosted, ScopeRemote, ScopeType; ignoring Negate) holds for posting
// i with facts f, and its score. t must be bound (see Query.bind).
func (t *Term) matchField(i int, f *facts, p *Posting) (int, bool) {
	if t.never {
		return 0, false
	}
	switch t.Scope {
	case ScopeText:
		if t.hits[i/64]&(1<<(uint(i)%64)) == 0 {
			return 0, false
		}
		if t.scores != nil {
			return int(t.scores[i]), true
		}
		return 0, true
	case ScopeSalary:
		return 0, t.sal.holds(f.salLo, f.salHi, f.cur)
	case ScopePosted:
		return 0, f.day != noDay && f.day >= t.days[0] && f.day <= t.days[1]
	case ScopeRemote:
		return 0, f.flags&flagRemote != 0
	case ScopeType:
		return fuzzyScore(t.runes, p.EmploymentType, nil)
	}
	return 0, false
}
