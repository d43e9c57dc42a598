package loader

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestRecordValuesOverBounds: a record's value that nests too deep or
// holds too many values is left out with a warning, and the rest of the
// record loads; values within the bounds are read.
func TestRecordValuesOverBounds(t *testing.T) {
	deep := strings.Repeat("[", maxDecodeDepth+1) + `"go"` + strings.Repeat("]", maxDecodeDepth+1)
	edge := strings.Repeat("[", maxDecodeDepth) + `"go"` + strings.Repeat("]", maxDecodeDepth)
	wide := "[" + strings.Repeat(`"a",`, maxDecodeValues) + `"a"]`
	file := `[{"title": "Deep", "company": "Nest Co", "tags": ` + deep + `},
{"title": "Wide", "company": "Span Co", "tags": ` + wide + `},
{"title": "Edge", "company": "Rim Co", "tags": ` + edge + `}]`
	fsys := fstest.MapFS{"jobs.json": {Data: []byte(file)}}
	ps, skips, err := Load(context.Background(), []Source{{FS: fsys, Root: "."}}, Options{})
	if err != nil || len(skips) != 0 || len(ps) != 3 {
		t.Fatalf("Load: %d postings, skips %v, err %v", len(ps), skips, err)
	}
	by := map[string]int{}
	for i, p := range ps {
		by[p.Title] = i
	}
	for _, title := range []string{"Deep", "Wide"} {
		p := ps[by[title]]
		if len(p.Keywords) != 0 || !slices.Contains(p.Warnings(), WarnNotDecoded+": tags") {
			t.Errorf("%s: keywords %d, warnings %q; want none and the warning", title, len(p.Keywords), p.Warnings())
		}
	}
	if p := ps[by["Edge"]]; !slices.Equal(p.Keywords, []string{"go"}) || len(p.Warnings()) != 0 {
		t.Errorf("Edge: keywords %q, warnings %q; want [go] read", p.Keywords, p.Warnings())
	}
}

// TestWithinDecodeBoundsAgreesWithDecodeAny: the one-pass check lets
// through only what decodeAny decodes within its budget.
func TestWithinDecodeBoundsAgreesWithDecodeAny(t *testing.T) {
	for _, raw := range []string{
		strings.Repeat("[", maxDecodeDepth) + "1" + strings.Repeat("]", maxDecodeDepth),
		strings.Repeat(`{"a":`, maxDecodeDepth) + "1" + strings.Repeat("}", maxDecodeDepth),
		"[" + strings.Repeat("0,", maxDecodeValues-2) + "0]",
		`["[[[[", "]]]]", {"k\"[": "v"}]`,
	} {
		if !withinDecodeBounds([]byte(raw)) {
			t.Errorf("withinDecodeBounds refuses %.40q…", raw)
		}
		b := newDecodeBudget()
		if _, ok := decodeAny([]byte(raw), 0, b); !ok || b.over {
			t.Errorf("decodeAny of %.40q…: ok %v, over %v", raw, ok, b.over)
		}
	}
	for _, raw := range []string{
		strings.Repeat("[", maxDecodeDepth+1) + "1" + strings.Repeat("]", maxDecodeDepth+1),
		"[" + strings.Repeat("0,", maxDecodeValues) + "0]",
	} {
		if withinDecodeBounds([]byte(raw)) {
			t.Errorf("withinDecodeBounds lets %.40q… through", raw)
		}
		if _, ok, over := decodeBounded([]byte(raw)); ok || !over {
			t.Errorf("decodeBounded of %.40q…: ok %v, over %v", raw, ok, over)
		}
	}
}
