package loader

import (
	"fmt"
	"slices"
	"strings"
)

// canonicalFields names the fields a user may give extra keys for (the
// config file's [fields] table), as FieldAliases' keys.
var canonicalFields = map[string]field{
	"title": fTitle, "company": fCompany, "location": fLocation, "date": fDate,
	"keywords": fTags, "tags": fTags, "url": fURL, "apply_url": fApplyURL, "salary": fSalary,
	"employment_type": fType, "remote": fRemote, "company_url": fCompanyURL,
}

// userAliasPrio is the priority of a user's keys: after every built-in
// alias of the same field, in the order the user listed them.
const userAliasPrio = 1000

// FieldAliases are a user's extra keys for the posting fields, ready for
// [Options]. The zero value adds none. Build one with [NewFieldAliases].
type FieldAliases struct{ set *aliasSet }

// NewFieldAliases maps canonical field names (title, company, location,
// date, keywords, url, apply_url, salary, employment_type, remote,
// company_url) to extra keys, matched like the built-in ones (case, '_',
// '-', ' ' and '.' ignored): {"url": {"offer_link"}} reads a posting's
// URL from "offer_link" when it has none of the built-in keys. A key
// listed here wins over a built-in alias of another field. An unknown
// field name is an error that names it and the known ones.
func NewFieldAliases(m map[string][]string) (FieldAliases, error) {
	if len(m) == 0 {
		return FieldAliases{}, nil
	}
	s := &aliasSet{extra: map[string]alias{}}
	for name, keys := range m {
		f, ok := canonicalFields[strings.ToLower(strings.TrimSpace(name))]
		if !ok {
			known := make([]string, 0, len(canonicalFields))
			for k := range canonicalFields {
				known = append(known, k)
			}
			slices.Sort(known)
			return FieldAliases{}, fmt.Errorf("loader: unknown field %q in field aliases (known: %s)", name, strings.Join(known, ", "))
		}
		for i, k := range keys {
			if n := normKey(strings.TrimSpace(k)); n != "" {
				s.extra[n] = alias{f, userAliasPrio + i}
			}
		}
	}
	return FieldAliases{set: s}, nil
}

// alias is the field a key fills and its priority (lower wins when a
// posting has several keys of one field).
type alias struct {
	f    field
	prio int
}

// aliasSet is the built-in aliases plus a user's extra keys; a nil
// *aliasSet is the built-in ones alone.
type aliasSet struct{ extra map[string]alias }

// lookup returns the field of key k and its priority, or fNone.
func (s *aliasSet) lookup(k string) (field, int) {
	n := normKey(k)
	if s != nil {
		if a, ok := s.extra[n]; ok {
			return a.f, a.prio
		}
	}
	a, ok := aliases[n]
	if !ok {
		return fNone, 0
	}
	return a.f, a.prio
}
