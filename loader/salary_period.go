package loader

// periodWords maps the words that name a period, after "per", "/", "a",
// "an" or on their own, to the period.
var periodWords = map[string]Period{
	"year": PeriodYear, "years": PeriodYear, "yr": PeriodYear, "yrs": PeriodYear, "y": PeriodYear,
	"annum": PeriodYear, "annually": PeriodYear, "yearly": PeriodYear, "pa": PeriodYear, "jahr": PeriodYear,
	"jährlich": PeriodYear, "monatlich": PeriodMonth, "stündlich": PeriodHour,
	"month": PeriodMonth, "months": PeriodMonth, "mo": PeriodMonth, "mth": PeriodMonth, "monthly": PeriodMonth,
	"monat": PeriodMonth, "mois": PeriodMonth, "måned": PeriodMonth, "månad": PeriodMonth, "mês": PeriodMonth,
	"mes": PeriodMonth, "miesiąc": PeriodMonth,
	"week": PeriodWeek, "wk": PeriodWeek, "weekly": PeriodWeek, "woche": PeriodWeek,
	"day": PeriodDay, "days": PeriodDay, "d": PeriodDay, "daily": PeriodDay, "tag": PeriodDay, "jour": PeriodDay,
	"hour": PeriodHour, "hours": PeriodHour, "hr": PeriodHour, "hrs": PeriodHour, "h": PeriodHour,
	"hourly": PeriodHour, "stunde": PeriodHour, "heure": PeriodHour,
}

// standalone are the period words that name a period without "per" or
// "/" before them: "annually", "p.a.", "monthly".
var standalone = map[string]bool{"annually": true, "yearly": true, "pa": true, "monthly": true,
	"weekly": true, "daily": true, "hourly": true, "jährlich": true, "monatlich": true, "stündlich": true}

// fillers may stand between an amount and its period: "$120k base per year".
var fillers = map[string]bool{"base": true, "gross": true, "brutto": true, "net": true, "salary": true,
	"total": true, "ote": true, "pre": true, "before": true, "tax": true, "plus": true, "bonus": true,
	"fixed": true, "package": true, "rate": true}

// periodAfter reads the period written after the amount ending before
// toks[i], returning it and the index after its last token.
func periodAfter(toks []salTok, i int) (Period, int) {
	start := i
	for skipped := 0; i < len(toks) && skipped <= 3; skipped++ {
		t := toks[i]
		switch {
		case t.kind == tokSlash && i+1 < len(toks) && toks[i+1].kind == tokWord:
			if p, ok := periodWords[toks[i+1].text]; ok {
				return p, i + 2
			}
			return PeriodUnknown, start
		case t.kind == tokWord && perWords[t.text]:
			j := i + 1
			if j < len(toks) && toks[j].text == "." {
				j++ // "pr. måned"
			}
			if j < len(toks) && toks[j].kind == tokWord {
				if p, ok := periodWords[toks[j].text]; ok {
					return p, j + 1
				}
			}
			return PeriodUnknown, start
		case t.kind == tokWord && standalone[t.text]:
			return periodWords[t.text], i + 1
		case isPA(toks, i):
			if i+3 < len(toks) && toks[i+3].text == "." {
				return PeriodYear, i + 4
			}
			return PeriodYear, i + 3
		case t.kind == tokWord && fillers[t.text], t.kind == tokOther && (t.text == "," || t.text == "("):
			i++
		default:
			return PeriodUnknown, start
		}
	}
	return PeriodUnknown, start
}

// perWords stand between an amount and its period: "per year", "an hour",
// "pro Monat", "pr. måned", "por mês".
var perWords = map[string]bool{"per": true, "a": true, "an": true, "pro": true, "par": true, "each": true,
	"every": true, "pr": true, "por": true, "im": true}

// isPA reports whether "p.a." (or "p. a.") starts at toks[i].
func isPA(toks []salTok, i int) bool {
	return i >= 0 && i+2 < len(toks) && toks[i].kind == tokWord && toks[i].text == "p" &&
		toks[i+1].text == "." && toks[i+2].kind == tokWord && toks[i+2].text == "a"
}

// periodBefore finds a period named in the few words before the amount:
// "hourly rate: $60", "annual salary £50,000", "day rate €600".
func periodBefore(toks []salTok, from int) Period {
	for k := from - 1; k >= 0 && k >= from-5; k-- {
		t := toks[k]
		if t.kind != tokWord {
			continue
		}
		switch t.text {
		case "hourly":
			return PeriodHour
		case "annual", "annually", "yearly", "jahresgehalt":
			return PeriodYear
		case "monthly":
			return PeriodMonth
		case "weekly":
			return PeriodWeek
		case "daily":
			return PeriodDay
		case "day", "hour":
			if k+1 < len(toks) && toks[k+1].text == "rate" {
				return periodWords[t.text]
			}
		}
	}
	return PeriodUnknown
}

// guessPeriod is the period of an amount that states none: yearly from
// 20,000, monthly from 1,000, else hourly — with other bounds for the
// currencies whose monthly pay runs higher (PLN 15,000 a month).
func guessPeriod(v float64, cur string) Period {
	b, ok := periodBounds[cur]
	if !ok {
		b = [2]float64{1000, 20000}
	}
	switch {
	case v >= b[1]:
		return PeriodYear
	case v >= b[0]:
		return PeriodMonth
	default:
		return PeriodHour
	}
}

// periodBounds are, per currency, the amounts from which pay that names no
// period is taken as monthly and as yearly.
var periodBounds = map[string][2]float64{
	"PLN": {1000, 100000}, "SEK": {1000, 150000}, "NOK": {1000, 150000}, "DKK": {1000, 150000},
	"CZK": {5000, 300000}, "HUF": {10000, 3e6}, "JPY": {10000, 1e6}, "INR": {10000, 200000},
	"KRW": {100000, 1e7}, "BRL": {1000, 50000}, "MXN": {1000, 150000}, "ZAR": {1000, 100000},
}
