package loader

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

// splitTaken is what take got of a record in runSplitRecords.
type splitTaken struct {
	i       int
	off, n  int64
	placedI string // the index place saw
}

// runSplitRecords parses the elements of data, a JSON file mapped, as
// records.go does: in two halves when split is set and the file has a
// split, else in one. It returns what take got (stopping after limit
// records when limit > 0), the error, and the split (nil when none).
func runSplitRecords(t *testing.T, data []byte, split bool, limit int) ([]splitTaken, error, *mappedSplit) {
	t.Helper()
	m := &mappedFile{data: data}
	job := func(i int, off int64, raw []byte, ms []member) recordJob {
		return recordJob{i: i, off: off, n: int64(len(raw)), ms: ms, parse: func(raw []byte, _ []member, _ *recordMemo) *model.Posting {
			return &model.Posting{Title: string(raw[:min(len(raw), 8)])}
		}}
	}
	var sp *mappedSplit
	if split {
		sp = newMappedSplit(data)
	}
	fill, stop := mappedElements(m, job, sp)
	second, stopSecond := func(*recordFeed) (bool, error) { return false, nil }, func() {}
	if sp != nil {
		second, stopSecond = mappedElementsAfter(m, job, sp, 2)
	}
	var got []splitTaken
	place := func(r *recordJob, p *model.Posting, _ *recordMemo) { p.Path = strconv.Itoa(r.i) }
	take := func(r recordJob, p *model.Posting) bool {
		got = append(got, splitTaken{r.i, r.off, r.n, p.Path})
		return limit <= 0 || len(got) < limit
	}
	err := parseMappedRecords(2, fill, sp, second, place, take)
	stop()
	stopSecond()
	return got, err, sp
}

// splitFile joins n elements made by el with sep inside an array,
// padded so that it is long enough to be split.
func splitFile(t *testing.T, head string, n int, el func(i int) string, sep, tail string) []byte {
	t.Helper()
	parts := make([]string, n)
	for i := range parts {
		parts[i] = el(i)
	}
	data := []byte(head + strings.Join(parts, sep) + tail)
	if len(data) < splitMin {
		t.Fatalf("the file has %d bytes, fewer than splitMin", len(data))
	}
	return data
}

// TestSplitRecordsSameAsOneFinder checks that finding a mapped array's
// elements in two halves gives take the records, their indexes (also
// as place saw them), offsets and lengths, and the error, that one
// finder gives: when an element starts at the split, when the split's
// line is inside an element or past the array (the guess fails), and
// when the second half holds a syntax error.
func TestSplitRecordsSameAsOneFinder(t *testing.T) {
	pad := strings.Repeat("ledger ", 250)
	line := func(i int) string { return fmt.Sprintf(`{"title": "Engineer %d", "content": "%s"}`, i, pad) }
	nested := func(i int) string {
		offices := make([]string, 40)
		for k := range offices {
			offices[k] = fmt.Sprintf(`{"name": "office %d"}`, k)
		}
		return fmt.Sprintf(`{"title": "Engineer %d", "offices": [`+"\n", i) + strings.Join(offices, ",\n") + "\n]}"
	}
	for _, tc := range []struct {
		name  string
		data  []byte
		state int32
		least int // records at least
	}{
		{"one a line", splitFile(t, "\xef\xbb\xbf[\n", 5000, line, ",\n", "\n]\n"), splitHolds, 5000},
		{"pretty", splitFile(t, `{"jobs": [`+"\n  ", 5000, line, ",\n  ", "\n], \"meta\": {\"n\": 1}}"), splitHolds, 5000},
		{"line inside an element", splitFile(t, "[", 14000, nested, ", ", "]"), splitFailed, 14000},
		{"array ends early", splitFile(t, `{"jobs": [`+line(0)+"], \"other\": [\n", 5000, line, ",\n", "]}"), splitFailed, 1},
		{"bad after the split", splitFile(t, "[\n", 5000, func(i int) string {
			if i == 4000 {
				return `{"title": x}`
			}
			return line(i)
		}, ",\n", "\n]"), splitHolds, 4000},
		{"cut short", splitFile(t, "[\n", 5000, line, ",\n", ""), splitHolds, 5000},
	} {
		want, werr, _ := runSplitRecords(t, tc.data, false, 0)
		got, gerr, sp := runSplitRecords(t, tc.data, true, 0)
		if sp == nil {
			t.Fatalf("%s: no split", tc.name)
		}
		if s := sp.state.Load(); s != tc.state {
			t.Errorf("%s: split state %d, want %d", tc.name, s, tc.state)
		}
		if len(want) < tc.least {
			t.Fatalf("%s: %d records, want at least %d", tc.name, len(want), tc.least)
		}
		for k := range want {
			if want[k].placedI != strconv.Itoa(want[k].i) {
				t.Fatalf("%s: one finder placed record %d as %s", tc.name, want[k].i, want[k].placedI)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%s: %d records differ from one finder's %d", tc.name, len(got), len(want))
		}
		if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
			t.Errorf("%s: error %v, want %v", tc.name, gerr, werr)
		}
	}
}

// TestSplitRecordsStop stops taking records in the first half and in
// the second: the parse ends, with the records before the stop those
// one finder gives.
func TestSplitRecordsStop(t *testing.T) {
	data := splitFile(t, "[\n", 5000, func(i int) string {
		return fmt.Sprintf(`{"title": "Engineer %d", "content": "%s"}`, i, strings.Repeat("ledger ", 250))
	}, ",\n", "\n]")
	for _, limit := range []int{10, 4000} {
		want, _, _ := runSplitRecords(t, data, false, limit)
		got, _, _ := runSplitRecords(t, data, true, limit)
		if len(got) != limit || !slices.Equal(got, want) {
			t.Errorf("limit %d: took %d records, want the first %d", limit, len(got), len(want))
		}
	}
}

// TestNewMappedSplit checks where a file is split: at a line's object
// after the middle, and not at all in a small file or one without lines.
func TestNewMappedSplit(t *testing.T) {
	big := strings.Repeat("x", splitMin)
	if sp := newMappedSplit([]byte("[\n{}]")); sp != nil {
		t.Errorf("a small file was split at %d", sp.start)
	}
	if sp := newMappedSplit([]byte("[" + big + "]")); sp != nil {
		t.Errorf("a file without lines was split at %d", sp.start)
	}
	data := []byte("[" + big + "\n \t\"s\",\n  {\"a\": 1}" + big[100:] + "]")
	sp := newMappedSplit(data)
	if sp == nil || data[sp.start] != '{' || sp.start < int64(len(data)/2) {
		t.Fatalf("split %+v, want one at the object", sp)
	}
	if sp.chunks.Load() != -1 || sp.state.Load() != splitOpen {
		t.Errorf("a new split is not open")
	}
}
