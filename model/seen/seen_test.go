package seen_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/model/seen"
)

var day0 = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

func open(t *testing.T, dir string, now, since time.Time) *seen.Log {
	t.Helper()
	l, err := seen.Open(dir, now, since)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func news(l *seen.Log, ids ...string) string {
	var out []string
	for _, id := range ids {
		if l.IsNew(id) {
			out = append(out, id)
		}
	}
	return strings.Join(out, ",")
}

func TestIsNewSinceThePreviousLaunch(t *testing.T) {
	dir := t.TempDir()
	first := open(t, dir, day0, time.Time{})
	if got := news(first, "a", "b"); got != "" {
		t.Fatalf("first launch: %q new, want none (the log begins)", got)
	}
	if err := first.Record([]string{"a", "b"}); err != nil {
		t.Fatal(err)
	}
	second := open(t, dir, day0.Add(24*time.Hour), time.Time{})
	if got := news(second, "a", "b", "c"); got != "c" {
		t.Fatalf("second launch: %q new, want c", got)
	}
	if err := second.Record([]string{"a", "b", "c"}); err != nil {
		t.Fatal(err)
	}
	if got := news(second, "a", "b", "c"); got != "c" {
		t.Fatalf("after recording: %q new, want c still", got)
	}
	third := open(t, dir, day0.Add(48*time.Hour), time.Time{})
	if got := news(third, "a", "b", "c"); got != "" {
		t.Fatalf("third launch: %q new, want none", got)
	}
	// --since 3d reaches back past the launches.
	back := open(t, dir, day0.Add(72*time.Hour), day0.Add(12*time.Hour))
	if got := news(back, "a", "b", "c", "d"); got != "c,d" {
		t.Fatalf("since day 0.5: %q new, want c,d", got)
	}
}

func TestRecordAppendsOnlyWhatIsNew(t *testing.T) {
	dir := t.TempDir()
	l := open(t, dir, day0, time.Time{})
	ids := make([]string, 1000)
	for i := range ids {
		ids[i] = "id" + string(rune('a'+i%26)) + strings.Repeat("x", i/26)
	}
	if err := l.Record(ids); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(filepath.Join(dir, seen.FileName))
	if err := l.Record(ids); err != nil {
		t.Fatal(err)
	}
	l2 := open(t, dir, day0.Add(time.Hour), time.Time{})
	if err := l2.Record(append(ids, "bad id", "bad\nid")); err != nil {
		t.Fatal(err)
	}
	fi2, _ := os.Stat(filepath.Join(dir, seen.FileName))
	launch := int64(len("L 1764320400\n"))
	if fi2.Size() != fi.Size()+launch {
		t.Errorf("log grew %d bytes for ids already in it, want one launch line (%d)", fi2.Size()-fi.Size(), launch)
	}
}

func TestTornAndForeignLinesAreSkipped(t *testing.T) {
	dir := t.TempDir()
	text := "L 1764320400\n1764320400 a\ngarbage\n\x00\x01\n1764320400\nL x\n1764406800 b\n1764320400 b\n1764406"
	if err := os.WriteFile(filepath.Join(dir, seen.FileName), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	l := open(t, dir, day0.Add(48*time.Hour), time.Time{})
	// the previous launch is 1764320400 (day 0); b keeps its earliest time
	if got := news(l, "a", "b", "z"); got != "z" {
		t.Fatalf("%q new, want z", got)
	}
}

func TestLaunchAfterATornLineIsRead(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, seen.FileName), []byte("L 1764320400\n1764320400 a\n17643"), 0o600); err != nil {
		t.Fatal(err)
	}
	l := open(t, dir, day0.Add(24*time.Hour), time.Time{})
	if err := l.Record([]string{"b"}); err != nil {
		t.Fatal(err)
	}
	next := open(t, dir, day0.Add(48*time.Hour), time.Time{})
	if !next.Since().Equal(day0.Add(24 * time.Hour)) {
		t.Fatalf("since %v, want the launch written after the torn line", next.Since())
	}
	if next.IsNew("b") || next.IsNew("a") {
		t.Fatal("postings seen at earlier launches count as new")
	}
}
