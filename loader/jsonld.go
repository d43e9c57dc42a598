package loader

import (
	"strings"

	"github.com/jobdeck/jobdeck/model"
)

// findJobPosting returns the first schema.org JobPosting in a decoded
// JSON-LD value: the value itself, an element of an array, a node of an
// @graph, or an object nested in one of those (mainEntity, itemListElement
// and the like). @type may be a string or a list, with or without the
// schema.org prefix.
func findJobPosting(v any, depth int) object {
	if depth > 8 {
		return nil
	}
	if l, ok := v.([]any); ok {
		for _, it := range l {
			if m := findJobPosting(it, depth+1); m != nil {
				return m
			}
		}
		return nil
	}
	x := asMap(v)
	if x == nil {
		return nil
	}
	if t, _ := x.lookup("@type"); isJobPostingType(t) {
		return x
	}
	if g, ok := x.lookup("@graph"); ok {
		if m := findJobPosting(g, depth+1); m != nil {
			return m
		}
	}
	var found object
	x.each(func(k string, it any) {
		if found != nil || k == "@graph" || k == "@context" {
			return
		}
		if _, ok := it.([]any); ok || asMap(it) != nil {
			found = findJobPosting(it, depth+1)
		}
	})
	return found
}

// isJobPostingType reports an @type of JobPosting.
func isJobPostingType(t any) bool {
	switch x := t.(type) {
	case string:
		x = strings.TrimSpace(x)
		x = x[strings.LastIndexAny(x, "/:")+1:]
		return strings.EqualFold(x, "JobPosting")
	case []any:
		for _, it := range x {
			if isJobPostingType(it) {
				return true
			}
		}
	}
	return false
}

// jobPostingPosting maps a JobPosting to a posting through the field
// aliases (title, description, datePosted, employmentType,
// hiringOrganization, jobLocation, jobLocationType, baseSalary, url…),
// then what the aliases do not cover: the organisation's sameAs as the
// company's link, applicantLocationRequirements as the location of a
// remote job, directApply making the URL the apply address.
func jobPostingPosting(jp object, al *aliasSet, wantBody bool, maxBody int64) *model.Posting {
	m := make(map[string]any, jp.size())
	jp.each(func(k string, v any) {
		if !strings.HasPrefix(k, "@") {
			m[normKey(k)] = v
		}
	})
	org := asMap(m["hiringorganization"])
	p := postingFromMap(m, al, wantBody, maxBody)
	if org != nil && p.CompanyURL() == "" {
		p.SetCompanyURL(cleanField(scalarText(firstOf(get(org, "sameas", "url")))))
	}
	if req := m["applicantlocationrequirements"]; req != nil {
		where := cleanField(placeText(req))
		switch {
		case p.Location == "":
			p.Location = where
		case where != "" && !strings.Contains(p.Location, where):
			p.Location += "; " + where
		}
		p.Remote = p.Remote || strings.EqualFold(scalarText(m["joblocationtype"]), "TELECOMMUTE")
	}
	if parseBool(m["directapply"]) && p.ApplyURL == "" {
		p.ApplyURL = p.URL
	}
	return p
}

// firstOf returns a list's first item, or v itself.
func firstOf(v any) any {
	if l, ok := v.([]any); ok {
		if len(l) == 0 {
			return nil
		}
		return l[0]
	}
	return v
}
