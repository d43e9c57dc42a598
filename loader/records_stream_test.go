package loader

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// gatedFS serves one file whose reader gives the first part of its
// bytes, then blocks until gate is closed.
type gatedFS struct {
	fstest.MapFS
	name  string
	data  []byte
	first int
	gate  chan struct{}
	piece int // when set, the most one read gives
}

func (g *gatedFS) Open(name string) (fs.File, error) {
	if name != g.name {
		return g.MapFS.Open(name)
	}
	f, err := g.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return &gatedFile{File: f, g: g}, nil
}

type gatedFile struct {
	fs.File
	g   *gatedFS
	off int
}

func (f *gatedFile) Read(b []byte) (int, error) {
	if f.off >= f.g.first {
		<-f.g.gate
	}
	if f.off >= len(f.g.data) {
		return 0, io.EOF
	}
	end := len(f.g.data)
	if f.off < f.g.first {
		end = f.g.first
	}
	if f.g.piece > 0 {
		end = min(end, f.off+f.g.piece)
	}
	n := copy(b, f.g.data[f.off:end])
	f.off += n
	return n, nil
}

// jsonArray is a JSON array of n records, record(i) the i-th.
func jsonArray(n int, record func(i int) string) []byte {
	var sb strings.Builder
	sb.WriteString("[")
	for i := range n {
		if i > 0 {
			sb.WriteString(",\n")
		}
		sb.WriteString(record(i))
	}
	sb.WriteString("]")
	return []byte(sb.String())
}

// TestRecordsStreamBeforeTheFileEnds checks that a big file of postings
// streams: the first postings arrive while the rest of the file has not
// been read yet.
func TestRecordsStreamBeforeTheFileEnds(t *testing.T) {
	data := jsonArray(20000, func(i int) string {
		return fmt.Sprintf(`{"title": "Job %d", "company": "Acme", "url": "https://acme.example/%d", "description": "%s"}`, i, i, strings.Repeat("x", 100))
	})
	g := &gatedFS{MapFS: fstest.MapFS{"big.json": {Data: data}}, name: "big.json", data: data, first: 600 << 10, gate: make(chan struct{})}
	ch := Stream(context.Background(), []Source{{FS: g, Root: "."}}, Options{})
	got := 0
	select {
	case b := <-ch:
		got = len(b.Postings)
	case <-time.After(10 * time.Second):
		t.Fatal("no batch while the file is still being read")
	}
	if got == 0 {
		t.Fatal("first batch has no postings")
	}
	close(g.gate)
	total := got
	for b := range ch {
		total += len(b.Postings)
	}
	if total != 20000 {
		t.Errorf("%d postings, want 20000", total)
	}
}

// TestRecordsStreamFromASlowReader checks that the first postings of a
// JSON file read a few KiB at a time arrive once a few hundred records
// are in, though they fill a small part of a window's buffer.
func TestRecordsStreamFromASlowReader(t *testing.T) {
	data := jsonArray(5000, func(i int) string {
		return fmt.Sprintf(`{"title": "Job %d", "company": "Acme", "url": "https://acme.example/%d"}`, i, i)
	})
	g := &gatedFS{MapFS: fstest.MapFS{"slow.json": {Data: data}}, name: "slow.json", data: data, first: 300 * 70, piece: 4 << 10, gate: make(chan struct{})}
	ch := Stream(context.Background(), []Source{{FS: g, Root: "."}}, Options{})
	select {
	case b := <-ch:
		if len(b.Postings) == 0 {
			t.Fatal("first batch has no postings")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no batch while the file is still being read")
	}
	close(g.gate)
	for range ch {
	}
}

// TestRecordsStreamCancel checks that cancelling a load in the middle of
// a big file of postings ends the stream: the readers and parsers of the
// file stop, nothing hangs.
func TestRecordsStreamCancel(t *testing.T) {
	var sb strings.Builder
	for i := range 50000 {
		fmt.Fprintf(&sb, "{\"title\": \"Job %d\", \"company\": \"Acme\"}\n", i)
	}
	data := []byte(sb.String())
	g := &gatedFS{MapFS: fstest.MapFS{"big.jsonl": {Data: data}}, name: "big.jsonl", data: data, first: len(data), gate: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	ch := Stream(ctx, []Source{{FS: g, Root: "."}}, Options{BatchSize: 16})
	<-ch
	cancel()
	drainCancelled(t, ch)
}
