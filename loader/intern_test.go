package loader

import (
	"reflect"
	"runtime/debug"
	"strings"
	"testing"
	"unsafe"

	"github.com/jobdeck/jobdeck/model"
)

// TestInternFieldsSharesWhatPostingsShare checks that two postings'
// equal titles, companies, locations and keywords become one copy. The
// process-wide table (package unique) forgets a text once a collection
// finds nothing holding its handle, and a posting's string does not: so
// no collection may run between the two postings here, or the second gets
// a copy of its own (which a load tolerates: interning saves memory, it
// does not decide equality).
func TestInternFieldsSharesWhatPostingsShare(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	mk := func() *model.Posting {
		return &model.Posting{
			Title:    string([]byte("Backend Engineer")),
			Company:  string([]byte("Acme")),
			Location: string([]byte("Berlin")),
			Keywords: []string{string([]byte("go")), string([]byte("sql"))},
			URL:      string([]byte("https://jobs.example/1")),
			ApplyURL: string([]byte("https://jobs.example/1/apply")),
		}
	}
	a, b := mk(), mk()
	internFields(a)
	internFields(b)
	same := func(x, y string) bool { return unsafe.StringData(x) == unsafe.StringData(y) }
	for _, f := range []struct{ name, x, y string }{
		{"title", a.Title, b.Title}, {"company", a.Company, b.Company}, {"location", a.Location, b.Location},
		{"keyword", a.Keywords[1], b.Keywords[1]},
	} {
		if f.x != f.y || !same(f.x, f.y) {
			t.Errorf("%s: %q and %q are two copies", f.name, f.x, f.y)
		}
	}
	if a.URL != "https://jobs.example/1" || a.ApplyURL != "https://jobs.example/1/apply" {
		t.Fatalf("URLs changed: %q %q", a.URL, a.ApplyURL)
	}
	if !same(a.URL, a.ApplyURL) {
		t.Error("the URL is not part of the apply URL that begins with it")
	}
	if same(a.URL, b.URL) {
		t.Error("one posting's own URL was shared with another's")
	}
}

// TestOwnFieldsLetsGoOfTheBlock checks that after ownFields no string of
// a posting decoded as substrings of one big block (as the parse cache
// decodes them) points into the block, empty ones included (an empty
// substring still keeps its block alive), and that no field changed.
func TestOwnFieldsLetsGoOfTheBlock(t *testing.T) {
	block := string([]byte("id-1|Backend Engineer|Acme|Berlin|go|sql|https://jobs.example/1/apply|$90k|full-time|" +
		"repaired mojibake|a.md|b.md|https://acme.example|"))
	at := func(s string) string {
		i := strings.Index(block, s)
		return block[i : i+len(s)]
	}
	empty := block[3:3]
	mk := func(companyURL, salary string) *model.Posting {
		p := &model.Posting{ID: at("id-1"), Title: at("Backend Engineer"), Company: at("Acme"), Location: empty,
			Keywords: []string{at("go"), at("sql"), empty}, URL: at("https://jobs.example/1"),
			ApplyURL: at("https://jobs.example/1/apply"), Salary: salary, EmploymentType: at("full-time")}
		p.SetWarnings([]string{at("repaired mojibake"), empty})
		p.SetPaths([]string{at("a.md"), at("b.md")})
		p.SetCompanyURL(companyURL)
		return p
	}
	for _, v := range [][2]string{{at("https://acme.example"), at("$90k")}, {empty, empty}} {
		p := mk(v[0], v[1])
		ownFields(p, newInternTable())
		if want := mk(v[0], v[1]); !reflect.DeepEqual(p, want) {
			t.Errorf("ownFields changed the posting:\n got %+v\nwant %+v", p, want)
		}
		for _, s := range postingStrings(p) {
			if sharesMemory(s, block) {
				t.Errorf("%q still points into the block", s)
			}
		}
	}
}

// postingStrings returns every string of p: each string field, each item
// of each list, the rare fields.
func postingStrings(p *model.Posting) []string {
	out := []string{p.CompanyURL()}
	out = append(out, p.Warnings()...)
	out = append(out, p.Paths()...)
	v := reflect.ValueOf(p).Elem()
	for i := range v.NumField() {
		if !v.Type().Field(i).IsExported() {
			continue
		}
		switch x := v.Field(i).Interface().(type) {
		case string:
			out = append(out, x)
		case []string:
			out = append(out, x...)
		}
	}
	return out
}
