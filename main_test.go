package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// runCmd runs jobdeck's CLI in-process and returns its exit code and output.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// isolate points the state file, the config folder and the parse cache
// at temp dirs so tests never touch the user's real state, config or cache.
func isolate(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "state.json")
	t.Setenv("JOBDECK_STATE", p)
	t.Setenv("JOBDECK_CONFIG", "")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	return p
}

func TestListJSONOnMessyFolder(t *testing.T) {
	isolate(t)
	code, out, errOut := runCmd(t, "list", "--json", "testdata/demo")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	got := map[string]model.Record{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 4<<20)
	for sc.Scan() {
		var r model.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line is not JSON: %v\n%s", err, sc.Text())
		}
		if r.ID == "" || r.Path == "" || r.Body == "" {
			t.Errorf("record lacks id, path or body: %+v", r)
		}
		got[r.Title] = r
	}
	want := map[string]string{ // title -> company
		"Senior Backend Engineer (Go)":            "Northwind Parcel",       // YAML in .txt, Mac Roman mojibake
		"Platform Engineer":                       "Fernhill Observatory",   // TOML
		"Data Engineer":                           "Quillstone Books",       // JSON, hiringOrganization.name
		"Frontend Developer (TypeScript, Svelte)": "",                       // markdown # H1
		"Site Reliability Engineer":               "Harborlight Ferries",    // plain text, Key: value
		"Android Engineer":                        "Tilework Surveys",       // section word first: title from file name
		"iOS Engineer":                            "Brightwater Health",     // BOM + CRLF
		"Business Analyst (German/English)":       "Alpenrand Versicherung", // Windows-1252
		"Support Engineer, Nights":                "Pebblecove Hosting",     // malformed YAML
		"Security Engineer Application Security":  "Cinderevil Labs",        // escapes and bidi stripped
		"Head Barista & Trainer":                  "Café Oriel",             // â€™ mojibake
		"Product Design Lead":                     "",                       // leading --- rule
	}
	for title, company := range want {
		r, ok := got[title]
		if !ok {
			t.Errorf("missing posting %q; got titles %v", title, keys(got))
			continue
		}
		if r.Company != company {
			t.Errorf("%q: company %q, want %q", title, r.Company, company)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d postings, want %d: %v", len(got), len(want), keys(got))
	}

	nw := got["Senior Backend Engineer (Go)"]
	if len(nw.Paths) != 2 {
		t.Errorf("duplicate not merged: paths %v", nw.Paths)
	}
	if !strings.Contains(nw.Body, "You’ll own services") || strings.Contains(nw.Body, "‚Äô") {
		t.Errorf("mojibake not repaired in body:\n%s", nw.Body)
	}
	if !slices.Contains(nw.Keywords, "postgresql") || nw.Date == "" {
		t.Errorf("hashtags or epoch-ms timestamp not read: %+v", nw)
	}
	if !strings.Contains(got["Business Analyst (German/English)"].Location, "München") {
		t.Errorf("Windows-1252 not decoded: %q", got["Business Analyst (German/English)"].Location)
	}
	if w := got["Support Engineer, Nights"].Warnings; len(w) == 0 {
		t.Errorf("malformed frontmatter gave no warning")
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.ContainsAny(line, "\x1b\u202e\x07") || strings.Contains(line, `\u001b`) {
			t.Errorf("escape or bidi character in output: %q", line)
		}
	}

	for _, skip := range []string{"notes-empty.txt: empty", "scan.txt: binary", ".draft-hidden.md: hidden"} {
		if !strings.Contains(errOut, skip) {
			t.Errorf("stderr lacks skip %q:\n%s", skip, errOut)
		}
	}
	if !strings.Contains(errOut, "loaded 12 postings from 16 files (3 skipped)") {
		t.Errorf("summary line wrong:\n%s", errOut)
	}
}

func keys(m map[string]model.Record) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func TestListPlainAndQuery(t *testing.T) {
	isolate(t)
	code, out, _ := runCmd(t, "list", "--demo", "--query", "backend senior")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if first := strings.SplitN(out, "\n", 2)[0]; !strings.HasPrefix(first, "Senior Backend Engineer (Go) — Northwind Parcel — Remote, Europe — ") {
		t.Errorf("terms in any order should find the posting first; got %q", first)
	}
	// Flags may follow the PATHs.
	code, out2, _ := runCmd(t, "list", "testdata/demo", "--query", "backend senior")
	if code != exitOK || out2 != out {
		t.Errorf("flags after PATH: exit %d, output\n%s\nwant\n%s", code, out2, out)
	}
	code, all, _ := runCmd(t, "list", "--demo")
	if code != exitOK || strings.Count(all, "\n") != 12 {
		t.Errorf("plain list: exit %d, %d lines:\n%s", code, strings.Count(all, "\n"), all)
	}
	if first := strings.SplitN(all, "\n", 2)[0]; !strings.HasPrefix(first, "Head Barista & Trainer") {
		t.Errorf("default sort is newest first; got %q", first)
	}
}

func TestUsageAndExitCodes(t *testing.T) {
	isolate(t)
	tests := []struct {
		args    []string
		code    int
		out     string // substring of stdout
		errLine string // substring of stderr
	}{
		{[]string{"--help"}, exitOK, "Usage:", ""},
		{[]string{"list", "-h"}, exitOK, "Usage:", ""},
		{[]string{"--version"}, exitOK, "jobdeck ", ""},
		{[]string{"list", "no/such/folder"}, exitUsage, "", "no/such/folder"},
		{[]string{"no/such/folder"}, exitUsage, "", "no/such/folder"},
		{[]string{"list", "--bogus"}, exitUsage, "", "-bogus"},
		{[]string{"list", "--sort", "sideways", "--demo"}, exitUsage, "", "sideways"},
		{[]string{"--style", "neon", "--demo"}, exitUsage, "", "neon"},
		{[]string{"export", "--format", "pdf", "--demo"}, exitUsage, "", "pdf"},
		{[]string{"list", "--demo", "testdata"}, exitUsage, "", "--demo"},
	}
	for _, tt := range tests {
		code, out, errOut := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errOut, tt.errLine) {
			t.Errorf("jobdeck %v: exit %d (want %d)\nstdout: %q\nstderr: %q", tt.args, code, tt.code, out, errOut)
		}
		if tt.code == exitUsage && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("jobdeck %v: usage error should be one line, got:\n%s", tt.args, errOut)
		}
	}
}

func TestExportCommand(t *testing.T) {
	statePath := isolate(t)
	// Shortlist one posting through the store, as the browser would.
	st, err := model.OpenStore(statePath)
	if err != nil {
		t.Fatal(err)
	}
	gone := &model.Posting{ID: "gone-1", Title: "Gone Posting", Company: "=HYPERLINK(\"x\")"}
	if _, err := st.ToggleShortlist(gone); err != nil {
		t.Fatal(err)
	}
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "export", "--demo", "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Gone Posting") || !strings.Contains(out, "'=HYPERLINK") {
		t.Errorf("missing posting or formula guard absent in CSV:\n%s", out)
	}
	dst := filepath.Join(t.TempDir(), "out.md")
	if code, _, errOut := runCmd(t, "export", "--demo", "--output", dst); code != exitOK {
		t.Fatalf("export --output: exit %d: %s", code, errOut)
	}
	before, _ := os.ReadFile(dst)
	if code, _, errOut := runCmd(t, "export", "--demo", "--output", dst); code != exitFailure || !strings.Contains(errOut, "--force") {
		t.Errorf("second export over the same file: exit %d, stderr %q; want refusal naming --force", code, errOut)
	}
	after, _ := os.ReadFile(dst)
	if !bytes.Equal(before, after) || !strings.Contains(string(after), "Gone Posting") {
		t.Errorf("existing export changed or incomplete:\n%s", after)
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var out []debug.BuildSetting
		for i := 0; i+1 < len(kv); i += 2 {
			out = append(out, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return out
	}
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "(devel)"},
		{"module version", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},
		{"checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("vcs.revision", "58bdeb3b6bd42a41657ce112344f497052f8b36c", "vcs.time", "2026-12-01T09:35:50Z", "vcs.modified", "false")},
			"(devel) 58bdeb3b6bd4 2026-12-01T09:35:50Z"},
		{"modified checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("vcs.revision", "abc", "vcs.modified", "true")}, "(devel) abc (modified)"},
		{"no stamp", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "(devel)"},
	}
	for _, tt := range tests {
		if got := versionFrom(tt.bi); got != tt.want {
			t.Errorf("%s: versionFrom = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// trackDemo records, in the state file at statePath, an application to
// the demo's Northwind posting with a follow-up that is long due, an
// interview at Fernhill with a follow-up far ahead, and a rejection for a
// posting outside the demo. It returns the two demo postings.
func trackDemo(t *testing.T, statePath string) (applied, interviewing *model.Posting) {
	t.Helper()
	_, out, _ := runCmd(t, "list", "--demo", "--json")
	for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
		var r model.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		p := &model.Posting{ID: r.ID, Title: r.Title, Company: r.Company, URL: r.URL}
		switch r.Company {
		case "Northwind Parcel":
			applied = p
		case "Fernhill Observatory":
			interviewing = p
		}
	}
	if applied == nil || interviewing == nil {
		t.Fatalf("demo postings not found in:\n%s", out)
	}
	st, err := model.OpenStore(statePath)
	if err != nil {
		t.Fatal(err)
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	outside := &model.Posting{ID: "elsewhere", Title: "Elsewhere Role", Company: "Nowhere"}
	for _, err := range []error{
		st.SetStage(applied, model.StageApplied, day(2020, 1, 2)),
		st.SetFollowUp(applied, day(2020, 1, 9)),
		st.SetStage(interviewing, model.StageApplied, day(2020, 1, 3)),
		st.SetStage(interviewing, model.StageInterviewing, day(2020, 1, 10)),
		st.SetFollowUp(interviewing, day(2999, 1, 1)),
		st.SetStage(outside, model.StageRejected, day(2020, 1, 5)),
		st.SetFollowUp(outside, day(2020, 1, 6)),
		st.Save(),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return applied, interviewing
}

func TestDueCommand(t *testing.T) {
	statePath := isolate(t)
	if code, out, _ := runCmd(t, "due"); code != exitFailure || out != "" {
		t.Errorf("due with no state: exit %d, %q; want 1 and nothing", code, out)
	}
	trackDemo(t, statePath)
	code, out, errOut := runCmd(t, "due")
	want := "2020-01-06  Elsewhere Role — Nowhere (rejected)\n" +
		"2020-01-09  Senior Backend Engineer (Go) — Northwind Parcel (applied)"
	if code != exitOK || !strings.HasPrefix(out, want) || strings.Count(out, "\n") != 2 {
		t.Errorf("due: exit %d, stderr %q, out\n%s\nwant\n%s …", code, errOut, out, want)
	}
	// With PATHs, only the postings found there.
	code, out, _ = runCmd(t, "due", "--demo")
	if code != exitOK || strings.Contains(out, "Elsewhere") || !strings.Contains(out, "Northwind") {
		t.Errorf("due --demo: exit %d\n%s", code, out)
	}
	// Nothing due: exit 1.
	st, _ := model.OpenStore(statePath)
	for id, e := range st.Entries() {
		if err := st.SetFollowUp(&model.Posting{ID: id, Title: e.Title}, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runCmd(t, "due"); code != exitFailure || out != "" {
		t.Errorf("due with nothing due: exit %d, %q", code, out)
	}
}

func TestStatsCommand(t *testing.T) {
	trackDemo(t, isolate(t))
	code, out, errOut := runCmd(t, "stats")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Postings by stage\n", "  applied          1\n", "  interviewing     1\n", "  rejected         1\n",
		"Applications per week (last 12 weeks)\n", "Response rate: 50% (1 of 2 applications reached interviewing or further)",
		"Median days from applied to first response: 7 (over 1)", "Senior Backend Engineer (Go) — Northwind Parcel (applied 2020-01-02)"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCmd(t, "stats", "--json", "--demo")
	var st model.Stats
	if err := json.Unmarshal([]byte(out), &st); code != exitOK || err != nil {
		t.Fatalf("stats --json: exit %d, %v\n%s", code, err, out)
	}
	counts := map[string]int{}
	for _, c := range st.Stages {
		counts[c.Name] = c.Count
	}
	if counts["applied"] != 1 || counts["interviewing"] != 1 || counts["rejected"] != 0 || len(st.Weeks) != 12 || st.Applied != 2 {
		t.Errorf("stats --json --demo (the rejection is outside the demo): %+v", st)
	}
}

func TestListAndExportByStageAndDue(t *testing.T) {
	trackDemo(t, isolate(t))
	tests := []struct {
		args []string
		want []string // substrings, in order, one a line
	}{
		{[]string{"list", "--demo", "--stage", "app"}, []string{"Senior Backend Engineer (Go) — Northwind Parcel"}},
		{[]string{"list", "--demo", "--stage", "interv"}, []string{"Platform Engineer — Fernhill Observatory"}},
		{[]string{"list", "--demo", "--due"}, []string{"Senior Backend Engineer (Go)"}},
		{[]string{"list", "--demo", "--sort", "stage", "--query", "is:active"}, []string{"Senior Backend Engineer (Go)", "Platform Engineer"}},
		{[]string{"list", "--demo", "--sort", "follow-up", "--query", "is:active"}, []string{"Senior Backend Engineer (Go)", "Platform Engineer"}},
		{[]string{"list", "--demo", "--query", "interviewing:>2019-12-31"}, []string{"Platform Engineer"}},
	}
	for _, tt := range tests {
		code, out, errOut := runCmd(t, tt.args...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		ok := code == exitOK && len(lines) == len(tt.want)
		for i := range tt.want {
			ok = ok && i < len(lines) && strings.HasPrefix(lines[i], tt.want[i])
		}
		if !ok {
			t.Errorf("jobdeck %v: exit %d, stderr %q\n%s", tt.args, code, errOut, out)
		}
	}
	if code, _, errOut := runCmd(t, "list", "--demo", "--stage", "int"); code != exitUsage || !strings.Contains(errOut, "interested or interviewing") {
		t.Errorf("ambiguous --stage: exit %d, %q", code, errOut)
	}
	code, out, errOut := runCmd(t, "export", "--demo", "--stage", "interviewing", "--format", "json")
	var recs []model.ExportRecord
	if err := json.Unmarshal([]byte(out), &recs); code != exitOK || err != nil || len(recs) != 1 {
		t.Fatalf("export --stage: exit %d, %v, stderr %q\n%s", code, err, errOut, out)
	}
	r := recs[0]
	if r.Stage != "interviewing" || r.StageDate != "2020-01-10T00:00:00Z" || len(r.History) != 2 || r.FollowUp != "2999-01-01" {
		t.Errorf("exported record: stage %q since %q, history %v, follow-up %q", r.Stage, r.StageDate, r.History, r.FollowUp)
	}
	code, out, _ = runCmd(t, "export", "--demo", "--due")
	if code != exitOK || !strings.HasPrefix(out, "# Follow-ups due — ") || !strings.Contains(out, "- **Stage:** applied (since 2020-01-02)") ||
		!strings.Contains(out, "Elsewhere Role") || strings.Contains(out, "Platform Engineer") {
		t.Errorf("export --due:\n%s", out)
	}
}

func TestMessagesNamingPathsAreEscaped(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	evil := filepath.Join(dir, "\x1b]52;c;aGk=\a\x1b[2J.md")
	if err := os.Symlink(filepath.Join(dir, "missing"), evil); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"list", evil}, {evil}, {"export", evil}, {"list", "-\x1b[2J"},
		{"export", "--demo", "--all", "--output", filepath.Join(dir, "no", "\x1b[2J.md")},
	} {
		code, _, errOut := runCmd(t, args...)
		if code == exitOK || strings.ContainsAny(errOut, "\x1b\a") || !strings.Contains(errOut, `\x1b`) {
			t.Errorf("jobdeck %q: exit %d, stderr %q; want an error with the name escaped", args, code, errOut)
		}
	}
}

func TestFollowAllFollowsALinkUpward(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	jobs := filepath.Join(dir, "jobs")
	for name, text := range map[string]string{filepath.Join(jobs, "a.md"): "# A\n", filepath.Join(dir, "b.md"): "# B\n"} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("..", filepath.Join(jobs, "up")); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"list", jobs}, {"list", jobs, "--follow-all"}} {
		code, out, errOut := runCmd(t, cmd...)
		followed := strings.Contains(out, "B")
		if code != exitOK || followed != slices.Contains(cmd, "--follow-all") || followed == strings.Contains(errOut, "not followed") {
			t.Errorf("jobdeck %q: exit %d\nstdout %q\nstderr %q", cmd, code, out, errOut)
		}
	}
}

func TestEmptyStateFlagIsAUsageError(t *testing.T) {
	def := isolate(t)
	for _, args := range [][]string{
		{"--state", ""}, {"--state="}, {"list", "--state", "", "testdata/demo"},
		{"export", "--state=", "testdata/demo"}, {"list", "testdata/demo", "--state", ""},
	} {
		code, _, errOut := runCmd(t, args...)
		if code != exitUsage || !strings.Contains(errOut, "--state") {
			t.Errorf("%q: exit %d, stderr %q; want a usage error naming --state", args, code, errOut)
		}
	}
	if _, err := os.Stat(def); !os.IsNotExist(err) {
		t.Errorf("the default state file was touched: %v", err)
	}
}

// cacheDir is the parse cache's folder under isolate.
func cacheDir() string { return filepath.Join(os.Getenv("XDG_CACHE_HOME"), "jobdeck") }

// cacheEntries runs `jobdeck cache info` and returns its entries line.
func cacheEntries(t *testing.T) string {
	t.Helper()
	code, out, errOut := runCmd(t, "cache", "info")
	if code != exitOK || !strings.Contains(out, cacheDir()) {
		t.Fatalf("cache info: exit %d\n%s%s", code, out, errOut)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "entries:") {
			return strings.Join(strings.Fields(l)[1:2], "")
		}
	}
	t.Fatalf("cache info has no entries line:\n%s", out)
	return ""
}

// listDemo runs `jobdeck list [flags] testdata/demo` and returns stdout
// and the lines of stderr about the cache.
func listDemo(t *testing.T, flags ...string) (string, []string) {
	t.Helper()
	code, out, errOut := runCmd(t, append(append([]string{"list"}, flags...), "testdata/demo")...)
	if code != exitOK {
		t.Fatalf("list: exit %d\n%s", code, errOut)
	}
	var lines []string
	for _, l := range strings.Split(errOut, "\n") {
		if strings.Contains(l, "cache") {
			lines = append(lines, l)
		}
	}
	return out, lines
}

func TestListFillsAndUsesTheCache(t *testing.T) {
	isolate(t)
	if n := cacheEntries(t); n != "0" {
		t.Fatalf("a new cache has %s entries", n)
	}
	cold, problems := listDemo(t, "--no-cache")
	if n := cacheEntries(t); n != "0" || len(problems) != 0 {
		t.Fatalf("--no-cache: %s entries, cache lines %q", n, problems)
	}
	// 13 files parse, and the entries of the two folders are kept too
	// (unless a folder changed too recently to be trusted).
	first, problems := listDemo(t)
	if n := cacheEntries(t); (n != "15" && n != "13") || len(problems) != 0 {
		t.Fatalf("after list: %s entries (13 files parse, 2 folders), cache lines %q", n, problems)
	}
	warm, problems := listDemo(t)
	if first != cold || warm != cold || len(problems) != 0 {
		t.Fatalf("the cache changed the listing or complained %q:\ncold:\n%s\nwarm:\n%s", problems, cold, warm)
	}
	code, out, _ := runCmd(t, "cache", "clear")
	if code != exitOK || !strings.Contains(out, "removed 1 cache file") {
		t.Fatalf("cache clear: exit %d, %q", code, out)
	}
	if n := cacheEntries(t); n != "0" {
		t.Fatalf("after clear: %s entries", n)
	}
	if code, _, errOut := runCmd(t, "export", "--all", "testdata/demo"); code != exitOK || (cacheEntries(t) != "15" && cacheEntries(t) != "13") {
		t.Fatalf("export did not fill the cache: exit %d %s", code, errOut)
	}
	n := cacheEntries(t)
	if code, _, _ := runCmd(t, "list", "--demo"); code != exitOK || cacheEntries(t) != n {
		t.Fatal("--demo (built-in files) touched the cache")
	}
}

func TestCacheProblemsAreOneLine(t *testing.T) {
	isolate(t)
	want, _ := listDemo(t)
	files, _ := filepath.Glob(filepath.Join(cacheDir(), "*.cache"))
	if len(files) != 1 {
		t.Fatalf("cache files %v", files)
	}
	if err := os.WriteFile(files[0], []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, problems := listDemo(t)
	if got != want || len(problems) != 1 || !strings.HasPrefix(problems[0], "jobdeck: cache: ") ||
		!strings.Contains(problems[0], "rebuilding") {
		t.Fatalf("damaged cache: cache lines %q; listing same: %v", problems, got == want)
	}
	if got, problems := listDemo(t); got != want || len(problems) != 0 {
		t.Fatalf("after the rebuild: cache lines %q; listing same: %v", problems, got == want)
	}

	// A cache folder that cannot be made: the listing is the same, said once.
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CACHE_HOME", notDir)
	got, problems = listDemo(t)
	if got != want || len(problems) != 1 || !strings.Contains(problems[0], "cannot write") {
		t.Fatalf("unwritable cache: cache lines %q; listing same: %v", problems, got == want)
	}
}

func TestCacheCommandUsage(t *testing.T) {
	isolate(t)
	for _, args := range [][]string{{"cache"}, {"cache", "bogus"}, {"cache", "info", "extra"}, {"cache", "--bogus"}} {
		code, _, errOut := runCmd(t, args...)
		if code != exitUsage || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || errOut == "" {
			t.Errorf("jobdeck %v: exit %d, stderr %q; want a one-line usage error", args, code, errOut)
		}
	}
	if code, out, _ := runCmd(t, "cache", "-h"); code != exitOK || !strings.Contains(out, "cache clear") {
		t.Errorf("cache -h: exit %d, %q", code, out)
	}
}

func TestListJSONCarriesTheParsedSalary(t *testing.T) {
	isolate(t)
	code, out, _ := runCmd(t, "list", "--demo", "--json", "--query", "harbor")
	var r model.Record
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &r); code != exitOK || err != nil {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
	if r.SalaryMin != 780000 || r.SalaryMax != 900000 || r.SalaryCurrency != "NOK" || r.SalaryPeriod != "year" {
		t.Errorf("salary of %q: %v–%v %s per %s", r.Salary, r.SalaryMin, r.SalaryMax, r.SalaryCurrency, r.SalaryPeriod)
	}
}

func TestListQueryLanguage(t *testing.T) {
	isolate(t)
	code, _, errOut := runCmd(t, "list", "--demo", "--query", "go OR OR rust")
	if code != exitUsage || !strings.Contains(errOut, "column 7") {
		t.Errorf("bad query: exit %d, stderr %q", code, errOut)
	}
	code, or, _ := runCmd(t, "list", "--demo", "--query", "(barista OR platform) -trainer")
	if code != exitOK || strings.Count(or, "\n") == 0 || strings.Contains(or, "Head Barista & Trainer") {
		t.Errorf("OR query: exit %d, output\n%s", code, or)
	}
	code, bySalary, _ := runCmd(t, "list", "--demo", "--sort", "salary")
	if code != exitOK || strings.Count(bySalary, "\n") != 12 {
		t.Errorf("--sort salary: exit %d, output\n%s", code, bySalary)
	}
}
