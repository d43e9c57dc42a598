package loader

import (
	"strings"
	"unique"

	"github.com/jobdeck/jobdeck/model"
)

// internFields replaces the fields of p that many postings of a folder
// share (a title, a company, a city, a skill) with one canonical copy of
// each, so that a big folder holds each such text once. Fields that are
// one posting's own (ID, paths, body) or few and short are left as they
// are (each canonical copy costs a lookup), but a URL that begins the
// other (boards apply at the posting's URL plus "/apply") is made a part
// of it.
func internFields(p *model.Posting) { internFieldsIn(p, nil) }

// internFieldsIn is internFields with the canonical copies taken from m
// (see [recordMemo.intern]); a nil m takes them from the process-wide
// table.
func internFieldsIn(p *model.Posting, m *recordMemo) {
	switch {
	case p.URL == "" || p.ApplyURL == "":
	case strings.HasPrefix(p.ApplyURL, p.URL):
		p.URL = p.ApplyURL[:len(p.URL)]
	case strings.HasPrefix(p.URL, p.ApplyURL):
		p.ApplyURL = p.URL[:len(p.ApplyURL)]
	}
	p.Title, p.Company, p.Location = m.intern(0, p.Title), m.intern(1, p.Company), m.intern(2, p.Location)
	for i, k := range p.Keywords {
		p.Keywords[i] = m.intern(3+i, k)
	}
}

// intern returns the canonical copy of s.
func intern(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}
