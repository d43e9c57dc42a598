package loader

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/jobdeck/jobdeck/model"
)

// rs returns results standing for the paths given.
func rs(paths ...string) []result {
	out := make([]result, len(paths))
	for i, p := range paths {
		out[i] = result{p: &model.Posting{Path: p}}
	}
	return out
}

func TestPartOrderPutsChunksInWalkOrder(t *testing.T) {
	var o partOrder
	var got []string
	take := func(p part) {
		for _, r := range o.add(p) {
			for _, x := range r {
				if x.p != nil {
					got = append(got, x.p.Path)
				} else {
					got = append(got, "skip:"+x.skip.Path)
				}
			}
		}
	}
	take(part{seq: 2, last: true, rs: rs("c1")})
	take(part{seq: 1, rs: rs("b1")})
	take(part{seq: unordered, rs: []result{{skip: &Skip{Path: "s"}}}})
	take(part{seq: 0, rs: rs("a1")})             // next in line: passes at once
	take(part{seq: 0, last: true, rs: rs("a2")}) // lets b1 out, not b2 (to come)
	take(part{seq: 3, last: true, rs: nil})      // an empty chunk
	take(part{seq: 1, last: true, rs: rs("b2")}) // lets c1 and 3 out
	take(part{seq: 4, last: true, rs: rs("e1")})
	want := []string{"skip:s", "a1", "a2", "b1", "b2", "c1", "e1"}
	if !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
	if len(o.held) != 0 || o.next != 5 {
		t.Errorf("held %d chunks, next %d; want none, 5", len(o.held), o.next)
	}
}

func TestPartOrderRestKeepsWalkOrder(t *testing.T) {
	var o partOrder
	o.add(part{seq: 3, last: true, rs: rs("d")})
	o.add(part{seq: 1, rs: rs("b")})
	var got []string
	for _, r := range o.rest() {
		for _, x := range r {
			got = append(got, x.p.Path)
		}
	}
	if !slices.Equal(got, []string{"b", "d"}) {
		t.Errorf("rest %q, want b then d", got)
	}
}

// TestStreamKeepsFirstOfIDInWalkOrder loads a folder whose postings share
// URLs across chunks many times: the posting the browser keeps for each
// URL is the one of the file that comes first in the walk, every time.
func TestStreamKeepsFirstOfIDInWalkOrder(t *testing.T) {
	fsys := fstest.MapFS{}
	const files, urls = 600, 40
	for i := range files {
		fsys[fmt.Sprintf("d%d/p%04d.md", i/150, i)] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\ntitle: Role %d\nurl: https://jobs.example/%d\n---\nText %d.\n", i, i%urls, i)}
	}
	src := []Source{{FS: fsys, Root: ".", Name: "x"}}
	for round := range 20 {
		firstOf := map[string]string{}
		for b := range Stream(context.Background(), src, Options{Workers: 4, BatchSize: 16}) {
			for _, p := range b.Postings {
				firstOf[p.URL] = p.Path
			}
		}
		if len(firstOf) != urls {
			t.Fatalf("round %d: %d urls, want %d", round, len(firstOf), urls)
		}
		for u, path := range firstOf {
			var n int
			fmt.Sscanf(u, "https://jobs.example/%d", &n)
			if want := fmt.Sprintf("x/d0/p%04d.md", n); path != want {
				t.Fatalf("round %d: %s kept from %s, want %s (first in the walk)", round, u, path, want)
			}
		}
	}
}

// TestLoadAndStreamKeepTheSameFile checks that jobdeck list (Load) and the
// browser (Stream) take a duplicate's fields from the same file, here one
// where the walk's order (folder "a" before "a-b") and the paths' order
// ("a-b/…" before "a/…") differ.
func TestLoadAndStreamKeepTheSameFile(t *testing.T) {
	fsys := fstest.MapFS{
		"a/x.md":   {Data: []byte("---\ntitle: From a\nurl: https://jobs.example/1\n---\nText.\n")},
		"a-b/y.md": {Data: []byte("---\ntitle: From a-b\nurl: https://jobs.example/1\n---\nText.\n")},
	}
	src := []Source{{FS: fsys, Root: ".", Name: "x"}}
	ps, _, err := Load(context.Background(), src, Options{})
	if err != nil || len(ps) != 1 {
		t.Fatalf("Load: %d postings, %v", len(ps), err)
	}
	var streamed string
	for b := range Stream(context.Background(), src, Options{}) {
		for _, p := range b.Postings {
			streamed = p.Title
		}
	}
	if ps[0].Title != "From a" || streamed != "From a" {
		t.Errorf("Load kept %q, Stream %q; want both From a (first in the walk)", ps[0].Title, streamed)
	}
	if got := ps[0].AllPaths(); !slices.Equal(got, []string{"x/a/x.md", "x/a-b/y.md"}) {
		t.Errorf("paths %q", got)
	}
}
