package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func mustSave(t *testing.T, s *Store) {
	t.Helper()
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
}

func TestStoreKeepsUnknownFields(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	orig := `{
  "version": 1,
  "synced_by": {"device": "tablet", "at": [1, 2]},
  "postings": {
    "a": {"shortlisted": true, "tags": ["x"], "note": "", "updated": "2026-01-02T03:04:05Z",
          "title": "Ferry Pilot", "company": "Harbor & Co", "url": "", "rating": 4, "color": {"r": 1}},
    "b": {"shortlisted": false, "tags": [], "updated": "2026-01-02T03:04:05.123456789Z", "future": null}
  }
}`
	if err := os.WriteFile(path, []byte(orig), 0o600); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path)
	if err := s.SetNote(statePosting("a", "Ferry Pilot"), "windy"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)

	var got struct {
		SyncedBy json.RawMessage                       `json:"synced_by"`
		Postings map[string]map[string]json.RawMessage `json:"postings"`
	}
	raw, _ := os.ReadFile(path)
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if compact(t, got.SyncedBy) != `{"at":[1,2],"device":"tablet"}` {
		t.Errorf("top-level unknown field = %s", got.SyncedBy)
	}
	a, b := got.Postings["a"], got.Postings["b"]
	if string(a["rating"]) != "4" || compact(t, a["color"]) != `{"r":1}` || string(a["note"]) != `"windy"` {
		t.Errorf("changed entry lost fields: %s", raw)
	}
	if string(b["future"]) != "null" || string(b["updated"]) != `"2026-01-02T03:04:05.123456789Z"` {
		t.Errorf("untouched entry changed: %s", raw)
	}
}

// compact returns raw in canonical form (no space, object keys sorted).
func compact(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestStoreMergesWithAnotherStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	one := openTestStore(t, path)
	two := openTestStore(t, path)
	base := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	one.now = fixedClock(base)
	two.now = fixedClock(base.Add(time.Hour))

	shared := statePosting("shared", "Tugboat Captain")
	if err := one.SetNote(shared, "from one (older)"); err != nil {
		t.Fatal(err)
	}
	if err := one.SetShortlisted(statePosting("only-one", "Bellringer"), true); err != nil {
		t.Fatal(err)
	}
	if err := two.SetNote(shared, "from two (newer)"); err != nil {
		t.Fatal(err)
	}
	if err := two.SetTags(statePosting("only-two", "Cooper"), []string{"barrels"}); err != nil {
		t.Fatal(err)
	}
	mustSave(t, two)
	mustSave(t, one) // one's change to "shared" is older: two's stays

	for name, s := range map[string]*Store{"one": one, "two-reopened": openTestStore(t, path)} {
		if got := s.Note("shared"); got != "from two (newer)" {
			t.Errorf("%s: shared note = %q", name, got)
		}
		if !s.Shortlisted("only-one") || !slices.Equal(s.Tags("only-two"), []string{"barrels"}) {
			t.Errorf("%s: lost a change: %v", name, s.Entries())
		}
	}
	if one.Dirty() {
		t.Error("one is dirty after its save lost to a newer change")
	}

	// two has not saved since; it sees one's changes only after its own next
	// save, which must not bring anything old back.
	if two.Shortlisted("only-one") {
		t.Error("two sees one's change before saving")
	}
	if err := two.SetNote(statePosting("later", "Sailmaker"), "x"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, two)
	if !two.Shortlisted("only-one") {
		t.Error("after saving, two does not show one's change")
	}
}

func TestStoreClearedEntryIsNotResurrected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	one := openTestStore(t, path)
	p := statePosting("p", "Net Mender")
	if err := one.SetShortlisted(p, true); err != nil {
		t.Fatal(err)
	}
	mustSave(t, one)
	two := openTestStore(t, path)
	if err := two.SetShortlisted(p, false); err != nil {
		t.Fatal(err)
	}
	mustSave(t, two)
	if err := one.SetNote(statePosting("q", "Other"), "n"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, one)
	if one.Shortlisted("p") || openTestStore(t, path).Shortlisted("p") {
		t.Error("a cleared shortlist flag came back after another store saved")
	}
}

func TestStoreConcurrentStoresLoseNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	const perStore = 15
	var wg sync.WaitGroup
	for w := range 2 {
		s := openTestStore(t, path)
		wg.Go(func() {
			for i := range perStore {
				p := statePosting(fmt.Sprintf("w%d-%d", w, i), "Lamplighter")
				if err := s.SetTags(p, []string{fmt.Sprintf("w%d", w)}); err != nil {
					t.Error(err)
					return
				}
				if err := s.Save(); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	got := openTestStore(t, path).Entries()
	for w := range 2 {
		for i := range perStore {
			if id := fmt.Sprintf("w%d-%d", w, i); !got[id].HasTag(fmt.Sprintf("w%d", w)) {
				t.Errorf("lost %s", id)
			}
		}
	}
}

func TestStoreChangesDuringSaveStayDirty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := openTestStore(t, path)
	a, b := statePosting("a", "Chandler"), statePosting("b", "Farrier")
	if err := s.SetNote(a, "first"); err != nil {
		t.Fatal(err)
	}
	s.afterWrite = func() {
		s.afterWrite = nil
		if err := s.SetNote(a, "second"); err != nil {
			t.Error(err)
		}
		if err := s.SetNote(b, "also new"); err != nil {
			t.Error(err)
		}
	}
	mustSave(t, s)
	if !s.Dirty() || s.Note("a") != "second" || s.Note("b") != "also new" {
		t.Fatalf("change made during Save lost: dirty=%v a=%q b=%q", s.Dirty(), s.Note("a"), s.Note("b"))
	}
	mustSave(t, s)
	r := openTestStore(t, path)
	if s.Dirty() || r.Note("a") != "second" || r.Note("b") != "also new" {
		t.Errorf("second save: dirty=%v a=%q b=%q", s.Dirty(), r.Note("a"), r.Note("b"))
	}
}

func TestStoreCorruptFileIsReadOnlyAndUntouched(t *testing.T) {
	cases := map[string]string{
		"not json":           "this is not json {",
		"truncated":          `{"version": 1, "postings": {"a": {"shortlisted": tr`,
		"array":              `[1, 2]`,
		"null":               `null`,
		"no version":         `{"postings": {}}`,
		"string version":     `{"version": "1", "postings": {}}`,
		"version zero":       `{"version": 0}`,
		"postings array":     `{"version": 1, "postings": []}`,
		"entry not object":   `{"version": 1, "postings": {"a": 5}}`,
		"entry null":         `{"version": 1, "postings": {"a": null}}`,
		"tags wrong type":    `{"version": 1, "postings": {"a": {"tags": "go"}}}`,
		"updated not time":   `{"version": 1, "postings": {"a": {"updated": "yesterday"}}}`,
		"binary":             "\x00\x01\xff\xfe",
		"trailing garbage":   `{"version": 1, "postings": {}} xyz`,
		"shortlisted as 1":   `{"version": 1, "postings": {"a": {"shortlisted": 1}}}`,
		"version fractional": `{"version": 1.5}`,
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := OpenStore(path)
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("OpenStore err = %v, want ErrCorrupt", err)
			}
			checkReadOnly(t, s, path, []byte(content), err)
		})
	}
}

func TestStoreNewerVersionIsReadOnlyButShown(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	content := []byte(`{"version": 3, "postings": {"a": {"shortlisted": true, "tags": ["kept"], "updated": "2030-01-01T00:00:00Z"}, "b": {"tags": {"new": "shape"}}}, "sync": true}`)
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := OpenStore(path)
	if !errors.Is(err, ErrNewerVersion) || errors.Is(err, ErrCorrupt) {
		t.Fatalf("OpenStore err = %v, want ErrNewerVersion only", err)
	}
	if !strings.Contains(err.Error(), "newer jobdeck") {
		t.Errorf("message does not name the fix: %v", err)
	}
	if !s.Shortlisted("a") || !slices.Equal(s.Tags("a"), []string{"kept"}) {
		t.Errorf("read-only store does not show what it could decode: %v", s.Entries())
	}
	checkReadOnly(t, s, path, content, err)
}

// checkReadOnly asserts that s refuses changes, never writes, and that
// openErr names the file and a fix.
func checkReadOnly(t *testing.T, s *Store, path string, content []byte, openErr error) {
	t.Helper()
	if s == nil {
		t.Fatal("OpenStore returned no store with the error")
	}
	msg := openErr.Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, "mv "+path) {
		t.Errorf("message does not name the file and the fix: %s", msg)
	}
	if ro := s.ReadOnly(); !errors.Is(ro, openErr) && ro != openErr {
		t.Errorf("ReadOnly() = %v, want the open error", ro)
	}
	p := statePosting("new", "Glazier")
	if _, err := s.ToggleShortlist(p); !errors.Is(err, ErrReadOnly) {
		t.Errorf("ToggleShortlist err = %v, want ErrReadOnly", err)
	}
	if err := s.SetTags(p, []string{"x"}); !errors.Is(err, ErrReadOnly) || !(errors.Is(err, ErrCorrupt) || errors.Is(err, ErrNewerVersion)) {
		t.Errorf("SetTags err = %v, want ErrReadOnly wrapping the reason", err)
	}
	if err := s.SetNote(p, "x"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("SetNote err = %v", err)
	}
	if s.Dirty() {
		t.Error("refused changes made the store dirty")
	}
	if err := s.Save(); err != nil {
		t.Errorf("Save with nothing to save = %v", err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != string(content) {
		t.Errorf("file changed: %q, %v", got, err)
	}
	names, _ := os.ReadDir(filepath.Dir(path))
	if len(names) != 1 {
		t.Errorf("read-only store created files: %v", names)
	}
}

func TestStoreUnwritableFolderKeepsChanges(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "jobdeck")
	if err := os.WriteFile(blocker, []byte("a file where the folder should be"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(blocker, "state.json")
	s, err := OpenStore(path)
	if err != nil {
		t.Fatalf("OpenStore under a file = %v, want an empty writable store", err)
	}
	p := statePosting("p", "Wheelwright")
	if _, err := s.ToggleShortlist(p); err != nil {
		t.Fatal(err)
	}
	err = s.Save()
	if err == nil {
		t.Fatal("Save into a folder that cannot exist succeeded")
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "kept in memory") {
		t.Errorf("Save error is not clear: %v", err)
	}
	if !s.Dirty() || !s.Shortlisted("p") {
		t.Fatal("failed Save dropped the change")
	}
	if err := s.SetNote(p, "still here"); err != nil {
		t.Fatal(err)
	}

	if err := os.Remove(blocker); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)
	r := openTestStore(t, path)
	if s.Dirty() || !r.Shortlisted("p") || r.Note("p") != "still here" {
		t.Errorf("retry did not save everything: dirty=%v %v", s.Dirty(), r.Entries())
	}
}

func TestStoreUnreadableFileIsReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.Mkdir(path, 0o700); err != nil { // a folder cannot be read as a file
		t.Fatal(err)
	}
	s, err := OpenStore(path)
	if err == nil || s == nil || s.ReadOnly() == nil {
		t.Fatalf("OpenStore on a folder = %v, ro %v", err, s.ReadOnly())
	}
	if err := s.SetNote(statePosting("a", "Tanner"), "x"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("SetNote err = %v", err)
	}
}

func TestStoreFileTurnedCorruptBeforeSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := openTestStore(t, path)
	if err := s.SetNote(statePosting("a", "Thatcher"), "n"); err != nil {
		t.Fatal(err)
	}
	garbage := []byte(`{"version": 1, "postings": {`)
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Save over a corrupted file = %v, want ErrCorrupt", err)
	}
	if got, _ := os.ReadFile(path); string(got) != string(garbage) {
		t.Errorf("Save touched the corrupt file: %q", got)
	}
	if !s.Dirty() || s.Note("a") != "n" {
		t.Error("failed Save dropped the change")
	}
	if err := os.WriteFile(path, nil, 0o600); err != nil { // the user emptied it
		t.Fatal(err)
	}
	mustSave(t, s)
	if openTestStore(t, path).Note("a") != "n" {
		t.Error("change not saved after the file was fixed")
	}
}

func TestStoreLockTimeout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	held, err := lockStateFile(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path)
	s.lockWait = 30 * time.Millisecond
	if err := s.SetNote(statePosting("a", "Cobbler"), "n"); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(); !errors.Is(err, ErrLocked) {
		t.Fatalf("Save under a held lock = %v, want ErrLocked", err)
	}
	if !s.Dirty() {
		t.Error("lock timeout dropped the change")
	}
	if err := held.unlock(); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)
}

func TestStoreRemovesStaleTempFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	stale := filepath.Join(dir, ".state.json.tmp-123456")
	if err := os.WriteFile(stale, []byte(`{"version": 1, "postin`), 0o600); err != nil {
		t.Fatal(err)
	}
	unrelated := filepath.Join(dir, ".other.json.tmp-1")
	if err := os.WriteFile(unrelated, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path)
	if err := s.SetNote(statePosting("a", "Mason"), "n"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temp file kept: %v", err)
	}
	if _, err := os.Stat(unrelated); err != nil {
		t.Errorf("unrelated file removed: %v", err)
	}
}

func TestStoreKeepsSymlinkedFile(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "state.json")
	if err := os.MkdirAll(filepath.Dir(real), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte(`{"version":1,"postings":{}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "state.json")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, link)
	if err := s.SetNote(statePosting("a", "Potter"), "n"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("symlink replaced: %v", err)
	}
	if openTestStore(t, real).Note("a") != "n" {
		t.Error("change not written through the symlink")
	}
}

func TestStoreCleansControlCharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	content := `{"version":1,"postings":{"a":{"shortlisted":true,"tags":["ok","bad\u001b[31mred"],"note":"line\u001b]52;c;aGk=\u0007\nnext\u202e","title":"T\u0000itle\u009b","company":"Co","url":"u"}}}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path)
	e, _ := s.Get("a")
	all := strings.Join(append(e.Tags, e.Note, e.Title, e.Company, e.URL), "|")
	for _, r := range all {
		if r != '\n' && isStateControl(r) {
			t.Errorf("control character %U survived: %q", r, all)
		}
	}
	if e.Note != "line]52;c;aGk=\nnext" || e.Title != "Title" {
		t.Errorf("note %q title %q", e.Note, e.Title)
	}
	if err := s.SetNote(statePosting("b", "x"), "a\x1b[2Jb\r\nc"); err != nil {
		t.Fatal(err)
	}
	if got := s.Note("b"); got != "a[2Jb\nc" {
		t.Errorf("SetNote kept control characters: %q", got)
	}
}

func TestStoreEmptyFileIsEmptyState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte(" \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := OpenStore(path)
	if err != nil || s.ReadOnly() != nil || len(s.Entries()) != 0 {
		t.Fatalf("empty file: err %v, ro %v", err, s.ReadOnly())
	}
}

func TestDefaultStatePath(t *testing.T) {
	t.Setenv("JOBDECK_STATE", "")
	t.Setenv("XDG_DATA_HOME", "/xdg/data")
	t.Setenv("HOME", "/home/juno")
	cases := []struct{ state, xdg, want string }{
		{"/custom/s.json", "/xdg/data", "/custom/s.json"},
		{"", "/xdg/data", "/xdg/data/jobdeck/state.json"},
		{"", "relative/ignored", "/home/juno/.local/share/jobdeck/state.json"},
		{"", "", "/home/juno/.local/share/jobdeck/state.json"},
	}
	for _, c := range cases {
		t.Setenv("JOBDECK_STATE", c.state)
		t.Setenv("XDG_DATA_HOME", c.xdg)
		got, err := DefaultStatePath()
		if err != nil || got != filepath.FromSlash(c.want) {
			t.Errorf("state=%q xdg=%q: %q, %v; want %q", c.state, c.xdg, got, err, c.want)
		}
	}
}
