package loader

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

func TestNewAliasesFields(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		name string
		in   map[string]any
		want model.Posting
	}{
		{"source_url", map[string]any{"source_url": "https://a.example/1"}, model.Posting{URL: "https://a.example/1"}},
		{"job_url", map[string]any{"Job Url": "https://a.example/2"}, model.Posting{URL: "https://a.example/2"}},
		{"jobUrl", map[string]any{"jobUrl": "https://a.example/3"}, model.Posting{URL: "https://a.example/3"}},
		{"hostedUrl", map[string]any{"hostedUrl": "https://a.example/4"}, model.Posting{URL: "https://a.example/4"}},
		{"absolute_url", map[string]any{"absolute_url": "https://a.example/5"}, model.Posting{URL: "https://a.example/5"}},
		{"applyLink", map[string]any{"applyLink": "https://a.example/6"}, model.Posting{URL: "https://a.example/6"}},
		{"url wins over source_url", map[string]any{"url": "https://a.example/7", "source_url": "https://b.example/7"}, model.Posting{URL: "https://a.example/7"}},
		{"company_url is not the URL", map[string]any{"company_url": "https://acme.example"}, withCompanyURL(model.Posting{}, "https://acme.example")},
		{"website", map[string]any{"website": "https://acme.example", "url": "https://acme.example/j/1"}, withCompanyURL(model.Posting{URL: "https://acme.example/j/1"}, "https://acme.example")},
		{"careers_url", map[string]any{"careers_url": "https://acme.example/careers"}, withCompanyURL(model.Posting{}, "https://acme.example/careers")},
		{"addedAt", map[string]any{"addedAt": "2024-03-01"}, model.Posting{Date: day(2024, 3, 1)}},
		{"updated_at", map[string]any{"updated_at": "2024-03-02T10:00:00Z"}, model.Posting{Date: time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC)}},
		{"first_published beats updated_at", map[string]any{"first_published": "2024-03-03", "updated_at": "2024-05-05"}, model.Posting{Date: day(2024, 3, 3)}},
		{"publishedAt", map[string]any{"publishedAt": "2024-03-04"}, model.Posting{Date: day(2024, 3, 4)}},
		{"technologies", map[string]any{"technologies": []any{"Go", "Postgres"}}, model.Posting{Keywords: []string{"Go", "Postgres"}}},
		{"departments as objects", map[string]any{"departments": []any{map[string]any{"id": 4, "name": "Platform"}}}, model.Posting{Keywords: []string{"Platform"}}},
		{"workplaceType remote", map[string]any{"workplaceType": "remote"}, model.Posting{Remote: true}},
		{"workplaceType hybrid", map[string]any{"workplaceType": "hybrid"}, model.Posting{}},
		{"remote_policy", map[string]any{"remote_policy": "Fully remote"}, model.Posting{Remote: true}},
		{"location_type", map[string]any{"location_type": "TELECOMMUTE"}, model.Posting{Remote: true}},
		{"FULL_TIME", map[string]any{"employmentType": "FULL_TIME"}, model.Posting{EmploymentType: "full-time"}},
		{"full time", map[string]any{"employmentType": "full time"}, model.Posting{EmploymentType: "full-time"}},
		{"Full-time", map[string]any{"jobType": "Full-time"}, model.Posting{EmploymentType: "full-time"}},
		{"a list", map[string]any{"employmentType": []any{"FULL_TIME", "CONTRACTOR"}}, model.Posting{EmploymentType: "full-time, contract"}},
		{"category in jobType", map[string]any{"jobType": "software", "tags": "go"}, model.Posting{Keywords: []string{"go", "software"}}},
		{"category in type, type in employmentType", map[string]any{"type": "Engineering", "employmentType": "PART_TIME"}, model.Posting{EmploymentType: "part-time", Keywords: []string{"Engineering"}}},
		{"unknown employmentType kept", map[string]any{"employmentType": "Four days a week"}, model.Posting{EmploymentType: "Four days a week"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var p model.Posting
			applyFields(&p, c.in)
			got := [...]any{p.URL, p.CompanyURL(), p.Date, p.Keywords, p.Remote, p.EmploymentType}
			want := [...]any{c.want.URL, c.want.CompanyURL(), c.want.Date, c.want.Keywords, c.want.Remote, c.want.EmploymentType}
			for i := range got {
				if g, w := got[i], want[i]; !equalAny(g, w) {
					t.Errorf("field %d = %v, want %v", i, g, w)
				}
			}
		})
	}
}

func equalAny(a, b any) bool {
	if x, ok := a.([]string); ok {
		return slices.Equal(x, b.([]string))
	}
	if x, ok := a.(time.Time); ok {
		return x.Equal(b.(time.Time))
	}
	return a == b
}

func TestUserFieldAliases(t *testing.T) {
	al, err := NewFieldAliases(map[string][]string{"url": {"offer_link"}, "company": {"Firm"}})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"a.md":  {Data: []byte("---\ntitle: Baker\noffer_link: https://bakery.example/7\nfirm: Crumb\n---\nbody\n")},
		"b.md":  {Data: []byte("---\ntitle: Baker\nurl: https://bakery.example/8\noffer_link: https://other.example/8\n---\nbody\n")},
		"c.txt": {Data: []byte("Night Baker\nFirm: Crumb & Co\n\nBake bread.\n")},
	}
	ps, _, err := Load(context.Background(), []Source{{FS: fsys, Root: "."}}, Options{Aliases: al})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*model.Posting{}
	for _, p := range ps {
		byPath[p.Path] = p
	}
	if p := byPath["a.md"]; p.URL != "https://bakery.example/7" || p.Company != "Crumb" {
		t.Errorf("a.md: url %q company %q", p.URL, p.Company)
	}
	if p := byPath["b.md"]; p.URL != "https://bakery.example/8" {
		t.Errorf("b.md: a built-in key must win over a user key: %q", p.URL)
	}
	if p := byPath["c.txt"]; p.Company != "Crumb & Co" {
		t.Errorf("c.txt: company %q", p.Company)
	}
	ps, _, _ = Load(context.Background(), []Source{{FS: fsys, Root: "."}}, Options{})
	for _, p := range ps {
		if p.Path == "a.md" && p.URL != "" {
			t.Errorf("without aliases a.md has URL %q", p.URL)
		}
	}
}

func TestUserFieldAliasesUnknownField(t *testing.T) {
	al, err := NewFieldAliases(map[string][]string{"salry": {"pay"}, "url": {"offer_link"}})
	if err == nil || !strings.Contains(err.Error(), `"salry"`) || !strings.Contains(err.Error(), "salary") {
		t.Fatalf("err = %v", err)
	}
	if !errors.Is(err, ErrFieldAlias) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("err = %q: want one line wrapping ErrFieldAlias", err)
	}
	// The good field is kept.
	data := []byte("---\ntitle: T\noffer_link: https://x.example/1\npay: 5\n---\n")
	p := parseFile("a.md", data, false, scan(data), al.set, DefaultMaxBody, nil)
	if p.URL != "https://x.example/1" || p.Salary != "" {
		t.Fatalf("URL %q salary %q: want the url alias kept, the bad one left out", p.URL, p.Salary)
	}
}

func TestUserFieldAliasesBadKeys(t *testing.T) {
	al, err := NewFieldAliases(map[string][]string{"company": {"firm", " "}, "url": {"Firm", "offer"}})
	if !errors.Is(err, ErrFieldAlias) {
		t.Fatalf("err = %v, want ErrFieldAlias", err)
	}
	for _, want := range []string{`company: empty key " "`, `key "Firm" is listed for company and url (kept for company)`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %q, want it to say %q", err, want)
		}
	}
	for _, tc := range []struct {
		key  string
		want field
	}{{"firm", fCompany}, {"offer", fURL}} {
		if f, _ := al.set.lookup(tc.key); f != tc.want {
			t.Errorf("lookup(%q) = %v, want %v", tc.key, f, tc.want)
		}
	}
}

func TestFieldNamesAreTheAliasFields(t *testing.T) {
	names := FieldNames()
	if !slices.Contains(names, "company_url") || !slices.Contains(names, "tags") {
		t.Fatalf("FieldNames() = %v, want company_url and tags among them", names)
	}
	m := map[string][]string{}
	for i, n := range names {
		m[n] = []string{fmt.Sprintf("my_key_%d", i)}
	}
	al, err := NewFieldAliases(m)
	if err != nil {
		t.Fatalf("NewFieldAliases of every FieldNames name: %v", err)
	}
	for i, n := range names {
		want, _ := canonicalField(n)
		if f, _ := al.set.lookup(fmt.Sprintf("my_key_%d", i)); f != want || f == fNone {
			t.Errorf("%s: key maps to %v, want %v", n, f, want)
		}
	}
	names[0] = "changed"
	if FieldNames()[0] != "title" {
		t.Error("FieldNames shares its slice")
	}
}
