package cache

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
)

// TestFindInterleaved checks that find gives the right entry whatever the
// order of the lookups: runs of files looked up by two parsers at once,
// lookups backwards, far jumps, across the file's blocks, and paths
// that are not there.
func TestFindInterleaved(t *testing.T) {
	rf := &rootFile{}
	var es []entry
	for i := range 1000 {
		es = append(es, entry{path: fmt.Sprintf("d/%04d.md", 2*i)})
		if len(es) == 37 || i == 999 { // blocks of 37 entries
			rf.chunks = append(rf.chunks, newChunk(es))
			es = es[:0]
		}
	}
	var order []int
	for run := 0; run < 1000; run += 128 {
		for i := range 64 {
			order = append(order, run+i, run+64+i) // two parsers, one run each
		}
	}
	for i := 999; i >= 0; i -= 7 {
		order = append(order, i)
	}
	order = append(order, 0, 999, 500, 1, 998)
	for _, i := range order {
		if i >= 1000 {
			continue
		}
		got, ok := rf.find(fmt.Sprintf("d/%04d.md", 2*i))
		if want := (pos{i / 37, i % 37}); !ok || got != want {
			t.Fatalf("entry %d: found %v, %v; want %v", i, got, ok, want)
		}
		if _, ok := rf.find(fmt.Sprintf("d/%04d.md", 2*i+1)); ok {
			t.Fatalf("found d/%04d.md, which is not there", 2*i+1)
		}
	}
}

// TestStateEntriesFromOldFile checks the entries a write gets: those of
// chunks still held as they are, those of a chunk that let go of them
// read from the old file and marked seen today, and the entries stored
// since put in their place, replacing the old ones of their paths.
func TestStateEntriesFromOldFile(t *testing.T) {
	var es []entry
	for i := range 10 {
		es = append(es, entry{path: fmt.Sprintf("a%d", i), size: int64(i), seen: 1, blob: fmt.Sprint("blob", i)})
	}
	name := filepath.Join(t.TempDir(), "x"+Ext)
	if err := os.WriteFile(name, encodeFile("s", "/r", es, 0), 0o600); err != nil {
		t.Fatal(err)
	}
	freed := newChunk(es[4:8])
	freed.es = nil
	replaced, added := entry{path: "a5", size: 50, seen: 7, blob: "X"}, entry{path: "a55", seen: 7, blob: "Y"}
	st := fileState{
		chunks: []chunk{newChunk(es[:4]), freed, newChunk(es[8:])},
		stored: storedOf(name, added, replaced),
		today:  7,
	}
	old, done := openOldEntries(name, "s", "/r")
	defer done()
	var got []string
	for e := range st.entries(old, st.stored.sorted()) {
		got = append(got, fmt.Sprintf("%s:%d:%d:%s", e.path, e.size, e.seen, e.blob))
	}
	want := "a0:0:1:blob0 a1:1:1:blob1 a2:2:1:blob2 a3:3:1:blob3 a4:4:7:blob4 a5:50:7:X a55:0:7:Y " +
		"a6:6:7:blob6 a7:7:7:blob7 a8:8:1:blob8 a9:9:1:blob9"
	if s := strings.Join(got, " "); s != want {
		t.Fatalf("entries:\n got %s\nwant %s", s, want)
	}
	var m memFile
	if err := writeEntries(&m, "s", "/r", st.entries(nil, st.stored.sorted()), 0); err != nil {
		t.Fatal(err)
	}
	if back, err := decodeFile(m.b, "s", "/r"); err != nil || len(back) != 8 {
		// without the old file, the chunk that let go gives nothing
		t.Fatalf("written without the old file: %d entries, %v; want 8", len(back), err)
	}
}

// TestFillKeepsPace checks that the read of a cache file stays at most
// readAhead chunks ahead of the lookups, that a lookup far ahead of it is
// still answered, and that a write (Close) does not wait for lookups that
// never come.
func TestFillKeepsPace(t *testing.T) {
	dir := t.TempDir()
	now := func() time.Time { return time.Unix(20000*86400, 0) }
	var es []entry
	for i := range 60 {
		p := &model.Posting{ID: fmt.Sprint(i), Title: strings.Repeat("x", blockBytes/3)}
		es = append(es, entry{path: fmt.Sprintf("p%02d", i), size: int64(i), seen: day(now()), blob: stringOf(appendPostings(nil, []*model.Posting{p}))})
	}
	if err := os.WriteFile(fileName(dir, "/r"), encodeFile("s", "/r", es, 0), 0o600); err != nil {
		t.Fatal(err)
	}
	key := func(i int) loader.FileKey { return loader.FileKey{Root: "/r", Path: es[i].path, Size: int64(i)} }
	within(t, func() {
		c := Open(dir, "s", now)
		if _, ok := c.Lookup(key(59)); !ok { // far ahead of the read
			t.Error("last entry not found")
		}
		c.Close()
		c = Open(dir, "s", now)
		for i := range es {
			if _, ok := c.Lookup(key(i)); !ok {
				t.Errorf("entry %d not found", i)
			}
			c.mu.Lock()
			rf := c.roots["/r"]
			if ahead := len(rf.chunks) - rf.reach; ahead > readAhead+1 {
				t.Errorf("after entry %d: %d chunks read, %d past the lookups", i, len(rf.chunks), ahead)
			}
			c.mu.Unlock()
		}
		c.Close()
		c = Open(dir, "s", now)
		c.Lookup(key(0))
		if p := c.Close(); p != "" { // lookups stop: the write must not wait for them
			t.Error(p)
		}
	})
}

// within runs f, failing the test if it takes more than ten seconds (a
// wait that never ends).
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("still waiting after 10 s")
	}
}

// TestChunksReuseTheArraysLetGo checks that a chunk whose entries were
// all taken gives its array, emptied, to a later chunk, and that the
// lookups of every chunk still find their own entries.
func TestChunksReuseTheArraysLetGo(t *testing.T) {
	rf := &rootFile{}
	block := func(from, n int) []entry {
		var es []entry
		for i := from; i < from+n; i++ {
			es = append(es, entry{path: fmt.Sprintf("d/%04d.md", i), size: int64(i), blob: fmt.Sprint("blob", i)})
		}
		return es
	}
	key := func(i int) loader.FileKey { return loader.FileKey{Path: fmt.Sprintf("d/%04d.md", i), Size: int64(i)} }
	rf.chunks = append(rf.chunks, newChunkIn(block(0, 10), &rf.spare), newChunkIn(block(10, 10), &rf.spare))
	first := &rf.chunks[0].es[0]
	for i := range 10 {
		if e, _, ok := rf.lookup(key(i), 1); !ok || e.blob != fmt.Sprint("blob", i) {
			t.Fatalf("entry %d: %+v, %v", i, e, ok)
		}
	}
	if rf.chunks[0].es != nil || len(rf.spare) != 1 || rf.spare[0][:1][0] != (entry{}) {
		t.Fatalf("the taken chunk kept its entries, or its array was not emptied and kept: %d spare", len(rf.spare))
	}
	rf.chunks = append(rf.chunks, newChunkIn(block(20, 8), &rf.spare))
	if &rf.chunks[2].es[0] != first || len(rf.spare) != 0 {
		t.Error("the next chunk did not take the spare array")
	}
	for i := 10; i < 28; i++ {
		if e, _, ok := rf.lookup(key(i), 1); !ok || e.blob != fmt.Sprint("blob", i) {
			t.Fatalf("entry %d after the reuse: %+v, %v", i, e, ok)
		}
	}
	rf.chunks = append(rf.chunks, newChunkIn(block(28, 50), &rf.spare)) // longer than any spare
	if e, _, ok := rf.lookup(key(77), 1); !ok || e.blob != "blob77" {
		t.Errorf("entry 77 of a chunk longer than the spare arrays: %+v, %v", e, ok)
	}
}
