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

	"github.com/jobdeck/jobdeck/model"
)

// runCmd runs jobdeck's CLI in-process and returns its exit code and output.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// isolate points the state file and the parse cache at a temp dir so
// tests never touch the user's real state or cache.
func isolate(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "state.json")
	t.Setenv("JOBDECK_STATE", p)
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
	first, problems := listDemo(t)
	if n := cacheEntries(t); n != "13" || len(problems) != 0 {
		t.Fatalf("after list: %s entries (13 files parse), cache lines %q", n, problems)
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
	if code, _, errOut := runCmd(t, "export", "--all", "testdata/demo"); code != exitOK || cacheEntries(t) != "13" {
		t.Fatalf("export did not fill the cache: exit %d %s", code, errOut)
	}
	if code, _, _ := runCmd(t, "list", "--demo"); code != exitOK || cacheEntries(t) != "13" {
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
