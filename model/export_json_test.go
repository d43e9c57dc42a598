package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestJSONExportShape(t *testing.T) {
	ps, s := exportFixture(t)
	items := SelectForExport(ps, s, Selection{})
	x := Exporter{Format: FormatJSON, Now: exportNow, ReadBody: func(p *Posting) (string, error) {
		if p.ID == "c-formula" {
			return "", errors.New("file vanished")
		}
		return "re-read " + p.ID, nil
	}}
	var b bytes.Buffer
	if err := x.Write(&b, items); err != nil {
		t.Fatal(err)
	}
	var recs []map[string]any
	if err := json.Unmarshal(b.Bytes(), &recs); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, b.Bytes())
	}
	if len(recs) != 3 {
		t.Fatalf("%d records", len(recs))
	}
	for _, k := range []string{"id", "path", "title", "company", "location", "date", "keywords", "url", "apply_url", "salary", "employment_type", "warnings", "body", "shortlisted", "tags", "note"} {
		if _, ok := recs[0][k]; !ok {
			t.Errorf("record lacks %q", k)
		}
	}
	if recs[0]["body"] != "re-read u-gardener" {
		t.Errorf("body not read through ReadBody: %q", recs[0]["body"])
	}
	warnings, _ := recs[1]["warnings"].([]any)
	if recs[1]["body"] != "" || len(warnings) != 2 || !strings.Contains(warnings[1].(string), "file vanished") {
		t.Errorf("failed body read: body %q, warnings %v", recs[1]["body"], warnings)
	}
	if _, ok := recs[0]["missing"]; ok {
		t.Error("loaded posting is marked missing")
	}
	if recs[2]["missing"] != true || recs[2]["title"] != "Data Cartographer" || recs[2]["shortlisted"] != true {
		t.Errorf("missing record = %v", recs[2])
	}
	if len(ps[1].Warnings()) != 1 {
		t.Errorf("export changed the posting's warnings: %q", ps[1].Warnings())
	}
}
