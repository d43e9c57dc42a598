package model

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// largeState returns a state past stateIndentMax, so it has a layout.
func largeState(n int) stateFile {
	st := stateFile{entries: map[string]Entry{}}
	for i := range n {
		st.entries[fmt.Sprintf("p%06d", i)] = Entry{Shortlisted: i%2 == 0, Tags: []string{fmt.Sprintf("t%d", i%7)}, Note: "a note\nwith two lines"}
	}
	return st
}

// checkLayout checks that l describes l.raw: it decodes to want, and its
// spans are where a fresh decode finds the postings.
func checkLayout(t *testing.T, l *stateLayout, want map[string]Entry) {
	t.Helper()
	back, err := decodeState(l.raw)
	if err != nil {
		t.Fatalf("spliced file does not decode: %v", err)
	}
	if !reflect.DeepEqual(back.entries, want) {
		for id, e := range want {
			if !reflect.DeepEqual(back.entries[id], e) {
				t.Fatalf("posting %s = %+v, want %+v", id, back.entries[id], e)
			}
		}
		t.Fatalf("%d postings, want %d", len(back.entries), len(want))
	}
	if back.layout == nil || !reflect.DeepEqual(back.layout.spans, l.spans) || back.layout.end != l.end || back.layout.empty != l.empty {
		t.Fatalf("layout after splice differs from a fresh decode's")
	}
}

func TestSpliceMatchesAFullEncode(t *testing.T) {
	st := largeState(20_000)
	out, l, err := encodeStateFile(st)
	if err != nil || l == nil || len(out) <= stateIndentMax {
		t.Fatalf("fixture: %d bytes, layout %v, %v", len(out), l != nil, err)
	}
	want := maps.Clone(st.entries)
	checkLayout(t, l, want)
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 8 {
		changes := map[string]Entry{}
		for range rng.IntN(5) + 1 {
			id := fmt.Sprintf("p%06d", rng.IntN(25_000)) // some are new
			e := Entry{Note: fmt.Sprintf("round %d \u2028 \"quoted\"", round), Updated: time.Date(2026, 1, 2, 3, 4, 5, round, time.UTC)}
			if rng.IntN(3) == 0 {
				e = Entry{} // cleared, and a shorter encoding
			}
			changes[id] = e
			want[id] = e
		}
		if l, err = l.splice(changes); err != nil {
			t.Fatal(err)
		}
		checkLayout(t, l, want)
	}
}

func TestSpliceIntoEmptyPostingsAndRefusals(t *testing.T) {
	pad := make([]byte, stateIndentMax)
	for i := range pad {
		pad[i] = 'x'
	}
	raw := []byte(`{"version":2,"pad":"` + string(pad) + `","postings":{ }}`)
	st, err := decodeState(raw)
	if err != nil || st.layout == nil || !st.layout.empty {
		t.Fatalf("fixture: %v, layout %+v", err, st.layout)
	}
	changes := map[string]Entry{"b": {Shortlisted: true}, "a": {Note: "n"}}
	l, err := st.layout.splice(changes)
	if err != nil {
		t.Fatal(err)
	}
	checkLayout(t, l, changes)

	// A file indented by hand, with CRLF, the postings before the version.
	hand := []byte("\xef\xbb\xbf{\r\n  \"postings\": {\r\n    \"a\": {\r\n      \"note\": \"x\"\r\n    },\r\n    \"b\": { }\r\n  },\r\n  \"version\": 2,\r\n  \"pad\": \"" + string(pad) + "\"\r\n}\r\n")
	st, err = decodeState(hand)
	if err != nil || st.layout == nil {
		t.Fatalf("hand-written fixture: %v, layout %v", err, st.layout != nil)
	}
	changes = map[string]Entry{"a": {Shortlisted: true}, "c": {Note: "new"}}
	if l, err = st.layout.splice(changes); err != nil {
		t.Fatal(err)
	}
	want := map[string]Entry{"a": {Shortlisted: true}, "b": {}, "c": {Note: "new"}}
	checkLayout(t, l, want)
	if back, _ := decodeState(l.raw); string(back.extra["pad"]) != `"`+string(pad)+`"` {
		t.Error("the unknown top-level field was lost")
	}

	if _, err := l.splice(map[string]Entry{"a": {Updated: time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)}}); err != nil {
		t.Errorf("a time past RFC 3339 is clamped, not refused: %v", err)
	}
	dup := []byte(`{"version":2,"pad":"` + string(pad) + `","postings":{"a":{},"a":{"note":"n"}}}`)
	if st, err := decodeState(dup); err != nil || st.layout != nil {
		t.Errorf("a file with a repeated posting must not be spliced: layout %v, %v", st.layout != nil, err)
	}
	var none *stateLayout
	if _, err := none.splice(changes); err != errNoLayout {
		t.Errorf("splice without a layout = %v, want errNoLayout", err)
	}
}
