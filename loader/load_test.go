package loader

import (
	"context"
	"errors"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jobdeck/jobdeck/model"
)

// want is what a fixture must load as; zero fields are not checked unless
// noted.
type want struct {
	title, company, location, date, url, apply, salary, etype string
	keywords                                                  []string
	remote                                                    bool
	warn                                                      []string // substrings, each in some warning
	noWarn                                                    bool     // no warnings at all
	body, notBody                                             []string // substrings of the body
	paths                                                     []string // Paths when deduplicated
}

var messyWant = map[string]want{
	"export/000_5f3a9c2e1b7d4a60.txt": {title: "Senior Backend Developer", company: "Tarnwick Logistics",
		location: "Hobart, Tasmania, Australia", date: "2021-02-25", keywords: []string{"golang", "postgresql", "routing", "software"},
		url:   "https://Jobs.Example.org/tarnwick/j/A1B2C3/?utm_source=board&utm_medium=feed",
		apply: "https://jobs.example.org/tarnwick/j/A1B2C3/apply/", etype: "", warn: []string{WarnMojibake},
		body: []string{"We’re looking", "PostgreSQL 🚀 and", "About Tarnwick 📧", "It’s a calm"}, notBody: []string{"‚Äô", "üöÄ", "title:"}},
	"hugo/senior-rust-engineer.md": {title: "Senior Rust Engineer", company: "Lindqvist Acoustics", location: "Gothenburg, Sweden",
		date: "2024-03-15", keywords: []string{"rust", "embedded", "dsp"}, url: "https://careers.lindqvist.example/jobs/rust-senior",
		etype: "full-time", noWarn: true, body: []string{"## What you will do"}, notBody: []string{"+++"}},
	"hugo/toml-with-table.md": {title: "Firmware Tester", company: "Lindqvist Acoustics", date: "2024-04-02",
		keywords: []string{"c", "python"}, salary: "SEK 42000–51000 per month", noWarn: true, body: []string{"Test the things"}},
	"json/platform-engineer.md": {title: "Platform Engineer", company: "Orchard Row Bank", location: "Leeds, West Yorkshire, UK",
		date: "2025-01-20", keywords: []string{"kubernetes", "terraform"}, salary: "GBP 60000–75000 per year", etype: "full-time",
		url: "https://orchardrow.example/careers/platform-engineer", noWarn: true, body: []string{"## The team"}, notBody: []string{"{", "hiringOrganization"}},
	"json/no-blank-line.md": {title: "Support Engineer", company: "Kettle & Pike", date: "2023-11-05",
		keywords: []string{"support", "linux", "sql"}, body: []string{"Help our customers"}, notBody: []string{"company_name"}},
	"markdown/data-engineer.md": {title: "Data Engineer", company: "Fernhill Cooperative", location: "Remote (Ireland)",
		salary: "€70k–€85k", remote: true, noWarn: true, body: []string{"# Data Engineer", "## About the role"}},
	"markdown/Upper.MARKDOWN": {title: "Upper Case Extension", noWarn: true},
	"plain/staff-go-developer.txt": {title: "Staff Go Developer", company: "Brightwater Instruments", location: "Utrecht, Netherlands",
		etype: "full-time", remote: true, noWarn: true,
		body: []string{"# Staff Go Developer\n", "## Job Description\n", "- Years of Go\n- Patience with hardware\n- A sense of humour\n",
			"We make sensors that float.  \nOur software reads them over flaky radio  \nand turns", "## What you will bring\n", "\\#1 rule"},
		notBody: []string{"•", "·"}},
	"plain/002_9c4e1f7a3b2d8e61.txt": {title: "Untitled posting (002_9c4e1f7a3b2d8e61)",
		body: []string{"## Expirience\n\n- Five years", "## Responsibilities\n\n- Review code kindly\n- Ship"}},
	"plain/backend-dev_2.txt": {title: "Backend Dev 2", body: []string{"## Responsibilities\n\n- Design APIs\n- Write tests\n"}},
	"crlf/qa-engineer.txt": {title: "QA Engineer", company: "Mossgiel Games", location: "Glasgow", noWarn: true,
		body: []string{"You will break our games  \nbefore players do."}, notBody: []string{"\r"}},
	"bom/bom-frontmatter.md": {title: "Site Reliability Engineer", company: "Quayside Power", location: "Cork, Ireland",
		date: "2022-06-01", keywords: []string{"sre", "go"}, noWarn: true, body: []string{"Keep the lights on."}, notBody: []string{"\uFEFF", "title:"}},
	"cp1252/munich-office.txt": {title: "Frontend Developer", company: "Hallwyl Café GmbH", location: "München",
		warn: []string{WarnCP1252}, body: []string{"“fresh” pastries – and"}},
	"mojibake/utf8-as-cp1252.md": {title: "Barista Software Lead", company: "Bean There Café", warn: []string{WarnMojibake},
		body: []string{"It’s our first"}, notBody: []string{"â€™", "Ã©"}},
	"malformed/broken-yaml.md": {title: "Mobile Developer", company: "Ashgrove Studio", warn: []string{WarnMalformed},
		body: []string{"```\ntitle: \"Mobile Developer\n", "Build our apps."}},
	"hr/leading-rule.md": {title: "Security Engineer", company: "Wrenfield Labs", noWarn: true,
		body: []string{"A short note before the posting.", "# Security Engineer"}},
	"escapes/evil.md": {title: "Evil Title ereh", company: "Spoof Corp", url: "https://evil.example/jobs/1", warn: []string{WarnControls},
		body:    []string{"Body with clipboard and DCS isolate and bell and C1 and  end"},
		notBody: []string{"\x1b", "52;", "pwned", "aGVsbG8", "\u202e", "\u2066", "\a", "544e", "apc", "31m"}},
	"dup/a/frontend.md": {title: "Frontend Engineer", company: "Gullhaven Media", url: "https://gullhaven.example/jobs/42",
		paths: []string{"dup/a/frontend.md", "dup/b/frontend-copy.md"}},
	"dup/a/same.txt": {title: "Night Shift Operator", company: "Lowmoor Mills", paths: []string{"dup/a/same.txt", "dup/b/same.txt"}},
}

var messySkips = []Skip{
	{"skips/#draft.md#", ReasonBackup},
	{"skips/.draft.md.swp", ReasonBackup},
	{"skips/.hidden.md", ReasonHidden},
	{"skips/.secret", ReasonHiddenDir},
	{"skips/binary.txt", ReasonBinary},
	{"skips/blank.txt", ReasonWhitespace},
	{"skips/empty.txt", ReasonEmpty},
	{"skips/notes.md~", ReasonBackup},
}

func messySource() []Source {
	return []Source{{FS: os.DirFS("../testdata/loader/messy"), Root: ".", Name: ""}}
}

func TestLoadMessyFixtures(t *testing.T) {
	ps, skips, err := Load(context.Background(), messySource(), Options{KeepBodies: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*model.Posting{}
	for _, p := range ps {
		got[p.Path] = p
	}
	for path, w := range messyWant {
		t.Run(path, func(t *testing.T) {
			p := got[path]
			if p == nil {
				t.Fatalf("not loaded; loaded: %v", slices.Sorted(maps.Keys(got)))
			}
			checkPosting(t, p, w)
		})
	}
	if len(ps) != len(messyWant) {
		t.Errorf("loaded %d postings, want %d", len(ps), len(messyWant))
	}
	if !slices.Equal(skips, messySkips) {
		t.Errorf("skips:\n got %v\nwant %v", skips, messySkips)
	}
	if !slices.IsSortedFunc(ps, func(a, b *model.Posting) int { return strings.Compare(a.Path, b.Path) }) {
		t.Error("postings not sorted by path")
	}
}

func checkPosting(t *testing.T, p *model.Posting, w want) {
	t.Helper()
	eq := func(name, got, want string) {
		if want != "" && got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	eq("Title", p.Title, w.title)
	eq("Company", p.Company, w.company)
	eq("Location", p.Location, w.location)
	eq("URL", p.URL, w.url)
	eq("ApplyURL", p.ApplyURL, w.apply)
	eq("Salary", p.Salary, w.salary)
	eq("EmploymentType", p.EmploymentType, w.etype)
	if w.date != "" {
		eq("Date", p.Date.Format(time.DateOnly), w.date)
	}
	if w.keywords != nil && !slices.Equal(p.Keywords, w.keywords) {
		t.Errorf("Keywords = %q, want %q", p.Keywords, w.keywords)
	}
	if p.Remote != w.remote {
		t.Errorf("Remote = %v, want %v", p.Remote, w.remote)
	}
	if w.noWarn && len(p.Warnings()) > 0 {
		t.Errorf("Warnings = %q, want none", p.Warnings())
	}
	for _, s := range w.warn {
		if !slices.ContainsFunc(p.Warnings(), func(x string) bool { return strings.Contains(x, s) }) {
			t.Errorf("Warnings = %q, want one containing %q", p.Warnings(), s)
		}
	}
	for _, s := range w.body {
		if !strings.Contains(p.Body, s) {
			t.Errorf("Body lacks %q:\n%s", s, p.Body)
		}
	}
	for _, s := range w.notBody {
		if strings.Contains(p.Body, s) {
			t.Errorf("Body holds %q:\n%s", s, p.Body)
		}
	}
	if w.paths != nil && !slices.Equal(p.Paths(), w.paths) {
		t.Errorf("Paths = %q, want %q", p.Paths(), w.paths)
	}
	if w.paths == nil && p.Paths() != nil {
		t.Errorf("Paths = %q, want nil", p.Paths())
	}
	if len(p.ID) != 16 {
		t.Errorf("ID = %q, want 16 hex digits", p.ID)
	}
	assertClean(t, p)
}

// assertClean checks the contract of every posting: valid UTF-8, no
// control characters (the body keeps \n and \t), no escape or bidi
// controls.
func assertClean(t *testing.T, p *model.Posting) {
	t.Helper()
	fields := map[string]string{"Title": p.Title, "Company": p.Company, "Location": p.Location, "URL": p.URL,
		"ApplyURL": p.ApplyURL, "Salary": p.Salary, "EmploymentType": p.EmploymentType, "ID": p.ID}
	for i, k := range p.Keywords {
		fields["Keywords["+string(rune('0'+i%10))+"]"] = k
	}
	for i, w := range p.Warnings() {
		fields["Warnings["+string(rune('0'+i%10))+"]"] = w
	}
	for name, s := range fields {
		if err := checkText(s, false); err != nil {
			t.Errorf("%s %q: %v", name, s, err)
		}
	}
	if err := checkText(p.Body, true); err != nil {
		t.Errorf("Body: %v", err)
	}
}

func checkText(s string, body bool) error {
	if !utf8.ValidString(s) {
		return errors.New("invalid UTF-8")
	}
	for _, r := range s {
		if body && (r == '\n' || r == '\t') {
			continue
		}
		if r < 0x20 || (r >= 0x7F && r < 0xA0) {
			return errors.New("control character " + strconv.QuoteRune(r))
		}
		if isBidi(r) {
			return errors.New("bidi control " + strconv.QuoteRune(r))
		}
	}
	return nil
}

func TestLoadDeterministicAcrossWorkers(t *testing.T) {
	var first []*model.Posting
	for _, workers := range []int{1, 2, 7} {
		ps, _, err := Load(context.Background(), messySource(), Options{Workers: workers, BatchSize: 3})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = ps
			continue
		}
		if len(ps) != len(first) {
			t.Fatalf("workers=%d: %d postings, want %d", workers, len(ps), len(first))
		}
		for i := range ps {
			if ps[i].Path != first[i].Path || ps[i].ID != first[i].ID || !slices.Equal(ps[i].Paths(), first[i].Paths()) {
				t.Errorf("workers=%d: posting %d = %s %s %v, want %s %s %v", workers, i,
					ps[i].Path, ps[i].ID, ps[i].Paths(), first[i].Path, first[i].ID, first[i].Paths())
			}
		}
	}
}

func TestLoadDropsBodiesAndBodyRereads(t *testing.T) {
	kept, _, err := Load(context.Background(), messySource(), Options{KeepBodies: true})
	if err != nil {
		t.Fatal(err)
	}
	dropped, _, err := Load(context.Background(), messySource(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range dropped {
		if p.Body != "" {
			t.Errorf("%s: body kept with KeepBodies=false", p.Path)
		}
		if p.Source == nil || p.SourcePath == "" {
			t.Errorf("%s: no Source/SourcePath", p.Path)
		}
		body, err := Body(p, 0)
		if err != nil {
			t.Fatalf("%s: %v", p.Path, err)
		}
		if body != kept[i].Body {
			t.Errorf("%s: Body() = %q, want the kept body %q", p.Path, body, kept[i].Body)
		}
		if p.Title != kept[i].Title || p.ID != kept[i].ID {
			t.Errorf("%s: metadata differs without bodies", p.Path)
		}
	}
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := Load(ctx, messySource(), Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
