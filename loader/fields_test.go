package loader

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

func TestParseDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		in   any
		want time.Time
	}{
		{1614211200000, day(2021, 2, 25)},        // epoch ms
		{1614211200, day(2021, 2, 25)},           // epoch s
		{"1614211200000", day(2021, 2, 25)},      // as a string
		{float64(1614211200), day(2021, 2, 25)},  // JSON number
		{int64(1614211200000), day(2021, 2, 25)}, // TOML integer
		{"2021-02-25", day(2021, 2, 25)},
		{"2021-02-25T10:00:00+02:00", time.Date(2021, 2, 25, 8, 0, 0, 0, time.UTC)},
		{"2021-02-25 10:00:00", time.Date(2021, 2, 25, 10, 0, 0, 0, time.UTC)},
		{"February 25, 2021", day(2021, 2, 25)},
		{day(2021, 2, 25), day(2021, 2, 25)},
		{"soon", time.Time{}},
		{-5, time.Time{}},
		{1e30, time.Time{}},
		{nil, time.Time{}},
	} {
		if got := parseDate(c.in); !got.Equal(c.want) {
			t.Errorf("parseDate(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestParseTags(t *testing.T) {
	for _, c := range []struct {
		in   any
		want []string
	}{
		{"#rails,#postgresql", []string{"rails", "postgresql"}},
		{"go, grpc", []string{"go", "grpc"}},
		{"#go #rust", []string{"go", "rust"}},
		{"single", []string{"single"}},
		{[]any{"Go", "#go", " sql ", ""}, []string{"Go", "sql"}},
		{[]any{"a, b", 3}, []string{"a", "b", "3"}},
		{"", nil},
		{"a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,A,B,r,Q", []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r"}},
	} {
		if got := parseTags(c.in); !slices.Equal(got, c.want) || (got == nil) != (c.want == nil) {
			t.Errorf("parseTags(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestApplyFieldsAliases(t *testing.T) {
	m := map[string]any{
		"Job_Title":                   "Aliased Title",
		"role":                        "Lower priority role",
		"employer":                    "Employer Inc",
		"candidate_required_location": "Worldwide",
		"createdAt":                   "2020-01-02",
		"categories":                  []any{"ops"},
		"LINK":                        "https://x.example/1",
		"apply_url":                   "https://x.example/1/apply",
		"baseSalary":                  map[any]any{"currency": "USD", "value": map[any]any{"minValue": 1, "maxValue": 2, "unitText": "HOUR"}},
		"type":                        "Contract",
		"remote":                      "Yes",
	}
	var p model.Posting
	applyFields(&p, m)
	if p.Title != "Lower priority role" { // role outranks job_title
		t.Errorf("Title = %q", p.Title)
	}
	checks := map[string][2]string{
		"Company":  {p.Company, "Employer Inc"},
		"Location": {p.Location, "Worldwide"},
		"URL":      {p.URL, "https://x.example/1"},
		"ApplyURL": {p.ApplyURL, "https://x.example/1/apply"},
		"Salary":   {p.Salary, "USD 1–2 per hour"},
		"Type":     {p.EmploymentType, "contract"},
		"Date":     {p.Date.Format(time.DateOnly), "2020-01-02"},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %q", name, c[0], c[1])
		}
	}
	if !p.Remote || !slices.Equal(p.Keywords, []string{"ops"}) {
		t.Errorf("Remote %v Keywords %q", p.Remote, p.Keywords)
	}
}

func TestNestedValues(t *testing.T) {
	if got := nameText(map[string]any{"@type": "Organization", "name": "Org"}); got != "Org" {
		t.Errorf("nameText = %q", got)
	}
	loc := []any{map[string]any{"address": map[string]any{"addressLocality": "Oslo", "addressCountry": map[string]any{"name": "NO"}}}, "Remote"}
	if got := placeText(loc); got != "Oslo, NO; Remote" {
		t.Errorf("placeText = %q", got)
	}
	if got := salaryText(map[string]any{"min": 5, "currency": "EUR"}); got != "EUR from 5" {
		t.Errorf("salaryText = %q", got)
	}
	if got := salaryText(map[string]any{"note": "negotiable", "bonus": true}); got != "bonus: true, note: negotiable" {
		t.Errorf("salaryText of an unknown map = %q", got)
	}
	if !parseBool("TRUE") || parseBool("no") || !parseBool(true) || parseBool(0) {
		t.Error("parseBool")
	}
}

// splitTagsRef is how a value splits into tags, the reference appendTags
// is checked against.
func splitTagsRef(s string) []string {
	if strings.ContainsAny(s, ",;") {
		return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' })
	}
	if strings.Count(s, "#") > 1 {
		return strings.Fields(s)
	}
	return []string{s}
}

func TestAppendTagsSameAsSplit(t *testing.T) {
	for _, s := range []string{"", "a", "#go,#rust", ",,a;;b,", "a, b ;c", "#a #b", "#a", "é,ü;😀", ",", " ", "#a #b,c"} {
		if got, want := appendTags([]string{"x"}, s), append([]string{"x"}, splitTagsRef(s)...); !slices.Equal(got, want) {
			t.Errorf("appendTags(%q) = %q, want %q", s, got, want)
		}
	}
}
