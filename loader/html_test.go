package loader

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jobdeck/jobdeck/model"
)

func TestPageFixtures(t *testing.T) {
	ps, skips, err := Load(context.Background(), []Source{{FS: os.DirFS("../testdata/loader/pages"), Root: "."}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]*model.Posting{}
	for _, p := range ps {
		by[p.Path] = p
	}
	type want struct {
		recordWant
		companyURL string
		noStruct   bool
	}
	for path, w := range map[string]want{
		"jsonld-object.html": {recordWant: recordWant{title: "Firmware Engineer", company: "Brindlewood Instruments",
			location: "Ghent, East Flanders, BE", date: "2026-10-12T00:00:00Z", url: "https://brindlewood.example/careers/fw-12",
			salary: "EUR 55000–70000 per year", etype: "full-time",
			body: []string{"**tuning forks**", "### You will", "- Write C for tiny chips"}, notBody: []string{"Home", "See the description"}},
			companyURL: "https://brindlewood.example"},
		"jsonld-array.html": {recordWant: recordWant{title: "Remote Support Specialist", company: "Peppercorn Post",
			location: "Ireland; Portugal", date: "2026-11-02T07:30:00Z", url: "https://peppercorn.example/jobs/support",
			apply: "https://peppercorn.example/jobs/support", salary: "EUR 18 per hour", etype: "part-time, temporary", remote: true,
			body: []string{"Help customers find their parcels."}}},
		"jsonld-graph.html": {recordWant: recordWant{title: "Orchard Data Scientist", company: "Hollowbrook Cider",
			location: "Hereford, UK; Bristol, United Kingdom", date: "2026-01-01T00:00:00Z", salary: "GBP 400–550 per day", etype: "contract",
			body: []string{"Predict the apple harvest."}, notBody: []string{"&lt;", "<p>"}}},
		"jsonld-blocks.html": {recordWant: recordWant{title: "Mosaic Pipeline Engineer", company: "Tessellate Tiles", location: "Porto, PT",
			date: "2026-08-30T00:00:00Z", url: "https://tessellate.example/jobs/7?utm_source=feed", salary: "EUR 48000", etype: "full-time",
			body: []string{"Lay tiles in Go."}}, companyURL: "https://tessellate.example"},
		"no-jsonld.html": {recordWant: recordWant{title: "Kiln Operator", url: "https://emberline.example/jobs/kiln",
			body:    []string{"# Kiln Operator", "*stoneware*", "## What you bring", "- Heat-proof gloves"},
			notBody: []string{"All jobs", "About", "Apply", "pixel", "color: red", "© Emberline", "email"}}, noStruct: true},
		"hostile.html": {recordWant: recordWant{title: "Evil Title", company: "Bad Corp", date: "2026-07-07T00:00:00Z",
			body:    []string{"Line one click blink", "steal data [fine](https://ok.example/x)"},
			notBody: []string{"javascript", "data:", "alert", "evil.example", "onclick", "\x1b", "\a", "p{}"}}},
		"Saved_Job.html": {recordWant: recordWant{title: "Glassblower", body: []string{"Blow glass at Fennick."}}, noStruct: true},
	} {
		t.Run(path, func(t *testing.T) {
			p := by[path]
			if p == nil {
				t.Fatalf("not loaded; have %v", keysOf(by))
			}
			checkRecord(t, p, w.recordWant)
			if p.CompanyURL() != w.companyURL {
				t.Errorf("CompanyURL = %q, want %q", p.CompanyURL(), w.companyURL)
			}
			if got := slices.Contains(p.Warnings(), WarnNoStructured); got != w.noStruct {
				t.Errorf("warnings %q: no-structured-data warning %v, want %v", p.Warnings(), got, w.noStruct)
			}
		})
	}
	if len(ps) != 7 {
		t.Errorf("%d postings, want 7 (nothing from the assets folder)", len(ps))
	}
	if want := []Skip{{"Saved_Job_files", ReasonPageAssets}}; !slices.Equal(skips, want) {
		t.Errorf("skips = %q, want %q", skips, want)
	}
}

func TestPageAssetsOnlyBesideTheirPage(t *testing.T) {
	fsys := fstest.MapFS{
		"Other_files/a.md":     {Data: []byte("# A\n")},
		"Page.htm":             {Data: []byte("<title>P</title>")},
		"Page_files/frame.htm": {Data: []byte("<title>F</title>")},
		"notes-files/b.md":     {Data: []byte("# B\n")},
	}
	ps, skips, err := Load(context.Background(), []Source{{FS: fsys, Root: "."}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	if want := []string{"Other_files/a.md", "Page.htm", "notes-files/b.md"}; !slices.Equal(paths, want) {
		t.Errorf("paths = %q, want %q", paths, want)
	}
	if len(skips) != 1 || skips[0].Path != "Page_files" {
		t.Errorf("skips = %q", skips)
	}
}

func TestPageBodyCut(t *testing.T) {
	page := "<html><body><main>" + strings.Repeat("<p>"+strings.Repeat("word ", 40)+"</p>\n", 2000) + "</main></body></html>"
	p := parsePage("big.html", []byte(page), true, scan([]byte(page)), nil, 64<<10)
	if len(p.Body) > 64<<10 || !slices.ContainsFunc(p.Warnings(), func(w string) bool { return strings.HasPrefix(w, WarnCut) }) {
		t.Errorf("body %d bytes, warnings %q", len(p.Body), p.Warnings())
	}
}
