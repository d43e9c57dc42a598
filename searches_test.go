package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobdeck/jobdeck/model/config"
	"github.com/jobdeck/jobdeck/ui"
)

func TestListSearchRunsASavedSearch(t *testing.T) {
	isolate(t)
	cfgPath := filepath.Join(t.TempDir(), "config.toml")
	t.Setenv("JOBDECK_CONFIG", cfgPath)
	cfgText := "# mine\n[searches]\nanalysts = \"analyst\"\n"
	if err := os.WriteFile(cfgPath, []byte(cfgText), 0o600); err != nil {
		t.Fatal(err)
	}
	set := loadSettings("", os.Stderr)
	save := set.saveSearches()
	all := append(set.savedSearches(os.Stderr), ui.SavedSearch{Name: "leads", Query: "title:design"})
	if err := save(all); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(cfgPath); string(got) != cfgText {
		t.Fatalf("the config file changed: %q", got)
	}
	file, err := config.LoadSearches(config.SearchesFile(cfgPath))
	if err != nil || len(file) != 1 || file[0].Name != "leads" {
		t.Fatalf("searches.toml holds %v, %v; want leads only (analysts is the config's)", file, err)
	}
	for name, want := range map[string]string{"analysts": "Business Analyst", "leads": "Product Design Lead"} {
		code, out, errs := runCmd(t, "list", "--demo", "--search", name)
		if code != exitOK || !strings.Contains(out, want) || strings.Count(out, "\n") != 1 {
			t.Errorf("--search %s: code %d, out %q, stderr %q; want %s alone", name, code, out, errs, want)
		}
	}
	code, _, errs := runCmd(t, "list", "--demo", "--search", "nope")
	if code != exitUsage || !strings.Contains(errs, `"analysts", "leads"`) {
		t.Errorf("unknown name: code %d, %q", code, errs)
	}
}
