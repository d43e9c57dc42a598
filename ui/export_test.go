package ui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportShortlist(t *testing.T) {
	m, st, _ := newStoreModel(t)
	dir := storeOf(m).exportDir
	p, _ := collection(m).ByID("a")
	if _, err := st.ToggleShortlist(p); err != nil {
		t.Fatal(err)
	}
	send(t, m, kp("x"))
	if _, ok := openOverlay(m).(*exportOverlay); !ok {
		t.Fatalf("x opened %T", openOverlay(m))
	}
	if s := screenText(m); !contains(s, "export shortlist as:") || !contains(s, "m/enter markdown") || !contains(s, "c csv") || !contains(s, "j json") {
		t.Errorf("format question not shown:\n%s", s)
	}
	send(t, m, kp("c"))
	csvPath := filepath.Join(dir, "jobdeck-shortlist-2026-11-20.csv")
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatalf("no csv export: %v (status %q)", err, flashText(m))
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != 2 || !contains(strings.Join(rows[1], ","), "Senior Backend Engineer") {
		t.Errorf("csv export: %v, %v", rows, err)
	}
	if flashText(m) != "exported 1 posting to "+csvPath {
		t.Errorf("status %q does not give the path", flashText(m))
	}
	first, _ := os.ReadFile(csvPath)

	// Again: never overwrites, adds -2.
	send(t, m, kp("x"), kp("c"))
	if _, err := os.Stat(filepath.Join(dir, "jobdeck-shortlist-2026-11-20-2.csv")); err != nil {
		t.Errorf("second export: %v (status %q)", err, flashText(m))
	}
	if again, _ := os.ReadFile(csvPath); string(again) != string(first) {
		t.Error("the first export was overwritten")
	}

	send(t, m, kp("x"), kp("enter"))
	md, err := os.ReadFile(filepath.Join(dir, "jobdeck-shortlist-2026-11-20.md"))
	if err != nil || !contains(string(md), "Senior Backend Engineer") {
		t.Errorf("enter did not export markdown: %v", err)
	}
	send(t, m, kp("x"), kp("j"))
	js, err := os.ReadFile(filepath.Join(dir, "jobdeck-shortlist-2026-11-20.json"))
	if err != nil || !contains(string(js), `"shortlisted": true`) && !contains(string(js), `"shortlisted":true`) {
		t.Errorf("json export: %v\n%s", err, js)
	}
}

func TestExportCancelAndEmpty(t *testing.T) {
	m, _, _ := newStoreModel(t)
	dir := storeOf(m).exportDir
	send(t, m, kp("x"), kp("q")) // not an answer: still asking
	if openOverlay(m) == nil || hasQuit(m) {
		t.Fatal("a stray key closed the export question")
	}
	send(t, m, kp("esc"))
	if openOverlay(m) != nil || flashText(m) != "export cancelled" {
		t.Errorf("esc: overlay %T, msg %q", openOverlay(m), flashText(m))
	}
	send(t, m, kp("x"), kp("m"))
	if !flashIsErr(m) || !contains(flashText(m), "shortlist is empty") {
		t.Errorf("empty shortlist: %q", flashText(m))
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("files written: %v", left)
	}
}

func TestExportFailureSaysWhy(t *testing.T) {
	m, st, _ := newStoreModel(t)
	p, _ := collection(m).ByID("b")
	if _, err := st.ToggleShortlist(p); err != nil {
		t.Fatal(err)
	}
	storeOf(m).exportDir = filepath.Join(t.TempDir(), "missing")
	send(t, m, kp("x"), kp("j"))
	if !flashIsErr(m) || !strings.HasPrefix(flashText(m), "export: ") {
		t.Errorf("failed export: %q", flashText(m))
	}
}
