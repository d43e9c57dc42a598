package model

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The -update flag rewrites the export goldens in testdata/export. It is
// registered only if no other test file of the package registered it first.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func updateGoldens() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// exportNow is the pinned time of the golden documents.
var exportNow = time.Date(2026, 3, 14, 16, 30, 0, 0, time.UTC)

// exportFixture returns loaded postings and a store holding: a shortlisted
// posting with tags and a two-paragraph note, a shortlisted posting full of
// formula-looking and Markdown-looking text, a tagged but not shortlisted
// posting, an untouched posting, and a shortlisted entry whose posting is
// not loaded (its file is gone). The first is interviewing after applying,
// with a follow-up; the missing one is ghosted.
func exportFixture(t *testing.T) ([]*Posting, *Store) {
	t.Helper()
	gardener := &Posting{
		ID: "u-gardener", Path: "berlin/quillfeather.md",
		Title: "Senior Backend Gardener", Company: "Quillfeather Labs", Location: "Berlin, Germany",
		Date: time.Date(2026, 2, 11, 0, 0, 0, 0, time.UTC), URL: "https://jobs.quillfeather.example/42",
		ApplyURL: "https://jobs.quillfeather.example/42/apply", Salary: "€70,000–€85,000",
		Keywords: []string{"go", "postgres"}, EmploymentType: "full-time", Remote: true,
		Body: "# Senior Backend Gardener\n\nYou will prune our services.\n",
	}
	formula := &Posting{
		ID: "c-formula", Path: "odd/formula.txt",
		Title: `=HYPERLINK("http://bad.example","Apply *now*")`, Company: "@Northwind Kiln Co",
		Location: "-Remote-", Salary: "+5% bonus", URL: "javascript:alert(1)",
		Body: "Plain body <b>bold</b> & more",
	}
	formula.SetWarnings([]string{"malformed frontmatter"})
	tagged := &Posting{
		ID: "u-weaver", Path: "lisbon/weaver.md", Title: "Loom Weaver", Company: "Tidewater Textiles",
		Location: "Lisbon", URL: "https://tidewater.example/jobs/loom",
	}
	untouched := &Posting{ID: "u-idle", Path: "idle.md", Title: "Lighthouse Keeper", Company: "Cape Beacon Trust"}

	s := openTestStore(t, filepath.Join(t.TempDir(), "state.json"))
	s.now = fixedClock(time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC))
	gone := &Posting{ID: "u-gone", Title: "Data Cartographer", Company: "Lanternfish Analytics", URL: "https://lanternfish.example/careers/7"}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SetShortlisted(gardener, true))
	must(s.SetTags(gardener, []string{"go", "remote"}))
	must(s.SetNote(gardener, "Referral from Mira.\n\nAsk about the on-call rota."))
	must(s.SetShortlisted(formula, true))
	must(s.SetTags(formula, []string{"+1", "-maybe"}))
	must(s.SetNote(formula, "=1+1 looks like a formula"))
	must(s.SetTags(tagged, []string{"Remote"}))
	must(s.SetShortlisted(gone, true))
	must(s.SetNote(gone, "Folder deleted by accident; still interested."))
	must(s.SetStage(gardener, StageApplied, time.Date(2026, 2, 20, 9, 0, 0, 0, time.UTC)))
	must(s.SetStage(gardener, StageInterviewing, time.Date(2026, 3, 2, 14, 30, 0, 0, time.UTC)))
	must(s.SetFollowUp(gardener, time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)))
	must(s.SetStage(gone, StageGhosted, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)))
	return []*Posting{gardener, formula, tagged, untouched}, s
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "testdata", "export", name)
	if updateGoldens() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden (run go test -run %s -update to create it): %v", t.Name(), err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden; got:\n%s", name, got)
	}
}

func TestExportGoldens(t *testing.T) {
	ps, s := exportFixture(t)
	items := SelectForExport(ps, s, Selection{})
	readBody := func(p *Posting) (string, error) { return p.Body, nil }
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			var b bytes.Buffer
			x := Exporter{Format: f, Now: exportNow, ReadBody: readBody}
			if err := x.Write(&b, items); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "shortlist."+f.Ext(), b.Bytes())
		})
	}
}

func TestExportEmpty(t *testing.T) {
	for f, want := range map[Format]string{
		FormatJSON:     "[]\n",
		FormatCSV:      strings.Join(csvHeader, ",") + "\n",
		FormatMarkdown: "# Shortlist — 2026-03-14\n\nNo postings.\n",
	} {
		var b bytes.Buffer
		if err := Export(&b, f, nil, exportNow); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%s: empty export = %q, want %q", f, b.String(), want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"md": FormatMarkdown, "Markdown": FormatMarkdown, " CSV ": FormatCSV, "json": FormatJSON} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "xlsx", "m d"} {
		if _, err := ParseFormat(in); !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("ParseFormat(%q) err = %v", in, err)
		}
	}
	if err := Export(&bytes.Buffer{}, Format("pdf"), nil, exportNow); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("Export(pdf) err = %v", err)
	}
}

func TestExportItemWithoutPosting(t *testing.T) {
	items := []ExportItem{{Entry: Entry{Shortlisted: true, Title: "Snapshot Only", Company: "Ghost Ltd"}}}
	for _, f := range Formats {
		var b bytes.Buffer
		if err := Export(&b, f, items, exportNow); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !strings.Contains(b.String(), "Snapshot Only") || !strings.Contains(b.String(), "Ghost Ltd") {
			t.Errorf("%s: snapshot not written:\n%s", f, b.String())
		}
	}
	if items[0].Posting != nil {
		t.Error("Export changed the caller's items")
	}
}
