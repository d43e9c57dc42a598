package loader

// bigUnitCurrencies are the currencies in which a salary runs to millions.
var bigUnitCurrencies = map[string]bool{"JPY": true, "KRW": true, "INR": true, "HUF": true, "IDR": true,
	"CLP": true, "COP": true, "VND": true}

// notPay are words that, shortly before an amount, show it is not pay.
var notPay = map[string]bool{"series": true, "raised": true, "raise": true, "funding": true, "funded": true,
	"valuation": true, "revenue": true, "arr": true, "budget": true, "investment": true, "seed": true,
	"round": true, "backed": true, "grant": true, "worth": true, "turnover": true, "sales": true}

// countNouns are words that, right after an amount, show it counts things.
var countNouns = map[string]bool{"users": true, "customers": true, "employees": true, "people": true,
	"members": true, "requests": true, "downloads": true, "stars": true, "companies": true, "engineers": true,
	"developers": true, "countries": true, "clients": true, "transactions": true, "installs": true,
	"visitors": true, "devices": true, "servers": true, "records": true, "queries": true, "sites": true,
	"followers": true, "subscribers": true, "hours": true, "days": true, "weeks": true, "months": true,
	"years": true, "staff": true, "teams": true, "messages": true, "events": true, "lines": true,
	"rps": true, "qps": true, "tps": true, "miles": true, "km": true, "words": true, "times": true}

// payWords are words that, earlier on a body line, show an amount without
// a currency is pay: "Salary: 90k".
var payWords = map[string]bool{"salary": true, "salaries": true, "compensation": true, "pay": true,
	"paid": true, "paying": true, "rate": true, "ote": true, "wage": true, "wages": true, "earn": true,
	"remuneration": true, "stipend": true, "gehalt": true, "comp": true, "tc": true}

// plausible reports whether a salary read at toks[lo.from:end] is pay and
// not a count, a date, a plan or a funding round.
func plausible(s Salary, toks []salTok, lo, hi amount, end int, field, ranged bool) bool {
	first := toks[lo.from]
	if first.kind == tokCur {
		first = toks[lo.from+1]
	}
	top := max(s.Min, s.Max)
	switch {
	case top <= 0:
		return false
	case first.text == "401k" || first.num == 401 && lo.to+2 < len(toks) && toks[lo.to].text == "(" && toks[lo.to+1].text == "k":
		return false // a retirement plan
	case lo.to+1 < len(toks) && toks[lo.to].kind == tokSlash && toks[lo.to+1].kind == tokNum:
		return false // "24/7", "12/05"
	case end < len(toks) && toks[end].text == "%":
		return false
	case (lo.mult >= 1e6 || hi.mult >= 1e6) && !bigUnitCurrencies[s.Currency]:
		return false // "$40M" is a company's money
	case wordNear(toks, lo.from, 4, notPay):
		return false
	case hi.to < len(toks) && toks[hi.to].kind == tokWord && countNouns[toks[hi.to].text]:
		return false
	}
	if s.Currency != "" {
		return field || top >= 100 || s.Period != PeriodUnknown
	}
	if !field && !wordNear(toks, lo.from, 8, payWords) {
		return false
	}
	hasK := lo.mult > 1 || hi.mult > 1
	if !hasK && s.Period == PeriodUnknown && lo.mult == 1 && top >= 1900 && top <= 2100 && s.Min == s.Max {
		return false // a year
	}
	if !hasK && s.Period == PeriodUnknown && !ranged && lo.from > 0 && toks[lo.from-1].kind == tokWord &&
		!payWords[toks[lo.from-1].text] && qualifierStart(toks, lo.from) == lo.from {
		return false // "ISO 27001": a number that names something
	}
	return hasK || s.Period != PeriodUnknown || top >= 1000
}

// wordNear reports whether one of words is among the n tokens before
// toks[i].
func wordNear(toks []salTok, i, n int, words map[string]bool) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if toks[k].kind == tokWord && words[toks[k].text] {
			return true
		}
	}
	return false
}
