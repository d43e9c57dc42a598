package loader

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// recordWant is what a record fixture must give; empty strings and nil
// are checked too (a field must stay empty).
type recordWant struct {
	title, company, location, date, url, apply, salary, etype string
	remote                                                    bool
	keywords                                                  []string
	applied                                                   string
	body                                                      []string // substrings of the body
	notBody                                                   []string
}

func loadRecordsFixtures(t *testing.T) (map[string]*model.Posting, []Skip) {
	t.Helper()
	ps, skips, err := Load(context.Background(), []Source{{FS: os.DirFS("../testdata/loader/records"), Root: "."}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]*model.Posting{}
	for _, p := range ps {
		by[p.Path] = p
	}
	return by, skips
}

func TestRecordFixtures(t *testing.T) {
	by, skips := loadRecordsFixtures(t)
	for path, w := range map[string]recordWant{
		"greenhouse.json#0": {title: "Backend Engineer, Payments", company: "Tallowmere", location: "Lisbon, Portugal",
			date: "2026-09-20T12:00:00Z", url: "https://boards.greenhouse.io/tallowmere/jobs/4100001",
			salary: "EUR 60000–85000 per year", keywords: []string{"Engineering"},
			body: []string{"Tallowmere builds ledgers", "## What you will do", "- Own the settlement service"}, notBody: []string{"&lt;", "<p>"}},
		"greenhouse.json#1": {title: "Data Analyst", company: "Tallowmere", location: "Remote - Europe", remote: true,
			date: "2026-10-05T14:00:00Z", url: "https://boards.greenhouse.io/tallowmere/jobs/4100002", keywords: []string{"Analytics"}},
		"lever.json#0": {title: "Site Reliability Engineer", company: "Orrery Labs", location: "Remote, Canada", date: "2025-11-01T10:00:00Z",
			url: "https://jobs.lever.co/orrery-labs/5a1c9e0b-0000-4000-8000-000000000001", apply: "https://jobs.lever.co/orrery-labs/5a1c9e0b-0000-4000-8000-000000000001/apply",
			salary: "CAD 120000–150000 per year", etype: "full-time", remote: true, keywords: []string{"Infrastructure", "SRE"},
			body: []string{"**Orrery Labs** keeps", "## You will", "- Tune Postgres", "## You have", "We answer every application."}},
		"lever.json#1": {title: "Office Coordinator", company: "Orrery Labs", location: "Halifax, NS", date: "2025-11-02T10:00:00Z",
			url: "https://jobs.lever.co/orrery-labs/5a1c9e0b-0000-4000-8000-000000000002", etype: "part-time", keywords: []string{"People"}},
		"ashby.json#0": {title: "Product Designer", company: "Fjordlight", location: "Oslo", date: "2026-11-03T12:00:00Z",
			url: "https://jobs.ashbyhq.com/fjordlight/8c2d", apply: "https://jobs.ashbyhq.com/fjordlight/8c2d/application",
			salary: "NOK 700K – 850K", etype: "full-time",
			body: []string{"## About Fjordlight", "[meet the team](https://fjordlight.example/team)", "Click or"}, notBody: []string{"javascript", "[Click]"}},
		"ashby.json#1": {title: "Support Engineer", company: "Fjordlight", location: "Anywhere", date: "2026-11-04T12:00:00Z",
			url: "https://jobs.ashbyhq.com/fjordlight/9d3e", etype: "contract", remote: true},
		"remotive.json#0": {title: "Rust Engineer", company: "Quarrystone", location: "Europe, UK", date: "2026-10-28T14:02:11Z",
			url: "https://remote.example.io/remote-jobs/software-dev/rust-engineer-700001", salary: "$110k - $140k", etype: "full-time",
			keywords: []string{"rust", "tokio", "postgres"}, body: []string{"**gravel**"}, notBody: []string{"track()", "px.gif"}},
		"remotive.json#1": {title: "Technical Writer", company: "Inkwell Works", location: "Worldwide", date: "2026-10-29T09:00:00Z",
			url: "https://remote.example.io/remote-jobs/writing/tech-writer-700002", etype: "contract", keywords: []string{"Writing"}},
		"remoteok.json#1": {title: "Elixir Developer", company: "Glimmerfen", location: "Worldwide", date: "2026-11-23T12:13:20Z",
			url: "https://remote.example.com/remote-jobs/300001", apply: "https://remote.example.com/l/300001", salary: "90000–120000",
			keywords: []string{"elixir", "phoenix", "dev"}, body: []string{"Glimmerfen lights marshes."}},
		"remoteok.json#2": {title: "Ops Lead", company: "Brackwater", date: "2026-11-22T08:00:00Z",
			url: "https://remote.example.com/remote-jobs/300002", keywords: []string{"ops"}},
		"jobspy.csv#0": {title: "Marine Data Engineer", company: "Kelpforge", location: "Portland, OR, US", date: "2026-11-01T00:00:00Z",
			url: "https://www.example.com/viewjob?jk=aa11", apply: "https://careers.kelpforge.example/jobs/1",
			salary: "USD 130000–160000 per year", etype: "full-time", body: []string{"We farm kelp.\n\n**You will** build pipelines."}},
		"jobspy.csv#1": {title: "Junior QA Tester", company: "Saltmarsh Games", location: "Remote, US", date: "2026-11-02T00:00:00Z",
			url: "https://www.example.com/jobs/view/222", salary: "USD 25–30 per hour", etype: "internship", remote: true},
		"scrape.json#0": {title: "Platform Engineer", company: "Tidewright", location: "Remote", date: "2026-11-05T00:00:00Z",
			url: "https://www.example.com/job-listing/333", salary: "EUR 9000–11000 per month", etype: "contract", remote: true},
		"postings.jsonl#0": {title: "Cheese Sommelier", company: "Curdle & Whey", date: "2026-09-01T00:00:00Z",
			url: "https://curdle.example/jobs/1", keywords: []string{"cheese"}, body: []string{"Taste the cheese."}},
		"postings.jsonl#1": {title: "Night Baker", company: "Crumb & Co", date: "2026-09-02T00:00:00Z", url: "https://crumb.example/jobs/7"},
		"linkedin/Job Applications.csv#0": {title: "Embedded Engineer", company: "Lanternfish Robotics", date: "2025-11-23T19:24:00Z",
			url: "https://www.example.com/jobs/view/4000000001", applied: "2025-11-23T19:24:00Z"},
		"linkedin/Job Applications.csv#1": {title: "Backend Developer", company: "Copperleaf", date: "2025-10-02T11:05:00Z",
			url: "https://www.example.com/jobs/view/4000000003", applied: "2025-10-02T11:05:00Z"},
		"linkedin/Saved Jobs.csv#1": {title: "Staff Engineer, Compilers", company: "Moth & Lamp", date: "2025-11-21T16:05:00Z",
			url: "https://www.example.com/jobs/view/4000000002"},
	} {
		t.Run(path, func(t *testing.T) {
			p := by[path]
			if p == nil {
				t.Fatalf("not loaded; have %v", keysOf(by))
			}
			checkRecord(t, p, w)
		})
	}
	// The saved job also in the applications is one posting with both paths.
	if p := by["linkedin/Job Applications.csv#0"]; !slices.Equal(p.Paths(), []string{"linkedin/Job Applications.csv#0", "linkedin/Saved Jobs.csv#0"}) {
		t.Errorf("Paths = %q", p.Paths())
	}
	wantSkips := []Skip{
		{"package.json", ReasonNotPostings},
		{"postings.jsonl", "2 records are not postings (or not valid JSON)"},
		{"settings.json", ReasonNotPostings},
	}
	if !slices.Equal(skips, wantSkips) {
		t.Errorf("skips = %q, want %q", skips, wantSkips)
	}
}

func keysOf(m map[string]*model.Posting) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func checkRecord(t *testing.T, p *model.Posting, w recordWant) {
	t.Helper()
	date, applied := "", ""
	if !p.Date.IsZero() {
		date = p.Date.Format(time.RFC3339)
	}
	if !p.Applied().IsZero() {
		applied = p.Applied().Format(time.RFC3339)
	}
	for _, c := range [][3]string{
		{"Title", p.Title, w.title}, {"Company", p.Company, w.company}, {"Location", p.Location, w.location},
		{"Date", date, w.date}, {"URL", p.URL, w.url}, {"ApplyURL", p.ApplyURL, w.apply}, {"Salary", p.Salary, w.salary},
		{"EmploymentType", p.EmploymentType, w.etype}, {"Applied", applied, w.applied},
	} {
		if c[1] != c[2] {
			t.Errorf("%s = %q, want %q", c[0], c[1], c[2])
		}
	}
	if p.Remote != w.remote {
		t.Errorf("Remote = %v, want %v", p.Remote, w.remote)
	}
	if !slices.Equal(p.Keywords, w.keywords) {
		t.Errorf("Keywords = %q, want %q", p.Keywords, w.keywords)
	}
	body, err := Body(p, 0)
	if err != nil {
		t.Fatalf("Body: %v", err)
	}
	for _, s := range w.body {
		if !strings.Contains(body, s) {
			t.Errorf("body lacks %q:\n%s", s, body)
		}
	}
	for _, s := range w.notBody {
		if strings.Contains(body, s) {
			t.Errorf("body has %q:\n%s", s, body)
		}
	}
}

// TestRecordBodiesKeptOrReRead checks that a record's body is the same
// whether the load keeps it or Body reads it again from path#N, and that
// IDs come from the URL.
func TestRecordBodiesKeptOrReRead(t *testing.T) {
	src := []Source{{FS: os.DirFS("../testdata/loader/records"), Root: "."}}
	kept, _, err := Load(context.Background(), src, Options{KeepBodies: true})
	if err != nil {
		t.Fatal(err)
	}
	dropped, _, _ := Load(context.Background(), src, Options{})
	if len(kept) != len(dropped) || len(kept) < 15 {
		t.Fatalf("%d postings kept, %d dropped", len(kept), len(dropped))
	}
	for i, p := range dropped {
		if p.Body != "" {
			t.Errorf("%s: body kept without KeepBodies", p.Path)
		}
		b, err := Body(p, 0)
		if err != nil || b != kept[i].Body || p.ID != kept[i].ID {
			t.Errorf("%s: re-read body %q (%v), kept %q", p.Path, b, err, kept[i].Body)
		}
		if p.ID != hashID("url:", normalizeURL(p.URL)) {
			t.Errorf("%s: ID not from the URL", p.Path)
		}
	}
}

func TestRecordFilesSkipped(t *testing.T) {
	fsys := fstest.MapFS{
		"empty.json":   {Data: nil},
		"space.csv":    {Data: []byte("  \n\n")},
		"bin.jsonl":    {Data: []byte("{\"a\x00\": 1}")},
		"notitle.csv":  {Data: []byte("name,amount\nbread,3\n")},
		"scalar.json":  {Data: []byte("42")},
		"broken.json":  {Data: []byte("[{\"title\": ")},
		"numbers.json": {Data: []byte("[1, 2, 3, 4, 5, 6, 7]")},
		"huge.json":    {Data: []byte(`{"blob": "` + strings.Repeat("x", maxRecord+1<<20) + `"}`)},
	}
	ps, skips, err := Load(context.Background(), []Source{{FS: fsys, Root: "."}}, Options{})
	if err != nil || len(ps) != 0 {
		t.Fatalf("postings %v, err %v", ps, err)
	}
	want := []Skip{{"bin.jsonl", ReasonBinary}, {"broken.json", ReasonNotPostings}, {"empty.json", ReasonEmpty},
		{"huge.json", ReasonNotPostings + ": " + errRecordTooLarge.Error()},
		{"notitle.csv", ReasonNotPostings}, {"numbers.json", ReasonNotPostings}, {"scalar.json", ReasonNotPostings},
		{"space.csv", ReasonWhitespace}}
	if !slices.Equal(skips, want) {
		t.Errorf("skips = %q\nwant %q", skips, want)
	}
}

func TestRecordProgressCounts(t *testing.T) {
	fsys := fstest.MapFS{
		"a.jsonl": {Data: []byte("{\"title\":\"A\",\"company\":\"X\"}\n{\"title\":\"B\",\"company\":\"X\"}\n{\"x\":1}\n")},
		"b.md":    {Data: []byte("# C\n")},
	}
	var last Progress
	n := 0
	for b := range Stream(context.Background(), []Source{{FS: fsys, Root: "."}}, Options{}) {
		n += len(b.Postings)
		last = b.Progress
	}
	if n != 3 || last.Loaded != 3 || last.Skipped != 1 || last.Seen != last.Loaded+last.Skipped {
		t.Errorf("postings %d, progress %+v", n, last)
	}
}

func TestFileOf(t *testing.T) {
	for in, want := range map[string]string{
		"dir/jobs.json#3": "dir/jobs.json", "a.csv#0": "a.csv", "x.jsonl#12": "x.jsonl",
		"notes#3.md": "notes#3.md", "a.md#2": "a.md#2", "jobs.json#x": "jobs.json#x", "jobs.json": "jobs.json",
	} {
		if got := FileOf(in); got != want {
			t.Errorf("FileOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAppliedSurvivesDedupe checks that a saved job and the same job in
// the applications export are one posting with the application date,
// whichever file comes first.
func TestAppliedSurvivesDedupe(t *testing.T) {
	saved := []byte("Saved Date,Job Url,Job Title,Company Name\n\"11/20/25, 9:41 AM\",https://jobs.example/1,Welder,Sparkline\n")
	applied := []byte("Application Date,Company Name,Job Title,Job Url\n\"11/23/25, 7:24 PM\",Sparkline,Welder,https://jobs.example/1\n")
	fsys := fstest.MapFS{"a/Saved Jobs.csv": {Data: saved}, "b/Job Applications.csv": {Data: applied}}
	ps, _, err := Load(context.Background(), []Source{{FS: fsys, Root: "."}}, Options{})
	if err != nil || len(ps) != 1 {
		t.Fatalf("%d postings, %v", len(ps), err)
	}
	if got := ps[0].Applied().Format(time.RFC3339); got != "2025-11-23T19:24:00Z" || ps[0].Path != "a/Saved Jobs.csv#0" {
		t.Errorf("Applied %s, Path %s", got, ps[0].Path)
	}
	p := &model.Posting{Path: "x"}
	Merge{Path: "y", Applied: ps[0].Applied()}.Apply(p)
	if !p.Applied().Equal(ps[0].Applied()) || !slices.Equal(p.Paths(), []string{"x", "y"}) {
		t.Errorf("Apply: %+v", p)
	}
}
