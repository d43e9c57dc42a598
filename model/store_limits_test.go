package model

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestStoreClampsTimesToRFC3339(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	content := `{"version":1,"postings":{
"max":{"note":"a","updated":"9999-12-31T23:59:59.999999999Z"},
"offset":{"note":"b","updated":"9999-12-31T23:00:00-05:00"},
"early":{"note":"c","updated":"0000-01-01T00:00:00+01:00"}}}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path)
	if e, _ := s.Get("offset"); !e.Updated.Equal(stateTimeMax) {
		t.Errorf("a time past year 9999 in UTC reads as %v, want %v", e.Updated, stateTimeMax)
	}
	if e, _ := s.Get("early"); !e.Updated.Equal(stateTimeMin) {
		t.Errorf("a time before year 0 in UTC reads as %v, want %v", e.Updated, stateTimeMin)
	}
	if err := s.SetNote(statePosting("max", "Pilot"), "changed"); err != nil {
		t.Fatal(err)
	}
	s.now = func() time.Time { return time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC) }
	if err := s.SetNote(statePosting("new", "Pilot"), "from the far future"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)

	back, err := OpenStore(path)
	if err != nil {
		raw, _ := os.ReadFile(path)
		t.Fatalf("the saved file does not read back: %v\n%s", err, raw)
	}
	for _, id := range []string{"max", "new"} {
		if e, _ := back.Get(id); !e.Updated.Equal(stateTimeMax) {
			t.Errorf("%s: updated = %v, want the latest RFC 3339 time", id, e.Updated)
		}
	}
}

func TestSaveDoesNotInflateTheFile(t *testing.T) {
	dir := t.TempDir()
	// A note of line separators, which encoding/json writes as \u2028 (6
	// bytes for 3), and HTML characters.
	note := strings.Repeat("\u2028<&>\u2029", 100_000)
	content := fmt.Sprintf(`{"version":1,"postings":{"a":{"note":%q}}}`, note)
	content = strings.NewReplacer(`\u2028`, "\u2028", `\u2029`, "\u2029").Replace(content)
	// Many small entries, which grew with every empty field and indentation.
	var many strings.Builder
	many.WriteString(`{"version":1,"postings":{`)
	for i := range 30_000 { // past stateIndentMax: written one posting per line
		fmt.Fprintf(&many, "%s\"p%05d\":{\"shortlisted\":true,\"tags\":[\"t%d\"]}", map[bool]string{true: ",", false: ""}[i > 0], i, i%10)
	}
	many.WriteString("}}")
	for name, data := range map[string]string{"note.json": content, "many.json": many.String()} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		s := openTestStore(t, path)
		if err := s.SetShortlisted(statePosting("b", ""), true); err != nil {
			t.Fatal(err)
		}
		mustSave(t, s)
		fi, _ := os.Stat(path)
		if limit := int64(len(data))*11/10 + 200; fi.Size() > limit {
			t.Errorf("%s: one change grew the file from %d to %d bytes", name, len(data), fi.Size())
		}
		if _, err := OpenStore(path); err != nil {
			t.Errorf("%s: does not read back: %v", name, err)
		}
	}
}

func TestSaveRefusesAFileTooLargeToReadBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	// An unknown field of invalid UTF-8, which must be written as U+FFFD
	// (three bytes for one) to be valid JSON: within the cap as read, over
	// it as written.
	var b bytes.Buffer
	b.WriteString(`{"version":1,"postings":{"a":{"other":"`)
	b.Write(bytes.Repeat([]byte{0xff}, maxStateSize/3+1<<20))
	b.WriteString(`"},"z":{},"z":{}}}`) // a repeated posting: no splicing, all is encoded
	before := b.Bytes()
	if err := os.WriteFile(path, before, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path)
	if err := s.SetNote(statePosting("b", "Cook"), "n"); err != nil {
		t.Fatal(err)
	}
	checkRefusedForSize(t, s, path, before)

	// The same when the change itself is too large (spliced into the file).
	before = []byte(`{"version":1,"postings":{"a":{"note":"` + strings.Repeat("x", maxStateSize-1<<20) + `"}}}`)
	if err := os.WriteFile(path, before, 0o600); err != nil {
		t.Fatal(err)
	}
	s = openTestStore(t, path)
	if err := s.SetNote(statePosting("b", "Cook"), strings.Repeat("y", 2<<20)); err != nil {
		t.Fatal(err)
	}
	checkRefusedForSize(t, s, path, before)
}

func checkRefusedForSize(t *testing.T, s *Store, path string, before []byte) {
	t.Helper()
	err := s.Save()
	if err == nil || !strings.Contains(err.Error(), "MiB") || !s.Dirty() {
		t.Fatalf("Save past the read cap = %v (dirty %v), want a refusal saying why", err, s.Dirty())
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("a refused save changed the file")
	}
}

func TestCheckStateOutputRefusesWhatWouldNotDecode(t *testing.T) {
	for _, out := range []string{`{"version":1,"postings":{"a":{"updated":"10000-01-01T00:00:00Z"}}}`, `{"version":1`} {
		if err := checkStateOutput([]byte(out)); !errors.Is(err, ErrCorrupt) {
			t.Errorf("checkStateOutput(%s) = %v, want ErrCorrupt", out, err)
		}
	}
	if err := checkStateOutput([]byte(`{"version":1,"postings":{}}`)); err != nil {
		t.Errorf("a good file: %v", err)
	}
}
