package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files")

// configHome isolates the test (see isolate) and returns the config file
// path jobdeck uses by default there.
func configHome(t *testing.T) string {
	t.Helper()
	isolate(t)
	return filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "jobdeck", "config.toml")
}

func writeConfig(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestConfigPath(t *testing.T) {
	def := configHome(t)
	if code, out, _ := runCmd(t, "config", "path"); code != exitOK || out != def+"\n" {
		t.Errorf("config path: exit %d, %q; want %q", code, out, def)
	}
	t.Setenv("JOBDECK_CONFIG", "/env/config.toml")
	if code, out, _ := runCmd(t, "config", "path"); code != exitOK || out != "/env/config.toml\n" {
		t.Errorf("config path with JOBDECK_CONFIG: exit %d, %q", code, out)
	}
	if code, out, _ := runCmd(t, "config", "path", "--config", "/flag.toml"); code != exitOK || out != "/flag.toml\n" {
		t.Errorf("config path --config: exit %d, %q", code, out)
	}
}

func TestConfigInit(t *testing.T) {
	path := configHome(t)
	code, out, errOut := runCmd(t, "config", "init")
	if code != exitOK || !strings.Contains(out, path) {
		t.Fatalf("config init: exit %d, %q, %q", code, out, errOut)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "config", "init.toml")
	if *updateGolden {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestConfigInit -update .)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("config init wrote\n%s\nwant (%s)\n%s", got, golden, want)
	}
	for _, action := range []string{"shortlist", "shortlist_view", "force_quit", "editor_yes"} {
		if !regexp.MustCompile(`(?m)^#` + action + ` = \[`).Match(got) {
			t.Errorf("config init does not document keys.%s", action)
		}
	}
	if code, out, _ := runCmd(t, "config", "check"); code != exitOK || out != "ok\n" {
		t.Errorf("the written config does not check: exit %d, %q", code, out)
	}

	writeConfig(t, path, "sort = \"title\"\n")
	code, _, errOut = runCmd(t, "config", "init")
	if code != exitFailure || !strings.Contains(errOut, path) || !strings.Contains(errOut, "never overwrites") {
		t.Errorf("config init over a file: exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(path); string(b) != "sort = \"title\"\n" {
		t.Errorf("config init changed an existing file: %q", b)
	}
}

func TestConfigCheck(t *testing.T) {
	path := configHome(t)
	if code, out, _ := runCmd(t, "config", "check"); code != exitOK || !strings.HasPrefix(out, "ok (no config file") {
		t.Errorf("no file: exit %d, %q", code, out)
	}
	writeConfig(t, path, "sort = \"title\"\n[keys]\nshortlist = [\"s\", \"*\"]\n")
	if code, out, _ := runCmd(t, "config", "check"); code != exitOK || out != "ok\n" {
		t.Errorf("a good file: exit %d, %q", code, out)
	}
	writeConfig(t, path, `sort = "sideways"
list_width = 0.3

[keys]
shortlist = ["x"]
frob = ["f"]
tags = ["ctrl-t"]
filter_accept = ["a"]

[theme]
accent = "purple"
`)
	code, out, _ := runCmd(t, "config", "check")
	want := []string{
		path + `:1: sort: "sideways" is not one of newest, oldest, company, title, stage, follow-up`,
		path + `:5: keys.shortlist: "x" is bound to both shortlist and export in the list`,
		path + `:6: keys.frob: "frob" is not an action`,
		path + `:7: keys.tags: "ctrl-t" is not a key`,
		path + `:8: keys.filter_accept: "a" is a typed character, and filter_accept acts while text is typed`,
		path + `:11: theme.accent: "purple" is not a colour`,
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitFailure || len(lines) != len(want) {
		t.Fatalf("a bad file: exit %d, output:\n%s", code, out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d: %q, want it to start with %q", i+1, lines[i], w)
		}
	}
	if code, out, _ := runCmd(t, "config", "check", "--config", filepath.Join(t.TempDir(), "none.toml")); code != exitFailure || !strings.Contains(out, "no such file") {
		t.Errorf("a named file that is missing: exit %d, %q", code, out)
	}
	writeConfig(t, path, "sort = \n")
	if code, out, _ := runCmd(t, "config", "check"); code != exitFailure || !strings.HasPrefix(out, path+":1: ") {
		t.Errorf("a syntax error: exit %d, %q", code, out)
	}
}

func TestConfigUsage(t *testing.T) {
	configHome(t)
	for _, args := range [][]string{{"config"}, {"config", "edit"}, {"config", "path", "extra"}, {"config", "--bogus", "path"}} {
		if code, _, errOut := runCmd(t, args...); code != exitUsage || errOut == "" {
			t.Errorf("jobdeck %v: exit %d, stderr %q; want a usage error", args, code, errOut)
		}
	}
}

func TestConfigSettingsApply(t *testing.T) {
	path := configHome(t)
	demo, err := filepath.Abs("testdata/demo")
	if err != nil {
		t.Fatal(err)
	}
	writeConfig(t, path, "paths = [\""+filepath.ToSlash(demo)+"\"]\nsort = \"title\"\n")
	code, out, errOut := runCmd(t, "list")
	if code != exitOK || strings.Count(out, "\n") != 12 || !strings.HasPrefix(out, "Android Engineer") {
		t.Errorf("list with the config's paths and sort: exit %d, stderr %q\n%s", code, errOut, out)
	}
	if _, out, _ := runCmd(t, "list", "--sort", "newest"); !strings.HasPrefix(out, "Head Barista & Trainer") {
		t.Errorf("--sort does not win over the config:\n%s", out)
	}
	if code, out, errOut := runCmd(t, "list", "loader"); code != exitOK || strings.Contains(out, "Android Engineer") {
		t.Errorf("a PATH does not win over the config's paths: exit %d, stderr %q", code, errOut)
	}
	if code, out, errOut := runCmd(t, "list", "--demo"); code != exitOK || strings.Count(out, "\n") != 12 {
		t.Errorf("--demo with the config's paths: exit %d, stderr %q", code, errOut)
	}
	if code, out, _ := runCmd(t, "export", "--all", "--format", "csv"); code != exitOK || !strings.Contains(out, "Android Engineer") {
		t.Errorf("export with the config's paths: exit %d\n%s", code, out)
	}

	writeConfig(t, path, "paths = [\""+filepath.ToSlash(demo)+"\"]\nsort = 3\n")
	code, out, errOut = runCmd(t, "list")
	if code != exitOK || strings.Count(out, "\n") != 12 || !strings.HasPrefix(out, "Head Barista & Trainer") {
		t.Errorf("list with a bad sort: exit %d\n%s", code, out)
	}
	if warn := "jobdeck: warning: config: " + path + ":2: sort: want a string, got an integer"; strings.Count(errOut, warn) != 1 {
		t.Errorf("stderr does not say the problem once:\n%s", errOut)
	}
}

func TestConfigPrefsNotice(t *testing.T) {
	path := configHome(t)
	writeConfig(t, path, "sort = \"sideways\"\n[theme]\naccent = 1000\nglamour = \"auto\"\n")
	set := readSettings(path, false)
	p := set.prefs()
	if want := `config.toml:1: sort: "sideways" is not one of newest, oldest, company, title, stage, follow-up, salary (and 1 more: jobdeck config check)`; p.Notice != want {
		t.Errorf("notice %q, want %q", p.Notice, want)
	}
	if p.GlamourName != "" || p.Keys == nil || p.ListShare != 0.4 {
		t.Errorf("prefs %+v", p)
	}
}
