package loader

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// canonicalFields are the fields a user may give extra keys for (the
// config file's [fields] table), by the names [FieldNames] lists, in its
// order: the names `jobdeck list --json` gives them, "tags" being another
// name of "keywords".
var canonicalFields = []struct {
	name string
	f    field
}{
	{"title", fTitle}, {"company", fCompany}, {"location", fLocation}, {"date", fDate},
	{"keywords", fTags}, {"tags", fTags}, {"url", fURL}, {"apply_url", fApplyURL}, {"salary", fSalary},
	{"employment_type", fType}, {"remote", fRemote}, {"company_url", fCompanyURL},
}

// canonicalField returns the field named name in canonicalFields (case
// and surrounding space ignored).
func canonicalField(name string) (field, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, c := range canonicalFields {
		if c.name == name {
			return c.f, true
		}
	}
	return fNone, false
}

// userAliasPrio is the priority of a user's keys: after every built-in
// alias of the same field, in the order the user listed them.
const userAliasPrio = 1000

// ErrFieldAlias is wrapped by the error of [NewFieldAliases] for the
// aliases it left out.
var ErrFieldAlias = errors.New("bad field alias")

// FieldAliases are a user's extra keys for the posting fields, ready for
// [Options]. The zero value adds none. Build one with [NewFieldAliases].
type FieldAliases struct{ set *aliasSet }

// NewFieldAliases maps canonical field names ([FieldNames]: title,
// company, location, date, keywords, url, apply_url, salary,
// employment_type, remote, company_url) to extra keys, matched like the
// built-in ones (case, '_', '-', ' ' and '.' ignored): {"url":
// {"offer_link"}} reads a posting's URL from "offer_link" when it has none
// of the built-in keys. A key listed here wins over a built-in alias of
// another field.
//
// What it cannot take is left out, and the aliases returned hold the
// rest: a field name it does not know, a key that is empty, a key listed
// for two fields (the field first in [FieldNames] keeps it). The error
// then names each of them on one line and wraps [ErrFieldAlias].
func NewFieldAliases(m map[string][]string) (FieldAliases, error) {
	if len(m) == 0 {
		return FieldAliases{}, nil
	}
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		fa, _ := canonicalField(a)
		fb, _ := canonicalField(b)
		return cmp.Or(cmp.Compare(fieldRank(fa), fieldRank(fb)), strings.Compare(a, b))
	})
	s := &aliasSet{extra: map[string]alias{}}
	owner := map[string]string{} // key → the field name that took it
	var probs []string
	for _, name := range names {
		f, ok := canonicalField(name)
		if !ok {
			probs = append(probs, fmt.Sprintf("unknown field %q (known: %s)", name, strings.Join(FieldNames(), ", ")))
			continue
		}
		for i, k := range m[name] {
			n := normKey(strings.TrimSpace(k))
			switch a, taken := s.extra[n]; {
			case n == "":
				probs = append(probs, fmt.Sprintf("%s: empty key %q", name, k))
			case taken && a.f != f:
				probs = append(probs, fmt.Sprintf("key %q is listed for %s and %s (kept for %s)", k, owner[n], name, owner[n]))
			case !taken:
				s.extra[n] = alias{f, userAliasPrio + i}
				owner[n] = name
			}
		}
	}
	var err error
	if len(probs) > 0 {
		err = fmt.Errorf("loader: %w: %s", ErrFieldAlias, strings.Join(probs, "; "))
	}
	if len(s.extra) == 0 {
		return FieldAliases{}, err
	}
	return FieldAliases{set: s}, err
}

// fieldRank is the place of f in canonicalFields (after them all when it
// is none of them).
func fieldRank(f field) int {
	for i, c := range canonicalFields {
		if c.f == f {
			return i
		}
	}
	return len(canonicalFields)
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

// GoString describes the aliases by their content, so equal aliases built
// apart print the same (the parse cache's stamp is made from it).
func (a FieldAliases) GoString() string {
	if a.set == nil {
		return "loader.FieldAliases{}"
	}
	keys := make([]string, 0, len(a.set.extra))
	for k := range a.set.extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString("loader.FieldAliases{")
	for _, k := range keys {
		al := a.set.extra[k]
		fmt.Fprintf(&b, "%q:%d/%d,", k, al.f, al.prio)
	}
	b.WriteString("}")
	return b.String()
}
