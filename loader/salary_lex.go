package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// salTokKind is the kind of a token of salary text.
type salTokKind int

const (
	tokNum   salTokKind = iota // a number, with its multiplier
	tokCur                     // a currency symbol or code
	tokWord                    // a run of letters, lower-cased
	tokDash                    // a range dash: - – — ~
	tokSlash                   // /
	tokPlus                    // +
	tokOther                   // any other punctuation
)

// salTok is one token of salary text; start and end are byte offsets.
type salTok struct {
	kind       salTokKind
	start, end int
	num        float64 // tokNum: the value before mult
	mult       float64 // tokNum: 1, or 1e3 for "k", 1e6 for "m"
	text       string  // tokCur: the ISO code; tokWord: the word; tokNum: as written
}

// currencySymbols maps symbols and symbol prefixes to ISO 4217 codes; the
// bare dollar is taken for US dollars.
var currencySymbols = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
	"us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "cad$": "CAD", "nz$": "NZD",
	"s$": "SGD", "sg$": "SGD", "hk$": "HKD", "r$": "BRL", "mx$": "MXN",
}

// currencyWords maps ISO codes and currency names, lower-cased, to codes.
var currencyWords = map[string]string{
	"usd": "USD", "eur": "EUR", "gbp": "GBP", "nzd": "NZD", "aud": "AUD", "cad": "CAD", "chf": "CHF",
	"sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN", "czk": "CZK", "huf": "HUF", "jpy": "JPY",
	"inr": "INR", "sgd": "SGD", "hkd": "HKD", "brl": "BRL", "mxn": "MXN", "zar": "ZAR", "ils": "ILS",
	"krw": "KRW", "cny": "CNY", "ron": "RON", "try": "TRY", "aed": "AED", "ars": "ARS", "php": "PHP",
	"euro": "EUR", "euros": "EUR", "dollars": "USD", "pounds": "GBP", "zł": "PLN", "zl": "PLN",
	"rupees": "INR",
}

// lexSalary splits s into salary tokens, appended to toks.
func lexSalary(toks []salTok, s string) []salTok {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case r >= '0' && r <= '9':
			t := lexNumber(s, i)
			toks = append(toks, t)
			i = t.end
		case unicode.IsLetter(r):
			t := lexWord(s, i)
			toks = append(toks, t)
			i = t.end
		default:
			t := salTok{kind: tokOther, start: i, end: i + size, text: s[i : i+size]}
			if code, ok := currencySymbols[t.text]; ok {
				t.kind, t.text = tokCur, code
			}
			switch r {
			case '-', '–', '—', '~', '‒', '−':
				t.kind = tokDash
			case '/':
				t.kind = tokSlash
			case '+':
				t.kind = tokPlus
			}
			toks = append(toks, t)
			i += size
		}
	}
	return toks
}

// lexWord reads a run of letters at i: a currency code or name, a symbol
// prefix ("NZ$"), or a plain word.
func lexWord(s string, i int) salTok {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	w := strings.ToLower(s[i:j])
	if j < len(s) && s[j] == '$' {
		if code, ok := currencySymbols[w+"$"]; ok {
			return salTok{kind: tokCur, start: i, end: j + 1, text: code}
		}
	}
	if code, ok := currencyWords[w]; ok {
		return salTok{kind: tokCur, start: i, end: j, text: code}
	}
	return salTok{kind: tokWord, start: i, end: j, text: w}
}

// lexNumber reads a number at i: digits in groups of three after a
// thousands separator (or Indian groups, see indianGroups) (",", ".", "'", "’" or a space of any width),
// an optional decimal part of one or two digits, and a multiplier written
// right after it: "k" (thousand), "m"/"mm" (million) or "b"/"bn"
// (billion), not followed by another letter.
func lexNumber(s string, i int) salTok {
	j := digitsEnd(s, i)
	val := atof(s[i:j])
	if v, end, ok := indianGroups(s, j, val); ok {
		val, j = v, end
	}
	for {
		sepEnd, ok := thousandsSep(s, j)
		if !ok {
			break
		}
		k := digitsEnd(s, sepEnd)
		if k-sepEnd != 3 {
			break
		}
		val = val*1000 + atof(s[sepEnd:k])
		j = k
	}
	if j+1 < len(s) && (s[j] == '.' || s[j] == ',') && isDigit(s[j+1]) {
		if k := digitsEnd(s, j+1); k-(j+1) <= 2 {
			frac := atof(s[j+1 : k])
			if k-(j+1) == 1 {
				frac *= 10
			}
			val += frac / 100
			j = k
		}
	}
	t := salTok{kind: tokNum, start: i, num: val, mult: 1}
	switch rest := s[j:]; {
	case hasMult(rest, "k"):
		t.mult, j = 1e3, j+1
	case hasMult(rest, "mm"):
		t.mult, j = 1e6, j+2
	case hasMult(rest, "m"):
		t.mult, j = 1e6, j+1
	case hasMult(rest, "bn"):
		t.mult, j = 1e9, j+2
	case hasMult(rest, "b"):
		t.mult, j = 1e9, j+1
	}
	t.end, t.text = j, s[i:j]
	return t
}

// indianGroups reads the rest of a number grouped the Indian way after its
// first digits (val, ending at j): pairs then a last group of three,
// "15,00,000" for 1.5 million.
func indianGroups(s string, j int, val float64) (float64, int, bool) {
	pairs := 0
	for j+3 < len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && s[j+3] == ',' {
		val = val*100 + atof(s[j+1:j+3])
		j += 3
		pairs++
	}
	if pairs == 0 || j+4 > len(s) || s[j] != ',' || digitsEnd(s, j+1) != j+4 {
		return 0, 0, false
	}
	return val*1000 + atof(s[j+1:j+4]), j + 4, true
}

// hasMult reports whether rest starts with the multiplier m (in any case)
// not followed by a letter.
func hasMult(rest, m string) bool {
	if len(rest) < len(m) || !strings.EqualFold(rest[:len(m)], m) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[len(m):])
	return len(rest) == len(m) || !unicode.IsLetter(r)
}

// thousandsSep reports whether a thousands separator starts at j, and
// where it ends.
func thousandsSep(s string, j int) (int, bool) {
	if j >= len(s) {
		return 0, false
	}
	switch s[j] {
	case ',', '.', '\'', ' ':
		return j + 1, true
	}
	for _, sep := range []string{"’", "\u00a0", "\u202f", "\u2009"} {
		if strings.HasPrefix(s[j:], sep) {
			return j + len(sep), true
		}
	}
	return 0, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// atof converts a run of ASCII digits.
func atof(digits string) float64 {
	v := 0.0
	for i := 0; i < len(digits); i++ {
		v = v*10 + float64(digits[i]-'0')
	}
	return v
}
