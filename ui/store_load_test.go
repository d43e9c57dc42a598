package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

// newLoadingModel returns a browser over fixture() whose store, on a state
// file with content, is made by model.NewStore and not loaded, and the Cmd
// of Init, not run yet: it holds the store's load.
func newLoadingModel(t *testing.T, content string) (*Model, *model.Store, func()) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	st := model.NewStore(path)
	m := newTestModel(t, 120, 40, fixture())
	m.initState(Config{Store: st, ExportDir: t.TempDir()})
	cmd := m.Init()
	pump(t, m, reconcile(m), 0)
	return m, st, func() { pump(t, m, cmd, 0) }
}

func TestBrowserShowsPostingsBeforeTheStoreLoads(t *testing.T) {
	m, st, reply := newLoadingModel(t, `{"version":2,"postings":{"a":{"shortlisted":true,"tags":["remote"]}}}`)
	if got := titles(m); len(got) != 4 {
		t.Fatalf("rows before the load reply: %q, want the 4 postings", got)
	}
	if s := screenText(m); strings.Contains(s, "★") || strings.Contains(s, "read-only") {
		t.Errorf("before the load reply the screen shows ★ or read-only:\n%s", s)
	}
	for _, k := range []string{"s", "t", "n", "L", "x"} {
		clearFlash(m)
		send(t, m, kp(k))
		if flashText(m) != "the state file is still loading" || openOverlay(m) != nil {
			t.Errorf("%s before the load: flash %q, overlay %v", k, flashText(m), openOverlay(m))
		}
	}
	if st.Dirty() {
		t.Fatal("a key changed the store before it loaded")
	}
	send(t, m, kp("/"))
	typeText(t, m, "tag:remote")
	send(t, m, kp("enter"))
	if got := titles(m); len(got) != 0 {
		t.Fatalf("tag:remote before the load: %q, want none", got)
	}

	reply() // the query runs again: the tag is known now
	if got := titles(m); len(got) != 1 || got[0] != "Senior Backend Engineer" {
		t.Errorf("tag:remote after the load: %q", got)
	}
	if s := screenText(m); !strings.Contains(s, "★") || strings.Contains(s, "read-only") {
		t.Errorf("after the load reply the screen lacks ★ (or says read-only):\n%s", s)
	}
	send(t, m, kp("esc"), kp("L"))
	if got := titles(m); len(got) != 1 || got[0] != "Senior Backend Engineer" {
		t.Errorf("shortlist only after the load: %q", got)
	}
}

func TestBrowserSaysWhyTheLoadedStoreIsReadOnly(t *testing.T) {
	m, _, reply := newLoadingModel(t, `{"version":2,"postings":{"a":`)
	reply()
	if s := screenText(m); !strings.Contains(s, "read-only") || !strings.Contains(flashText(m), "corrupt") {
		t.Errorf("a corrupt state file, once loaded: status %q\n%s", flashText(m), s)
	}
	clearFlash(m)
	send(t, m, kp("s"))
	if !strings.Contains(flashText(m), "can't change anything") {
		t.Errorf("s on a read-only store: %q", flashText(m))
	}
}
