package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
)

// fieldsFolder writes a folder of one posting whose URL is under a key
// only the config's [fields] names, and returns it.
func fieldsFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	post := "---\ntitle: Lamp Lighter\nfirm: Glowworm & Co\noffer_link: https://glow.example/jobs/7\n---\n\nLight the lamps.\n"
	if err := os.WriteFile(filepath.Join(dir, "lamp.md"), []byte(post), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// listRecord runs list --json on dir and returns its one record.
func listRecord(t *testing.T, dir string) (model.Record, string) {
	t.Helper()
	code, out, errOut := runCmd(t, "list", "--json", dir)
	if code != exitOK || strings.Count(out, "\n") != 1 {
		t.Fatalf("list --json: exit %d, stderr %q\n%s", code, errOut, out)
	}
	var r model.Record
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return r, errOut
}

func TestConfigFieldsReachTheLoader(t *testing.T) {
	path := configHome(t)
	dir := fieldsFolder(t)
	if r, _ := listRecord(t, dir); r.URL != "" || r.Company != "" {
		t.Fatalf("without [fields]: url %q, company %q; want neither", r.URL, r.Company)
	}
	writeConfig(t, path, "[fields]\nurl = [\"offer_link\"]\ncompany = [\"firm\"]\n")
	r, errOut := listRecord(t, dir)
	if r.URL != "https://glow.example/jobs/7" || r.Company != "Glowworm & Co" || errOut != "loaded 1 postings from 1 files (0 skipped)\n" {
		t.Errorf("list with [fields]: url %q, company %q, stderr %q", r.URL, r.Company, errOut)
	}
	if code, out, _ := runCmd(t, "export", "--all", "--format", "csv", dir); code != exitOK || !strings.Contains(out, "https://glow.example/jobs/7") {
		t.Errorf("export with [fields]: exit %d\n%s", code, out)
	}

	// stats and due with a PATH find the posting's state under the ID its
	// aliased URL gives.
	st, err := model.OpenStore(os.Getenv("JOBDECK_STATE"))
	if err != nil {
		t.Fatal(err)
	}
	p := &model.Posting{ID: r.ID, Title: r.Title}
	if err := st.SetStage(p, model.StageApplied, time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := st.SetFollowUp(p, time.Date(2020, 1, 9, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "due", dir); code != exitOK || !strings.Contains(out, "Lamp Lighter") {
		t.Errorf("due PATH with [fields]: exit %d, stderr %q\n%s", code, errOut, out)
	}

	// The browser gets the same options.
	set := loadSettings("", &strings.Builder{})
	opts, pc := set.loaderOptions(common{noCache: true}, io.Discard)
	if pc != nil {
		t.Fatal("a cache with --no-cache")
	}
	ps, _, err := loader.Load(context.Background(), []loader.Source{{FS: fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: T\noffer_link: https://glow.example/1\n---\n")},
	}, Root: "."}}, opts)
	if err != nil || len(ps) != 1 || ps[0].URL != "https://glow.example/1" {
		t.Errorf("the browser's loader options do not carry [fields]: %v %v", ps, err)
	}
}

func TestConfigFieldsBadAliasWarnsOnce(t *testing.T) {
	path := configHome(t)
	dir := fieldsFolder(t)
	// "firm" for two fields: company, first among the fields, keeps it;
	// url's other key still works.
	writeConfig(t, path, "[fields]\nurl = [\"firm\", \"offer_link\"]\ncompany = [\"firm\"]\n")
	r, errOut := listRecord(t, dir)
	if r.Company != "Glowworm & Co" || r.URL != "https://glow.example/jobs/7" {
		t.Errorf("with a bad alias: company %q, url %q; want the good aliases kept", r.Company, r.URL)
	}
	lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
	want := "jobdeck: warning: config: " + path + `: fields: bad field alias: key "firm" is listed for company and url (kept for company)`
	if len(lines) != 2 || lines[0] != want {
		t.Errorf("stderr:\n%s\nwant one warning line\n%s", errOut, want)
	}
	if code, out, _ := runCmd(t, "config", "check"); code != exitFailure || !strings.Contains(out, `key "firm" is listed for company and url`) {
		t.Errorf("config check: exit %d\n%s", code, out)
	}
}

func TestAddDefaultFolder(t *testing.T) {
	path := configHome(t)
	const posting = "Tea Taster\nCompany: Leafwell\n\nTaste tea.\n"
	add := func(args ...string) (int, string, string) {
		var out, errb strings.Builder
		code := runAdd(args, strings.NewReader(posting), &out, &errb, nil)
		return code, out.String(), errb.String()
	}
	written := func(dir string) []string {
		t.Helper()
		es, _ := os.ReadDir(dir)
		var names []string
		for _, e := range es {
			if strings.HasSuffix(e.Name(), "-leafwell-tea-taster.md") {
				names = append(names, e.Name())
			}
		}
		return names
	}

	// No config: the current folder.
	cwd := t.TempDir()
	t.Chdir(cwd)
	if code, out, errOut := add("-"); code != exitOK || len(written(cwd)) != 1 || !strings.HasPrefix(out, "added ") {
		t.Fatalf("add with no config: exit %d, %q, %q", code, out, errOut)
	}

	// The config's first path.
	first, second := t.TempDir(), t.TempDir()
	writeConfig(t, path, "paths = [\""+filepath.ToSlash(first)+"\", \""+filepath.ToSlash(second)+"\"]\n")
	if code, _, errOut := add("-"); code != exitOK || len(written(first)) != 1 || len(written(second)) != 0 {
		t.Fatalf("add with paths: exit %d, %q; first %v", code, errOut, written(first))
	}

	// The inbox wins over the paths, and is made when missing.
	inbox := filepath.Join(t.TempDir(), "in", "box")
	writeConfig(t, path, "inbox = \""+filepath.ToSlash(inbox)+"\"\npaths = [\""+filepath.ToSlash(first)+"\"]\n")
	if code, out, errOut := add("-"); code != exitOK || len(written(inbox)) != 1 || len(written(first)) != 1 || !strings.Contains(out, inbox) {
		t.Fatalf("add with an inbox: exit %d, %q, %q", code, out, errOut)
	}
	// --dry-run names the inbox and writes nothing.
	if code, out, _ := add("--dry-run", "-"); code != exitOK || !strings.HasPrefix(out, "would write "+inbox+string(filepath.Separator)) || len(written(inbox)) != 1 {
		t.Errorf("add --dry-run with an inbox: exit %d, %q", code, out)
	}
	// --to wins over the inbox.
	to := t.TempDir()
	if code, _, errOut := add("--to", to, "-"); code != exitOK || len(written(to)) != 1 || len(written(inbox)) != 1 {
		t.Errorf("add --to with an inbox: exit %d, %q", code, errOut)
	}
	// A --to folder that does not exist is not made.
	if code, _, errOut := add("--to", filepath.Join(to, "missing"), "-"); code != exitFailure || !strings.Contains(errOut, "no such file") {
		t.Errorf("add --to a missing folder: exit %d, %q", code, errOut)
	}
}

func TestAddReadsConfigFields(t *testing.T) {
	path := configHome(t)
	writeConfig(t, path, "[fields]\nurl = [\"offer_link\"]\n")
	var out, errb strings.Builder
	in := `{"title": "Kite Maker", "company": "Updraft", "offer_link": "https://updraft.example/kites"}`
	code := runAdd([]string{"--dry-run", "-"}, strings.NewReader(in), &out, &errb, nil)
	if code != exitOK || !strings.Contains(out.String(), "url:      https://updraft.example/kites") {
		t.Errorf("add with [fields]: exit %d, %q, %q", code, out.String(), errb.String())
	}
}

func TestListJSONPrintsTheApplicationDate(t *testing.T) {
	statePath := isolate(t)
	code, out, errOut := runCmd(t, "list", "--json", "testdata/loader/records/linkedin")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	applied := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r model.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		applied[r.Title] = r.Applied
	}
	want := map[string]string{
		"Embedded Engineer":         "2025-11-23T19:24:00Z", // also a saved job: one posting, the date kept
		"Backend Developer":         "2025-10-02T11:05:00Z",
		"Staff Engineer, Compilers": "", // saved only
	}
	for title, w := range want {
		if got, ok := applied[title]; !ok || got != w {
			t.Errorf("%s: applied %q (found %v), want %q", title, got, ok, w)
		}
	}
	// Listing changes no state.
	if _, err := os.Stat(statePath); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("list wrote the state file: %v", err)
	}
}
