//go:build e2e

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestE2EFindAndNew: the full-text index is built in the background, the
// search inside a posting jumps between its matches, a query is saved and
// picked again, and a posting added between launches is new.
func TestE2EFindAndNew(t *testing.T) {
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	jobs := filepath.Join(dir, "jobs")
	if out, err := exec.Command("cp", "-r", "testdata/demo", jobs).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	cache := filepath.Join(dir, "cache")
	env := []string{"XDG_CACHE_HOME=" + cache, "JOBDECK_CONFIG=" + filepath.Join(dir, "config", "config.toml")}
	cmd := bin + " --state " + filepath.Join(dir, "state.json") + " " + jobs
	s := newTmux(t, 120, 40, env, cmd)
	s.waitText("12/12")
	// The status line says "indexing" from the frame that says the folder
	// is loaded until the index is built.
	s.waitText("loaded 12 postings")
	s.waitFor("the index built", 20*time.Second, func(sc string) bool { return !strings.Contains(sc, "indexing") })
	if _, err := os.Stat(filepath.Join(cache, "jobdeck")); err != nil {
		t.Fatalf("no cache folder: %v", err)
	}
	index, _ := filepath.Glob(filepath.Join(cache, "jobdeck", "index-*", "index.db"))
	if len(index) != 1 {
		t.Fatalf("index files %v, want one", index)
	}

	// A phrase that only one posting's body holds finds that posting.
	s.keys("/")
	s.typeText(`"tired astronomer"`)
	screen := s.waitText("1/12")
	if !strings.Contains(screen, "Platform Engineer") {
		t.Errorf("the phrase did not find the posting whose body holds it:\n%s", screen)
	}
	s.keys("Escape")
	s.waitText("12/12")

	// Search inside the posting shown.
	s.keys("Tab", "/")
	s.typeText("the")
	s.keys("Enter")
	screen = s.waitText("match 1 of")
	s.keys("n")
	s.waitText("match 2 of")
	s.keys("Escape")
	s.waitGone("match 2 of")
	assertNoControl(t, screen)

	// Save a query, clear it, pick it again.
	s.keys("Tab", "/")
	s.typeText("harbor")
	s.waitText("1/12")
	s.keys("C-s")
	s.waitText("save search as")
	s.typeText("ferries")
	s.keys("Enter")
	s.waitText("saved search ferries")
	s.keys("Escape")
	s.waitText("12/12")
	s.keys("'")
	s.waitText("harbor · 1")
	s.keys("Enter")
	s.waitText("1/12")
	s.keys("q")
	s.waitExit()
	if data, err := os.ReadFile(filepath.Join(dir, "config", "searches.toml")); err != nil || !strings.Contains(string(data), `name = "ferries"`) {
		t.Fatalf("searches.toml: %v %q", err, data)
	}

	// A posting added before the next launch is new.
	added := "---\ntitle: Lighthouse Keeper\ncompany: Saltmarsh Trust\n---\nKeep the light.\n"
	if err := os.WriteFile(filepath.Join(jobs, "lighthouse.md"), []byte(added), 0o600); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // first sightings count in seconds
	s2 := newTmux(t, 120, 40, env, cmd)
	s2.waitText("13/13")
	screen = s2.waitText("1 new")
	if !strings.Contains(screen, "Lighthouse Keeper") {
		t.Errorf("the new posting is not listed:\n%s", screen)
	}
	s2.keys("/")
	s2.typeText("is:new")
	s2.waitText("1/13")
	s2.keys("Enter", "q")
	s2.waitExit()
}
