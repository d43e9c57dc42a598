package model

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
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
// not loaded (its file is gone).
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
		Warnings: []string{"malformed frontmatter"},
		Body:     "Plain body <b>bold</b> & more",
	}
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

func TestExportSelectsShortlistThenMissing(t *testing.T) {
	ps, s := exportFixture(t)
	items := SelectForExport(ps, s, Selection{})
	var ids []string
	for _, it := range items {
		ids = append(ids, it.Posting.ID)
		if it.Missing != (it.Posting.ID == "u-gone") {
			t.Errorf("%s: Missing = %v", it.Posting.ID, it.Missing)
		}
	}
	if got, want := strings.Join(ids, " "), "u-gardener c-formula u-gone"; got != want {
		t.Errorf("selected %q, want %q", got, want)
	}
	gone := items[2]
	if gone.Posting.Title != "Data Cartographer" || gone.Posting.Company != "Lanternfish Analytics" {
		t.Errorf("missing posting not built from the snapshot: %+v", gone.Posting)
	}
}

func TestExportSelections(t *testing.T) {
	ps, s := exportFixture(t)
	cases := []struct {
		sel         Selection
		export      string
		list, title string
	}{
		{Selection{}, "u-gardener c-formula u-gone", "u-gardener c-formula", "Shortlist"},
		{Selection{All: true}, "u-gardener c-formula u-weaver u-idle u-gone", "u-gardener c-formula u-weaver u-idle", "Postings"},
		{Selection{Tag: "REMOTE"}, "u-gardener u-weaver", "u-gardener u-weaver", "Tagged “REMOTE”"},
		{Selection{Tag: "nobody-uses-this"}, "", "", "Tagged “nobody-uses-this”"},
	}
	for _, c := range cases {
		var ids []string
		for _, it := range SelectForExport(ps, s, c.sel) {
			ids = append(ids, it.Posting.ID)
		}
		if got := strings.Join(ids, " "); got != c.export {
			t.Errorf("SelectForExport(%+v) = %q, want %q", c.sel, got, c.export)
		}
		ids = nil
		for _, p := range SelectPostings(ps, s, c.sel) {
			ids = append(ids, p.ID)
		}
		if got := strings.Join(ids, " "); got != c.list {
			t.Errorf("SelectPostings(%+v) = %q, want %q", c.sel, got, c.list)
		}
		if got := c.sel.Title(); got != c.title {
			t.Errorf("Title(%+v) = %q, want %q", c.sel, got, c.title)
		}
	}
}

func TestSelectWithoutStoreAndDuplicates(t *testing.T) {
	p := &Posting{ID: "a", Title: "Glassblower"}
	if got := SelectForExport([]*Posting{p, p, nil}, nil, Selection{All: true}); len(got) != 1 {
		t.Errorf("duplicate or nil postings selected: %d items", len(got))
	}
	if got := SelectPostings([]*Posting{p}, nil, Selection{}); len(got) != 0 {
		t.Errorf("nil store has a shortlist: %v", got)
	}
}

func TestCSVCellsAreDefused(t *testing.T) {
	ps, s := exportFixture(t)
	var b bytes.Buffer
	if err := Export(&b, FormatCSV, SelectForExport(ps, s, Selection{}), exportNow); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("export is not valid CSV: %v", err)
	}
	if len(rows) != 4 || len(rows[0]) != len(csvHeader) {
		t.Fatalf("got %d rows of %d cells", len(rows), len(rows[0]))
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts with a formula character", cell)
			}
		}
	}
	if got := rows[2][1]; got != `'=HYPERLINK("http://bad.example","Apply *now*")` {
		t.Errorf("formula title cell = %q", got)
	}
	for _, c := range []struct{ in, want string }{
		{"=1", "'=1"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@x", "'@x"}, {"\tx", "'\tx"}, {"\rx", "'\rx"},
		{"a=1", "a=1"}, {"", ""},
	} {
		if got := csvSafe(c.in); got != c.want {
			t.Errorf("csvSafe(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestJSONExportShape(t *testing.T) {
	ps, s := exportFixture(t)
	items := SelectForExport(ps, s, Selection{})
	x := Exporter{Format: FormatJSON, Now: exportNow, ReadBody: func(p *Posting) (string, error) {
		if p.ID == "c-formula" {
			return "", errors.New("file vanished")
		}
		return "re-read " + p.ID, nil
	}}
	var b bytes.Buffer
	if err := x.Write(&b, items); err != nil {
		t.Fatal(err)
	}
	var recs []map[string]any
	if err := json.Unmarshal(b.Bytes(), &recs); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, b.Bytes())
	}
	if len(recs) != 3 {
		t.Fatalf("%d records", len(recs))
	}
	for _, k := range []string{"id", "path", "title", "company", "location", "date", "keywords", "url", "apply_url", "salary", "employment_type", "warnings", "body", "shortlisted", "tags", "note"} {
		if _, ok := recs[0][k]; !ok {
			t.Errorf("record lacks %q", k)
		}
	}
	if recs[0]["body"] != "re-read u-gardener" {
		t.Errorf("body not read through ReadBody: %q", recs[0]["body"])
	}
	warnings, _ := recs[1]["warnings"].([]any)
	if recs[1]["body"] != "" || len(warnings) != 2 || !strings.Contains(warnings[1].(string), "file vanished") {
		t.Errorf("failed body read: body %q, warnings %v", recs[1]["body"], warnings)
	}
	if _, ok := recs[0]["missing"]; ok {
		t.Error("loaded posting is marked missing")
	}
	if recs[2]["missing"] != true || recs[2]["title"] != "Data Cartographer" || recs[2]["shortlisted"] != true {
		t.Errorf("missing record = %v", recs[2])
	}
	if len(ps[1].Warnings) != 1 {
		t.Errorf("export changed the posting's warnings: %q", ps[1].Warnings)
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

func TestMarkdownEscapes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"C++ *Lead*", `C++ \*Lead\*`},
		{"a_b [x](y) <b>", `a\_b \[x\](y) \<b\>`},
		{"line\nbreak", "line break"},
	} {
		if got := mdInline(c.in); got != c.want {
			t.Errorf("mdInline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := mdLink("https://x.example/a?b=1"); got != "<https://x.example/a?b=1>" {
		t.Errorf("mdLink = %q", got)
	}
	if got := mdLink("javascript:alert(1)"); strings.HasPrefix(got, "<") {
		t.Errorf("mdLink made a link of %q", got)
	}
	if got := mdCode("a`b"); got != "``a`b``" {
		t.Errorf("mdCode = %q", got)
	}
}
