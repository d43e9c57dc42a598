package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

// newStoreModel returns a 120×40 test browser over fixture() with a store
// on a fresh state file in a temp dir, exporting to another temp dir.
func newStoreModel(t *testing.T) (*Model, *model.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state.json")
	st, err := model.OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, 120, 40, fixture())
	m.initState(Config{Store: st, ExportDir: t.TempDir()})
	pump(t, m, reconcile(m), 0)
	return m, st, path
}

// reopen reads the state file at path as a new jobdeck would.
func reopen(t *testing.T, path string) *model.Store {
	t.Helper()
	st, err := model.OpenStore(path)
	if err != nil {
		t.Fatalf("reopening the state file: %v", err)
	}
	return st
}

func screenText(m *Model) string { return ansi.Strip(m.render()) }

func TestStoreKeysLiveWithAStore(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	if keysOf(m).Shortlist.Enabled() {
		t.Fatal("s live without a store")
	}
	m, _, _ = newStoreModel(t)
	for name, on := range map[string]bool{"s": keysOf(m).Shortlist.Enabled(), "t": keysOf(m).Tags.Enabled(), "n": keysOf(m).Note.Enabled(), "L": keysOf(m).ShortlistView.Enabled(), "x": keysOf(m).Export.Enabled()} {
		if !on {
			t.Errorf("%s disabled with a store", name)
		}
	}
	if keysOf(m).Editor.Accept.Enabled() {
		t.Error("editor keys live while browsing")
	}
	send(t, m, kp("?"))
	if s := screenText(m); !contains(s, "shortlist only") || !contains(s, "export") {
		t.Errorf("full help lacks the store keys:\n%s", s)
	}
}

func TestShortlistToggleSaves(t *testing.T) {
	m, st, path := newStoreModel(t)
	id := selected(m).ID
	send(t, m, kp("s"))
	if !st.Shortlisted(id) || st.Dirty() {
		t.Fatalf("after s: shortlisted %v, dirty %v", st.Shortlisted(id), st.Dirty())
	}
	if !reopen(t, path).Shortlisted(id) {
		t.Error("the shortlist did not reach the state file")
	}
	if flashText(m) != "★ shortlisted · saved" || flashIsErr(m) {
		t.Errorf("status message %q (error %v), want ★ shortlisted · saved", flashText(m), flashIsErr(m))
	}
	if s := screenText(m); !contains(s, "★ "+selected(m).Title) {
		t.Errorf("no ★ on the row or header:\n%s", s)
	}
	send(t, m, kp("s"))
	if st.Shortlisted(id) || reopen(t, path).Shortlisted(id) {
		t.Error("second s did not take it off the shortlist")
	}
}

func TestReadOnlyStoreRefusesChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	corrupt := []byte(`{"version": 1, "postings": {`)
	if err := os.WriteFile(path, corrupt, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := model.OpenStore(path)
	if !errors.Is(err, model.ErrCorrupt) {
		t.Fatalf("OpenStore = %v, want ErrCorrupt", err)
	}
	m := newTestModel(t, 120, 40, fixture())
	m.initState(Config{Store: st, StoreErr: err, ExportDir: t.TempDir()})
	if !flashIsErr(m) || !contains(flashText(m), "read-only") || !contains(screenText(m), "read-only") {
		t.Errorf("the read-only store is not said plainly: %q\n%s", flashText(m), screenText(m))
	}
	// The whole reason, with the fix it names, is in the detail pane: the
	// status line only has room for its start.
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40}) // redraw with the hook initState wired
	if sc := strings.Join(strings.Fields(screenText(m)), " "); !strings.Contains(sc, "corrupt") || !strings.Contains(sc, ".bak)") {
		t.Errorf("the detail pane does not give the whole reason and fix:\n%s", screenText(m))
	}
	for _, k := range []string{"s", "t", "n"} {
		clearFlash(m)
		send(t, m, kp(k))
		if openOverlay(m) != nil {
			t.Fatalf("%s opened an editor on a read-only store", k)
		}
		if !flashIsErr(m) || !contains(flashText(m), "can't change anything") || !contains(flashText(m), "corrupt") {
			t.Errorf("%s: message %q does not say why", k, flashText(m))
		}
	}
	if len(st.Entries()) != 0 || st.Dirty() {
		t.Error("the read-only store changed")
	}
	got, _ := os.ReadFile(path)
	if string(got) != string(corrupt) {
		t.Error("the corrupt file was touched")
	}
}

func TestShortlistView(t *testing.T) {
	m, st, _ := newStoreModel(t)
	for _, id := range []string{"a", "c"} {
		p, _ := collection(m).ByID(id)
		if _, err := st.ToggleShortlist(p); err != nil {
			t.Fatal(err)
		}
	}
	send(t, m, kp("L"))
	want := []string{"Senior Backend Engineer", "Data Analyst"}
	if got := titles(m); !slices.Equal(got, want) {
		t.Fatalf("shortlist view shows %v, want %v", got, want)
	}
	if s := screenText(m); !contains(s, "★ shortlist only · 2/4") {
		t.Errorf("status line does not say shortlist only:\n%s", s)
	}
	send(t, m, kp("/"))
	typeText(t, m, "data")
	send(t, m, kp("enter"))
	if got := titles(m); !slices.Equal(got, []string{"Data Analyst"}) {
		t.Errorf("shortlist view with a query shows %v", got)
	}
	send(t, m, kp("esc")) // clear the filter
	if selected(m).ID != "a" {
		send(t, m, kp("g"))
	}
	send(t, m, kp("s")) // take a off the shortlist: it leaves the view
	if got := titles(m); !slices.Equal(got, []string{"Data Analyst"}) {
		t.Errorf("after taking one off: %v", got)
	}
	send(t, m, kp("L"))
	if result(m).Len() != 4 || contains(screenText(m), "shortlist only ·") {
		t.Errorf("L again shows %d rows:\n%s", result(m).Len(), screenText(m))
	}
}

func TestStateQueryRerunsAfterChange(t *testing.T) {
	m, _, _ := newStoreModel(t)
	send(t, m, kp("s")) // the first row
	starred := selected(m).Title
	send(t, m, kp("/"))
	typeText(t, m, "is:shortlisted")
	send(t, m, kp("enter"))
	if got := titles(m); !slices.Equal(got, []string{starred}) {
		t.Fatalf("is:shortlisted shows %v", got)
	}
	send(t, m, kp("s"))
	if result(m).Len() != 0 {
		t.Errorf("is:shortlisted still shows %v after s", titles(m))
	}
}

// blockedStore returns a store whose folder cannot be created: a regular
// file sits where it should be. Removing blocker lets saves succeed.
func blockedStore(t *testing.T) (st *model.Store, path, blocker string) {
	t.Helper()
	dir := t.TempDir()
	blocker = filepath.Join(dir, "sub")
	path = filepath.Join(blocker, "state.json")
	st, err := model.OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(blocker, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	return st, path, blocker
}

func TestFailedSaveKeepsChangeAndQuitAsks(t *testing.T) {
	st, path, blocker := blockedStore(t)
	m := newTestModel(t, 120, 40, fixture())
	m.initState(Config{Store: st, ExportDir: t.TempDir()})
	id := selected(m).ID
	send(t, m, kp("s"))
	if !st.Shortlisted(id) || !st.Dirty() {
		t.Fatalf("failed save lost the change: shortlisted %v dirty %v", st.Shortlisted(id), st.Dirty())
	}
	if !flashIsErr(m) || !strings.HasPrefix(flashText(m), "not saved: ") {
		t.Errorf("status %q does not say the save failed", flashText(m))
	}
	if s := screenText(m); !contains(s, "unsaved · ") || !contains(s, "★ "+selected(m).Title) {
		t.Errorf("screen does not show the kept change and the unsaved mark:\n%s", s)
	}
	// The whole reason is in the detail pane; the status line cuts it.
	if sc := strings.Join(strings.Fields(screenText(m)), " "); !strings.Contains(sc, "⚠ not saved:") || !strings.Contains(sc, "next save tries again") {
		t.Errorf("the detail pane does not give the whole reason:\n%s", screenText(m))
	}

	send(t, m, kp("q"))
	if hasQuit(m) {
		t.Fatal("quit without asking although the save failed")
	}
	if _, ok := openOverlay(m).(*confirmOverlay); !ok {
		t.Fatalf("no quit question, overlay %T", openOverlay(m))
	}
	if s := screenText(m); !contains(s, "unsaved changes: save failed (") || !contains(s, "Quit anyway? y/n") {
		t.Errorf("question not shown:\n%s", s)
	}
	send(t, m, kp("x")) // a stray key does not answer
	if openOverlay(m) == nil {
		t.Fatal("a stray key answered the question")
	}
	send(t, m, kp("n"))
	if hasQuit(m) || openOverlay(m) != nil || !st.Shortlisted(id) {
		t.Fatalf("n: quitting %v, overlay %v", hasQuit(m), openOverlay(m))
	}

	// The next quit tries again; now the folder can be made.
	if err := os.Remove(blocker); err != nil {
		t.Fatal(err)
	}
	send(t, m, kp("q"))
	if !hasQuit(m) || st.Dirty() {
		t.Fatalf("quit after a good final save: quitting %v, dirty %v", hasQuit(m), st.Dirty())
	}
	if !reopen(t, path).Shortlisted(id) {
		t.Error("the final save did not reach the file")
	}
}

func TestQuitAnywayAfterFailedSave(t *testing.T) {
	st, _, _ := blockedStore(t)
	m := newTestModel(t, 120, 40, fixture())
	m.initState(Config{Store: st})
	send(t, m, kp("s"), kp("q"))
	if openOverlay(m) == nil || hasQuit(m) {
		t.Fatal("no question")
	}
	send(t, m, kp("y"))
	if !hasQuit(m) {
		t.Error("y did not quit")
	}

	m = newTestModel(t, 120, 40, fixture())
	m.initState(Config{Store: st})
	send(t, m, kp("ctrl+c"))
	if openOverlay(m) == nil || hasQuit(m) {
		t.Fatal("ctrl+c with unsaved changes did not ask")
	}
	send(t, m, kp("ctrl+c"))
	if !hasQuit(m) {
		t.Error("ctrl+c at the question did not quit")
	}
}

func TestQuitWithoutChangesQuitsAtOnce(t *testing.T) {
	m, _, _ := newStoreModel(t)
	send(t, m, kp("q"))
	if !hasQuit(m) {
		t.Error("q with nothing unsaved did not quit")
	}
}

func TestChangeDuringSaveIsSavedToo(t *testing.T) {
	m, st, path := newStoreModel(t)
	// Two changes before the first Save's reply: one Save runs, and the
	// second change is saved when it returns.
	_, c1 := m.Update(kp("s"))
	send(t, m, kp("j"))
	_, c2 := m.Update(kp("s"))
	if !storeOf(m).saving || !storeOf(m).again {
		t.Fatalf("saving %v again %v", storeOf(m).saving, storeOf(m).again)
	}
	pump(t, m, c1, 0)
	pump(t, m, c2, 0)
	if st.Dirty() || storeOf(m).saving {
		t.Fatalf("dirty %v saving %v", st.Dirty(), storeOf(m).saving)
	}
	if n := len(reopen(t, path).Entries()); n != 2 {
		t.Errorf("file has %d entries, want 2", n)
	}
}

func TestSaveShowsOtherJobdecksChanges(t *testing.T) {
	m, st, path := newStoreModel(t)
	other := reopen(t, path)
	if err := other.SetNote(selected(m), "written by the other jobdeck"); err != nil {
		t.Fatal(err)
	}
	if err := other.Save(); err != nil {
		t.Fatal(err)
	}
	// A change here to another posting: the save merges the file in.
	a, _ := collection(m).ByID("a")
	if err := st.SetShortlisted(a, true); err != nil {
		t.Fatal(err)
	}
	pump(t, m, m.save(), 0)
	if s := screenText(m); !contains(s, "Note     written by the other jobdeck") {
		t.Errorf("after a merging save the header lacks the other jobdeck's note:\n%s", s)
	}
	if re := reopen(t, path); !re.Shortlisted("a") || re.Note(selected(m).ID) != "written by the other jobdeck" {
		t.Errorf("merged file: %+v", re.Entries())
	}
}

func TestShortlistViewTakesPostingsStreamingIn(t *testing.T) {
	m, st, _ := newStoreModel(t)
	late := &model.Posting{ID: "late", Title: "Lighthouse Keeper", Company: "Saltmarsh Trust", Date: testNow}
	if err := st.SetShortlisted(late, true); err != nil { // shortlisted in an earlier session
		t.Fatal(err)
	}
	send(t, m, kp("L"))
	if result(m).Len() != 0 {
		t.Fatalf("shortlist view before the posting loaded: %v", titles(m))
	}
	send(t, m, batchMsg{postings: []*model.Posting{late, {ID: "other", Title: "Kiln Operator"}}, done: true})
	if got := titles(m); !slices.Equal(got, []string{"Lighthouse Keeper"}) {
		t.Errorf("after the batch: %v", got)
	}
}
