package loader

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jobdeck/jobdeck/model"
)

// addFixtureSeeds adds every fixture under dir whose name ends in one of
// exts as a seed.
func addFixtureSeeds(f *testing.F, dir string, exts ...string) {
	fsys := os.DirFS(dir)
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		for _, e := range exts {
			if strings.HasSuffix(strings.ToLower(p), e) {
				if b, err := fs.ReadFile(fsys, p); err == nil {
					f.Add(b)
				}
			}
		}
		return nil
	})
}

// checkPostingClean fails on a field or body with control characters,
// escape sequences, bidi controls or invalid UTF-8, or without a title.
func checkPostingClean(t *testing.T, p *model.Posting, body string) {
	t.Helper()
	fields := []string{p.ID, p.Title, p.Company, p.Location, p.URL, p.ApplyURL, p.Salary, p.EmploymentType, p.CompanyURL(), p.Path}
	fields = append(fields, p.Keywords...)
	fields = append(fields, p.Warnings()...)
	for _, s := range fields {
		fuzzCheck(t, s, false)
	}
	fuzzCheck(t, body, true)
	if p.Title == "" {
		t.Errorf("empty title")
	}
}

// FuzzPage checks the web page reader on any input: no panic, clean
// fields and body. Its seeds are the page fixtures.
func FuzzPage(f *testing.F) {
	addFixtureSeeds(f, "../testdata/loader/pages", ".html", ".htm")
	for _, s := range []string{
		"", "<", "<script type=application/ld+json>", "<script type=application/ld+json>[[[[[[[[",
		`<script type="application/ld+json">{"@type":"JobPosting","title":{"a":[1,{"b":null}]},"jobLocation":[[],{}],"baseSalary":{"value":{"value":{}}}}</script>`,
		`<script type="application/ld+json">{"@graph":{"@graph":{"@type":["JobPosting"],"title":"\u001b[31mx"}}}</script>`,
		"<title>\x1b]0;pwned\x07</title><h1>\u202e</h1>", "<a href='javascript:x'>y</a><main><a href=//x>z</a></main>",
		"<meta property=og:title content='&#x1b;[2J'>", "<main>" + strings.Repeat("<div>", 600) + "deep",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := Parse("page.html", data)
		checkPostingClean(t, p, p.Body)
		if meta := parse("page.html", data, false); meta.ID != p.ID || meta.Title != p.Title {
			t.Errorf("metadata differs without the body: %q/%q vs %q/%q", meta.ID, meta.Title, p.ID, p.Title)
		}
	})
}

// FuzzRecords checks the JSON, JSON Lines and CSV readers on any input:
// no panic, every posting clean, its body re-read from path#N equal to
// the one kept. Its seeds are the record fixtures.
func FuzzRecords(f *testing.F) {
	addFixtureSeeds(f, "../testdata/loader/records", ".json", ".jsonl", ".csv")
	for _, s := range []string{
		"", "[", "{", "[]", "{}", `{"jobs": [`, `{"jobs": 5}`, `[{"title": "\u001b[31mA", "url": "https://a.example"}]`,
		`[{"title":"A","company":"B","description":"<script>x</script>\u0007"}, 1, "x", null]`,
		`{"data": [{"text": "T", "categories": {"location": ["a", {"b": 1}]}, "lists": [{"text": 3, "content": 4}]}]}`,
		"title,company\n\"A\x1b[2J\",B\n\"unterminated,x\n", "\xef\xbb\xbftitle\n\xff\xfe\n", strings.Repeat("[", 300),
		`[{"title":"A","company":"B","salary_min":"1e400","pay_input_ranges":[{"min_cents":"x"}]}]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.json", "f.jsonl", "f.csv"} {
			fsys := fstest.MapFS{name: {Data: data}}
			src := []Source{{FS: fsys, Root: "."}}
			kept, _, err := Load(context.Background(), src, Options{KeepBodies: true})
			if err != nil {
				t.Fatal(err)
			}
			dropped, _, _ := Load(context.Background(), src, Options{})
			if len(kept) != len(dropped) {
				t.Fatalf("%s: %d postings with bodies, %d without", name, len(kept), len(dropped))
			}
			for i, p := range dropped {
				body, err := Body(p, 0)
				if err != nil {
					t.Fatalf("%s: Body: %v", name, err)
				}
				checkPostingClean(t, p, body)
				if body != kept[i].Body {
					t.Errorf("%s: re-read body %q, kept %q", p.Path, body, kept[i].Body)
				}
			}
		}
	})
}
