package loader

import (
	"strings"
	"unicode/utf8"

	"github.com/jobdeck/jobdeck/model"
)

// Caps on the one-line fields of a posting, in characters. A longer field
// is cut (a URL is dropped: cut, it would lead elsewhere) and its full
// text is added to the end of the body.
const (
	MaxTitle          = 300
	MaxCompany        = 300
	MaxLocation       = 200
	MaxSalary         = 200
	MaxEmploymentType = 100
	MaxURL            = 2048
	MaxKeywords       = 50 // keywords kept
	MaxKeyword        = 50 // characters of each keyword
)

// WarnFieldsCut starts the warning of a posting whose fields were cut.
const WarnFieldsCut = "long fields cut"

// finishPosting is the last step of parsing, whatever the file's format:
// it sets Remote from a location naming it, the ID from the full URL or
// else from text (the repaired file), and then caps the fields (see
// capFields), noting the full text of what it cut at the end of the body
// when wantBody is set, and keeps one copy of the texts postings share
// (see internFields).
func finishPosting(p *model.Posting, text string, wantBody bool) {
	finishPostingBy(p, func() string { return text }, wantBody)
}

// finishPostingBy is finishPosting with the text asked of textOf, only
// when p has no URL (a record's text is built for its ID alone).
func finishPostingBy(p *model.Posting, textOf func() string, wantBody bool) {
	finishPostingText(p, textOf, textOf, wantBody)
}

// finishPostingText is finishPostingBy with the text a posting without a
// body or a salary field is searched for a salary in asked of salaryOf
// (a web page's visible text, not its markup).
func finishPostingText(p *model.Posting, textOf, salaryOf func() string, wantBody bool) {
	finishPostingMemo(p, textOf, salaryOf, wantBody, nil)
}

// finishPostingMemo is finishPostingText with the salary field's parse
// and the shared texts taken from m (see [recordMemo]; nil: none).
func finishPostingMemo(p *model.Posting, textOf, salaryOf func() string, wantBody bool, m *recordMemo) {
	defer internFieldsIn(p, m)
	if !p.Remote && m.remoteLocation(p.Location) {
		p.Remote = true
	}
	if n := m.normalizeURL(p.URL); n != "" {
		p.ID = m.hashID("url:", n)
	} else {
		p.ID = m.hashID("text:", textOf())
	}
	if strings.TrimSpace(p.Salary) != "" { // the body is not searched
		s, ok := m.parseSalary(p.Salary)
		putSalary(p, s, ok)
	} else {
		body := p.Body
		if body == "" && p.Salary == "" {
			body = salaryOf()
		}
		setSalary(p, body)
	}
	cuts := capFields(p)
	if len(cuts) == 0 {
		return
	}
	names := make([]string, len(cuts))
	for i, c := range cuts {
		names[i] = c.name
	}
	p.AddWarnings(WarnFieldsCut + ": " + strings.Join(names, ", ") + " (full text at the end of the body)")
	if wantBody {
		p.Body = withFullText(p.Body, cuts)
	}
}

// finishBody is finishPosting for a parse that wants the body alone: of
// its steps only the fields' caps change the body, by adding what they
// cut (the ID, the salary, Remote and the shared texts change no field's
// length).
func finishBody(p *model.Posting) {
	if cuts := capFields(p); len(cuts) > 0 {
		p.Body = withFullText(p.Body, cuts)
	}
}

// cutField is a field capFields cut: its name and its full text.
type cutField struct{ name, full string }

// capFields cuts the fields of p that are over their caps, on rune
// boundaries, and returns what it cut in field order.
func capFields(p *model.Posting) []cutField {
	var cuts []cutField
	cuts = capText(cuts, "title", &p.Title, MaxTitle)
	cuts = capText(cuts, "company", &p.Company, MaxCompany)
	cuts = capText(cuts, "location", &p.Location, MaxLocation)
	cuts = capText(cuts, "salary", &p.Salary, MaxSalary)
	cuts = capText(cuts, "employment type", &p.EmploymentType, MaxEmploymentType)
	cuts = dropLong(cuts, "url", &p.URL)
	cuts = dropLong(cuts, "apply url", &p.ApplyURL)
	if u := p.CompanyURL(); len(u) > MaxURL {
		cuts = append(cuts, cutField{"company url", u})
		p.SetCompanyURL("")
	}
	if kw, ok := capKeywords(p.Keywords); ok {
		cuts = append(cuts, cutField{"keywords", strings.Join(p.Keywords, ", ")})
		p.Keywords = kw
	}
	return cuts
}

// capText cuts *s to max characters (see capRunes), adding it to cuts
// under name when it was longer. A text of at most max bytes is told at
// once, where this is inlined.
func capText(cuts []cutField, name string, s *string, max int) []cutField {
	if len(*s) <= max {
		return cuts
	}
	return capLongText(cuts, name, s, max)
}

// capLongText is capText for a text of more than max bytes.
func capLongText(cuts []cutField, name string, s *string, max int) []cutField {
	if c, ok := capRunes(*s, max); ok {
		cuts = append(cuts, cutField{name, *s})
		*s = c
	}
	return cuts
}

// dropLong empties *s when it is longer than MaxURL, adding it to cuts
// under name.
func dropLong(cuts []cutField, name string, s *string) []cutField {
	if len(*s) > MaxURL {
		cuts = append(cuts, cutField{name, *s})
		*s = ""
	}
	return cuts
}

// capKeywords keeps the first MaxKeywords keywords, each cut to
// MaxKeyword characters; ok is false when none needed it.
func capKeywords(kw []string) ([]string, bool) {
	long := len(kw) > MaxKeywords
	for _, k := range kw {
		long = long || len(k) > MaxKeyword
	}
	if !long {
		return kw, false
	}
	out := make([]string, 0, min(len(kw), MaxKeywords))
	for _, k := range kw[:min(len(kw), MaxKeywords)] {
		c, _ := capRunes(k, MaxKeyword)
		out = append(out, c)
	}
	return out, true
}

// capRunes returns s cut to max characters, the last of them "…", and
// true; or s and false when it is no longer than max.
func capRunes(s string, max int) (string, bool) {
	if len(s) <= max {
		return s, false
	}
	n := 0
	for i := range s {
		if n == max-1 {
			if _, size := utf8.DecodeRuneInString(s[i:]); i+size == len(s) {
				return s, false
			}
			return strings.Clone(strings.TrimRight(s[:i], " ")) + "…", true
		}
		n++
	}
	return s, false
}

// withFullText adds to body the full text of the cut fields it does not
// already hold, markdown-escaped so that it shows as the text it is.
func withFullText(body string, cuts []cutField) string {
	var sb strings.Builder
	for _, c := range cuts {
		if strings.Contains(body, c.full) {
			continue
		}
		if sb.Len() == 0 {
			sb.WriteString(strings.TrimRight(body, "\n"))
			sb.WriteString("\n\n## Full text of long fields\n")
		}
		sb.WriteString("\n**" + c.name + ":** " + escapeMarkdown(c.full) + "\n")
	}
	if sb.Len() == 0 {
		return body
	}
	return sb.String()
}

// escapeMarkdown backslash-escapes every ASCII punctuation character of s,
// which CommonMark then shows as itself: no emphasis, link or HTML.
func escapeMarkdown(s string) string {
	var sb strings.Builder
	sb.Grow(len(s) + len(s)/4)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0 {
			sb.WriteByte('\\')
		}
		sb.WriteByte(c)
	}
	return sb.String()
}
