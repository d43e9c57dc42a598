package model

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// v1File is a version 1 state file with every field set, unknown fields
// at both levels and an entry that was cleared.
const v1File = `{
  "version": 1,
  "postings": {
    "a": {"shortlisted": true, "tags": ["go", "remote"], "note": "call Monday\nask about rota", "updated": "2026-11-23T19:24:49Z",
          "title": "Backend Engineer", "company": "Acme", "url": "https://acme.example/1", "rating": 4},
    "b": {"shortlisted": false, "tags": [], "note": "", "updated": "2026-11-20T08:00:00Z", "title": "Cleared", "company": "", "url": ""}
  },
  "sync": {"device": "laptop"}
}
`

func TestMigrateV1File(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	if err := os.WriteFile(path, []byte(v1File), 0o600); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path)
	s.now = fixedClock(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	if e, _ := s.Get("a"); !e.Shortlisted || !slices.Equal(e.Tags, []string{"go", "remote"}) || e.Note != "call Monday\nask about rota" {
		t.Fatalf("v1 entry read as %+v", e)
	}
	if _, err := os.Stat(V1BackupPath(path)); !os.IsNotExist(err) {
		t.Fatalf("backup written before any save: %v", err)
	}
	c := &Posting{ID: "c", Title: "SRE", Company: "Harbor"}
	if err := s.SetStage(c, StageApplied, time.Time{}); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)

	backup, err := os.ReadFile(V1BackupPath(path))
	if err != nil || string(backup) != v1File {
		t.Fatalf("backup = %q, %v; want the version 1 file byte for byte", backup, err)
	}
	if fi, _ := os.Stat(V1BackupPath(path)); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", fi.Mode().Perm())
	}
	raw, _ := os.ReadFile(path)
	var file struct {
		Version  int                                   `json:"version"`
		Postings map[string]map[string]json.RawMessage `json:"postings"`
		Sync     json.RawMessage                       `json:"sync"`
	}
	if err := json.Unmarshal(raw, &file); err != nil || file.Version != 2 {
		t.Fatalf("new file: version %d, %v\n%s", file.Version, err, raw)
	}
	want := map[string]string{
		"shortlisted": `true`, "tags": `["go","remote"]`, "note": `"call Monday\nask about rota"`,
		"updated": `"2026-11-23T19:24:49Z"`, "title": `"Backend Engineer"`, "company": `"Acme"`,
		"url": `"https://acme.example/1"`, "rating": `4`,
	}
	for k, v := range want {
		if got := compact(t, file.Postings["a"][k]); got != v {
			t.Errorf("posting a field %s = %s, want %s", k, got, v)
		}
	}
	if _, ok := file.Postings["b"]; !ok {
		t.Error("cleared entry b dropped")
	}
	if compact(t, file.Sync) != `{"device":"laptop"}` {
		t.Errorf("top-level unknown field = %s", file.Sync)
	}
	if compact(t, file.Postings["c"]["stage"]) != `"applied"` {
		t.Errorf("new entry c = %v", file.Postings["c"])
	}

	// Later saves never touch the backup, even when it no longer matches.
	if err := os.WriteFile(V1BackupPath(path), []byte("kept"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(c, "second save"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)
	if b, _ := os.ReadFile(V1BackupPath(path)); string(b) != "kept" {
		t.Errorf("backup rewritten: %q", b)
	}
}

// A backup already beside a version 1 file (from an earlier migration that
// was rolled back, say) is never overwritten.
func TestMigrateKeepsExistingBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	if err := os.WriteFile(path, []byte(v1File), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(V1BackupPath(path), []byte("older backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path)
	if err := s.SetNote(&Posting{ID: "a"}, "changed"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)
	if b, _ := os.ReadFile(V1BackupPath(path)); string(b) != "older backup" {
		t.Errorf("existing backup overwritten: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if name := e.Name(); name != "state.json" && name != "state.json.lock" && name != "state.json.v1-backup" {
			t.Errorf("left behind: %s", name)
		}
	}
}

// A new state file, or one already at version 2, gets no backup.
func TestNoBackupWithoutV1File(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := openTestStore(t, path)
	if err := s.SetNote(&Posting{ID: "a"}, "n"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)
	if err := s.SetNote(&Posting{ID: "a"}, "m"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)
	if _, err := os.Stat(V1BackupPath(path)); !os.IsNotExist(err) {
		t.Errorf("backup of a file that never was version 1: %v", err)
	}
}
