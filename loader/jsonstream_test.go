package loader

import (
	"bytes"
	"io"
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

// TestArrayMembersAreScanMembers reads an array of objects that repeat
// one another's members, or start to and then differ, through windows
// that read a byte, a few bytes or all at a time, handing their buffers
// over or not, and checks that each element's members are what
// scanMembers gives it alone.
func TestArrayMembersAreScanMembers(t *testing.T) {
	els := []string{
		`{"id": 1, "loc": {"name": "Lisbon"}, "deps": [{"id": 11, "name": "Eng"}], "t": "a\"}"}`,
		`{"id": 2, "loc": {"name": "Lisbon"}, "deps": [{"id": 11, "name": "Eng"}], "t": "a\"}"}`,
		`{"id": 3, "loc": {"name": "Lisbon"}, "deps": [{"id": 11, "name": "Eng"}, 2], "t": "a\"}\\"}`,
		`{"id": 4, "loc": {"name": "Lisbon"} , "deps":[{"id": 11, "name": "Eng"}], "t": "a"}`,
		`{"id": true, "loc": {"name": "Lisbon"}, "deps": [{"id": 11, "name": "Eng"}], "t": "a\"}"}`,
		`{"id": truer, "loc": "x", "deps": [{"id": 11, "name": "Eng"}]}`,
		`[1, 2]`, `{}`,
		`{"id": 5, "loc": {"name": "Lisbon"}, "deps": [{"id": 11, "name": "Eng"}], "t": "a\"}"}`,
		`{"loc": 5, "id": {"name": "Lisbon"}}`,
	}
	for len(els) < 200 {
		els = append(els, els[len(els)%10])
	}
	data := []byte(`{"jobs": [` + strings.Join(els, ",\n") + `]}`)
	readers := map[string]func() io.Reader{
		"whole":    func() io.Reader { return bytes.NewReader(data) },
		"one byte": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(data)) },
		"half":     func() io.Reader { return iotest.HalfReader(bytes.NewReader(data)) },
	}
	for name, r := range readers {
		for _, handing := range []bool{false, true} {
			w := &byteWindow{r: r()}
			if handing {
				var free [][]byte
				w.get = func(n int) []byte {
					if k := len(free); k > 0 && cap(free[k-1]) >= n {
						b := free[k-1]
						free = free[:k-1]
						return b[:0]
					}
					return make([]byte, 0, n)
				}
				w.give = func(b []byte) {
					clear(b[:cap(b)]) // a buffer given away may be written over at once
					free = append(free, b)
				}
			}
			n := 0
			err := jsonRecordMembersIn(w, func(i int, _ int64, raw []byte, ms []member) bool {
				_, want, err := scanMembers(raw, nil)
				if raw[0] != '{' || err != nil {
					want = nil
				}
				if string(raw) != els[i] || !slices.Equal(ms, want) {
					t.Fatalf("%s, handing over %v: element %d %q members %v, want %q %v", name, handing, i, raw, ms, els[i], want)
				}
				n++
				return true
			})
			if err != nil || n != len(els) {
				t.Fatalf("%s, handing over %v: %d elements, %v", name, handing, n, err)
			}
		}
	}
}
