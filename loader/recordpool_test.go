package loader

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// Records are in buffers that are reused once their chunk is parsed
// (copied into them, or, for a JSON array, read into them by the
// window): each posting of a long file must still hold its own record's
// fields and body, whatever the sizes of the records around it (some
// larger than a chunk's buffer takes).
func TestRecordBuffersReused(t *testing.T) {
	const n = 3000
	var js, jl strings.Builder
	js.WriteString("[")
	for i := range n {
		pad := strings.Repeat("crumb ", (i*37)%200)
		switch {
		case i%500 == 7:
			pad = strings.Repeat("loaf ", recordBlock/4) // its own buffer
		case i%1000 == 400:
			pad = strings.Repeat("loaf ", maxReusedBuffer/4) // a window buffer not reused
		}
		rec := fmt.Sprintf(`{"title": "Baker %d", "company": "Crumb %d", "url": "https://crumb.example/%d", "description": "job %d %s"}`, i, i, i, i, pad)
		if i > 0 {
			js.WriteString(",\n")
		}
		js.WriteString(rec)
		jl.WriteString(rec + "\n")
	}
	js.WriteString("]")
	fsys := fstest.MapFS{"jobs.json": {Data: []byte(js.String())}, "jobs.jsonl": {Data: []byte(jl.String())}}
	ps, skips, err := Load(context.Background(), []Source{{FS: fsys, Root: "."}}, Options{Workers: 3, KeepBodies: true})
	if err != nil || len(skips) != 0 {
		t.Fatalf("err %v, skips %v", err, skips)
	}
	// The same record in both files is one posting (same URL): n of them.
	if len(ps) != n {
		t.Fatalf("%d postings, want %d", len(ps), n)
	}
	for _, p := range ps {
		var i int
		if _, err := fmt.Sscanf(p.Title, "Baker %d", &i); err != nil {
			t.Fatalf("title %q", p.Title)
		}
		if !strings.HasSuffix(p.Path, fmt.Sprintf("#%d", i)) || p.Company != fmt.Sprintf("Crumb %d", i) ||
			p.URL != fmt.Sprintf("https://crumb.example/%d", i) || !strings.HasPrefix(strings.Join(strings.Fields(p.Body), " ")+" ", fmt.Sprintf("job %d ", i)) {
			t.Fatalf("%s: title %q company %q url %q body %.20q: fields of another record", p.Path, p.Title, p.Company, p.URL, p.Body)
		}
	}
}

// TestWarmMembersReadsEachKeyAndValue checks that warmMembers reads the
// first byte of each member's key and value, and nothing of a job
// without members.
func TestWarmMembersReadsEachKeyAndValue(t *testing.T) {
	raw := []byte(`{"a": 1, "bc": "x"}`)
	_, ms, err := scanMembers(raw, nil)
	if err != nil {
		t.Fatal(err)
	}
	jobs := []recordJob{{raw: raw, ms: ms}, {raw: []byte("{}")}}
	want := byte('"') + '1' + '"' + '"'
	if got := warmMembers(jobs); got != want {
		t.Fatalf("read %d, want %d", got, want)
	}
}
