package loader

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// TestRecordReadersAcrossReads feeds the JSON and JSON Lines readers one
// byte per read, so every record spans many window refills, and checks
// each record's bytes and offset against the input.
func TestRecordReadersAcrossReads(t *testing.T) {
	lines := "0\n00{\"title\":\"0\",\"Url\":0}\n\n{\"a\": \"b\\\"c\"}\r\nlast"
	var got []string
	err := lineRecords(iotest.OneByteReader(strings.NewReader(lines)), func(i int, off int64, raw []byte) bool {
		if !bytes.Equal([]byte(lines)[off:off+int64(len(raw))], raw) {
			t.Errorf("line %d: offset %d does not hold %q", i, off, raw)
		}
		got = append(got, string(raw))
		return true
	})
	want := []string{"0", `00{"title":"0","Url":0}`, `{"a": "b\"c"}`, "last"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("lines %q, %v; want %q", got, err, want)
	}

	doc := "\xef\xbb\xbf {\"meta\": {\"n\": [1, {\"x\": \"]\"}]}, \"jobs\": [ {\"title\": \"A\"}, \"s\\\\\", [1, [2]], 3 ], \"after\": 1}"
	got = nil
	err = jsonRecords(iotest.OneByteReader(strings.NewReader(doc)), func(i int, off int64, raw []byte) bool {
		if !bytes.Equal([]byte(doc)[off:off+int64(len(raw))], raw) {
			t.Errorf("element %d: offset %d does not hold %q", i, off, raw)
		}
		got = append(got, string(raw))
		return true
	})
	want = []string{`{"title": "A"}`, `"s\\"`, `[1, [2]]`, "3"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("elements %q, %v; want %q", got, err, want)
	}
}
