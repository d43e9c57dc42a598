package loader

import (
	"strings"
	"unique"

	"github.com/jobdeck/jobdeck/model"
)

// internFields replaces the fields of p that many postings of a folder
// share (a company, a city, a skill, a salary band, an employment type)
// with one canonical copy of each, so that a big folder holds each such
// text once, and no field keeps a file's buffer alive. Fields that are
// one posting's own (ID, paths, body) are left as they are, but a URL that
// begins the other (boards apply at the posting's URL plus "/apply") is
// made a part of it.
func internFields(p *model.Posting) {
	switch {
	case p.URL == "" || p.ApplyURL == "":
	case strings.HasPrefix(p.ApplyURL, p.URL):
		p.URL = p.ApplyURL[:len(p.URL)]
	case strings.HasPrefix(p.URL, p.ApplyURL):
		p.ApplyURL = p.URL[:len(p.ApplyURL)]
	}
	for _, s := range [...]*string{&p.Title, &p.Company, &p.Location, &p.Salary, &p.EmploymentType,
		&p.CompanyURL, &p.SalaryCurrency, &p.SalaryPeriod} {
		*s = intern(*s)
	}
	for i, k := range p.Keywords {
		p.Keywords[i] = intern(k)
	}
	for i, w := range p.Warnings {
		p.Warnings[i] = intern(w)
	}
}

// intern returns the canonical copy of s.
func intern(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}
