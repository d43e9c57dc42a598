package loader

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// TestMappedElementsAreTheSerialOnes finds the elements of awkward JSON
// files (strings holding braces, brackets, quotes and escapes, nested
// values, white space, elements that are no object, a file that ends
// early) as parseMappedRecords' parsers do, chunk by chunk through
// mappedElements, and checks each element's index, offset, bytes and
// members, and the error at the end, against jsonRecordMembers reading
// the same bytes.
func TestMappedElementsAreTheSerialOnes(t *testing.T) {
	els := []string{
		`{"title": "a {b} [c] \"d\" \\", "n": {"x": [1, {"y": "}"}]}}`,
		`{"title": "a {b} [c] \"d\" \\", "n": {"x": [1, {"y": "}"}]}}`,
		`{"t":"\u007b\"","u":"]"}`,
		"  {\n\"k\" : \"v\\\\\\\"\" ,\t\"e\":{}}",
		`"a string, with a { in it"`,
		`[{"a": 1}, "]"]`,
		`12.5e3`, `true`, `null`, `{}`,
		`{"deep": [[[[{"x": "[[["}]]]], "s": "\\\\"}`,
		`{"title": "` + strings.Repeat(`{\"x\": [1]}, `, 300) + `"}`, // one long string of braces
	}
	var parts []string
	for i := range 3000 {
		parts = append(parts, els[i%len(els)])
	}
	whole := strings.Join(parts, ",\n")
	for name, data := range map[string]string{
		"array":           "\xef\xbb\xbf[" + whole + "]",
		"jobs object":     `{"meta": {"jobs": "[{]"}, "n": [1, "}"], "jobs": [` + whole + `], "after": {"x": "]"}}`,
		"cut short":       `{"jobs": [` + whole,
		"cut in a string": `{"jobs": [` + whole + `, {"title": "abc`,
		"bad after":       `[` + whole + `, {"a": 1} x]`,
		"one object":      `{"title": "` + strings.Repeat("{[", 1000) + `"}`,
		"empty":           `[]`,
	} {
		type el struct {
			i   int
			off int64
			raw string
			ms  []member
		}
		var want []el
		werr := jsonRecordMembers(strings.NewReader(data), func(i int, off int64, raw []byte, ms []member) bool {
			want = append(want, el{i, off, string(raw), slices.Clone(ms)})
			return true
		})
		m := &mappedFile{data: []byte(data)}
		fill, stop := mappedElements(m, func(i int, off int64, raw []byte, ms []member) recordJob {
			return recordJob{i: i, off: off, n: int64(len(raw)), ms: ms}
		}, nil)
		f := &recordFeed{freeChunks: make(chan *recordChunkJobs, 1), freeMS: make(chan []member, 1)}
		var got []el
		var gerr error
		chunks := 0
		for more := true; more; {
			f.cur = newRecordChunk(f.freeChunks, chunks, nil, nil)
			more, gerr = fill(f)
			if len(f.cur.jobs) > recordChunkLen || more && len(f.cur.jobs) != recordChunkLen {
				t.Fatalf("%s: chunk %d has %d records (more %v)", name, chunks, len(f.cur.jobs), more)
			}
			for _, j := range f.cur.jobs {
				if !bytes.Equal(j.raw, m.data[j.off:j.off+j.n]) {
					t.Fatalf("%s: element %d's bytes are not those at its offset", name, j.i)
				}
				got = append(got, el{j.i, j.off, string(j.raw), slices.Clone(j.ms)})
			}
			chunks++
		}
		stop()
		if len(got) != len(want) {
			t.Fatalf("%s: %d elements, want %d", name, len(got), len(want))
		}
		for k := range got {
			if got[k].i != want[k].i || got[k].off != want[k].off || got[k].raw != want[k].raw || !slices.Equal(got[k].ms, want[k].ms) {
				t.Fatalf("%s: element %d is %+v, want %+v", name, k, got[k], want[k])
			}
		}
		if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
			t.Errorf("%s: error %v, want %v", name, gerr, werr)
		}
	}
}
