package loader

import (
	"cmp"
	"slices"
	"strings"

	"github.com/jobdeck/jobdeck/model"
)

// employmentTypes maps a folded employment type (lower case, '_' and '-'
// as spaces) to the words shown: FULL_TIME, "full time" and "Full-time"
// all become "full-time".
var employmentTypes = map[string]string{
	"full time": "full-time", "fulltime": "full-time", "permanent full time": "full-time",
	"part time": "part-time", "parttime": "part-time",
	"contract": "contract", "contractor": "contract", "contract to hire": "contract to hire",
	"freelance": "freelance", "freelancer": "freelance",
	"temporary": "temporary", "temp": "temporary", "seasonal": "seasonal",
	"intern": "internship", "internship": "internship", "apprenticeship": "apprenticeship",
	"volunteer": "volunteer", "per diem": "per diem", "permanent": "permanent", "other": "other",
}

// typeCand is one value found under an employment-type key; category
// tells a key (jobType, type) that boards also use for their category.
type typeCand struct {
	prio     int
	v        any
	category bool
}

// isCategoryKey reports the employment-type keys a board may fill with a
// category ("software", "engineering") instead.
func isCategoryKey(norm string) bool { return norm == "jobtype" || norm == "type" }

// normalizeEmploymentType returns the shown form of a known employment
// type, or "" when s is none.
func normalizeEmploymentType(s string) string {
	if k, ok := foldTypeASCII(s); ok {
		return employmentTypes[string(k.b[:k.n])]
	}
	return employmentTypes[typeKey(s)]
}

// typeKey is how normalizeEmploymentType folds s for the lookup: lower
// case, '_' and '-' read as spaces, white space folded and trimmed.
func typeKey(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r == '_' || r == '-' {
			return ' '
		}
		return r
	}, strings.ToLower(s))), " ")
}

// foldedType is typeKey's result in place: its first n bytes.
type foldedType struct {
	b [64]byte
	n int
}

// foldTypeASCII is typeKey(s) without allocating, for s of ASCII that
// folds to at most 64 bytes; ok is false for anything else.
func foldTypeASCII(s string) (k foldedType, ok bool) {
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return k, false
		case c == '_' || c == '-' || c == ' ' || c >= '\t' && c <= '\r':
			space = k.n > 0
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			if k.n == len(k.b) {
				return k, false
			}
			k.b[k.n] = ' '
			k.n++
			space = false
		}
		if k.n == len(k.b) {
			return k, false
		}
		k.b[k.n] = c
		k.n++
	}
	return k, true
}

// applyTypes sets p.EmploymentType from the candidates, best priority
// first: the known types of the first key that has any are normalised
// and joined ("full-time, contract");
// a value of a category key that is no employment type becomes a keyword;
// other unknown values are kept as written when no known type was found.
func applyTypes(p *model.Posting, cands []typeCand) {
	slices.SortStableFunc(cands, func(a, b typeCand) int { return cmp.Compare(a.prio, b.prio) })
	var known, other []string
	for _, c := range cands {
		had := len(known) > 0
		for _, s := range typeItems(c.v) {
			switch n := normalizeEmploymentType(s); {
			case n != "":
				if !had && !slices.Contains(known, n) {
					known = append(known, n)
				}
			case c.category:
				addKeyword(p, s)
			default:
				other = append(other, s)
			}
		}
	}
	switch {
	case len(known) > 0:
		p.EmploymentType = strings.Join(known, ", ")
	case len(other) > 0:
		p.EmploymentType = cleanField(strings.Join(other, ", "))
	}
}

// typeItems splits an employment-type value into its items: a list, or a
// string of comma-separated ones.
func typeItems(v any) []string {
	var out []string
	for _, s := range strings.Split(listText(v), ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// addKeyword appends kw to p.Keywords unless it is there (in any case).
func addKeyword(p *model.Posting, kw string) {
	kw = cleanField(strings.TrimSpace(kw))
	if kw == "" {
		return
	}
	for _, k := range p.Keywords {
		if strings.EqualFold(k, kw) {
			return
		}
	}
	p.Keywords = append(p.Keywords, kw)
}
