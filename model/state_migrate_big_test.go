package model

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMigrateLargeV1FileThenSplice checks a version 1 file too large to be
// indented: it is never spliced (its header says version 1), its first
// save keeps the copy and writes version 2 whole, with the fields named as
// version 2 ones kept under v1_; the next save splices the stage fields of
// the one changed posting into the version 2 file.
func TestMigrateLargeV1FileThenSplice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	var b strings.Builder
	b.WriteString(`{"version":1,"postings":{`)
	for i := range 20_000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"p%05d":{"shortlisted":true,"note":"%s","stage":"mine %d"}`, i, strings.Repeat("n", 50), i)
	}
	b.WriteString("}}")
	v1 := []byte(b.String())
	if len(v1) <= stateIndentMax {
		t.Fatalf("fixture is %d bytes, want more than %d", len(v1), stateIndentMax)
	}
	if err := os.WriteFile(path, v1, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	one, two := &Posting{ID: "p00001", Title: "One"}, &Posting{ID: "p00002", Title: "Two"}
	for _, err := range []error{st.SetStage(one, StageApplied, day), st.SetFollowUp(one, day.AddDate(0, 0, 7)), st.Save()} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if backup, err := os.ReadFile(V1BackupPath(path)); err != nil || !bytes.Equal(backup, v1) {
		t.Fatalf("backup: %v; want the version 1 file byte for byte", err)
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	disk, err := decodeState(first)
	if err != nil || disk.version != 2 || disk.layout == nil {
		t.Fatalf("after the first save: version %d, layout %v, %v", disk.version, disk.layout != nil, err)
	}
	e := disk.entries["p00001"]
	if e.Stage != StageApplied || len(e.History) != 1 || !e.FollowUp.Equal(Day(day.AddDate(0, 0, 7))) || string(e.extra["v1_stage"]) != `"mine 1"` {
		t.Fatalf("changed entry: %+v", e)
	}
	if e := disk.entries["p00003"]; e.Stage != StageNone || string(e.extra["v1_stage"]) != `"mine 3"` || !e.Shortlisted {
		t.Fatalf("untouched entry: %+v", e)
	}

	if err := st.SetStage(two, StageInterviewing, day.AddDate(0, 0, 1)); err != nil {
		t.Fatal(err)
	}
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	second, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(first, []byte(`"p00002":`))
	if at < 0 || !bytes.Equal(first[:at], second[:at]) {
		t.Error("the second save did not keep the bytes before the changed posting (not spliced)")
	}
	back, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := back.Get("p00002"); e.Stage != StageInterviewing || !e.StageAt().Equal(day.AddDate(0, 0, 1)) || string(e.extra["v1_stage"]) != `"mine 2"` {
		t.Errorf("spliced entry read back: %+v", e)
	}
	if e, _ := back.Get("p00001"); e.Stage != StageApplied || e.FollowUp.IsZero() {
		t.Errorf("first change read back: %+v", e)
	}
}
