package loader

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

func mapFS(n int) fstest.MapFS {
	m := fstest.MapFS{}
	for i := range n {
		m[fmt.Sprintf("d%02d/p%04d.md", i/100, i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Role %d\n\nText %d.\n", i, i))}
	}
	return m
}

func TestStreamBatchesProgressAndMerges(t *testing.T) {
	fsys := mapFS(500)
	fsys["dup/copy.md"] = &fstest.MapFile{Data: fsys["d00/p0007.md"].Data}
	fsys["junk/.hidden.md"] = &fstest.MapFile{Data: []byte("# x\n")}
	fsys["junk/empty.txt"] = &fstest.MapFile{Data: nil}
	fsys["junk/image.png"] = &fstest.MapFile{Data: []byte{1, 2}}

	byID := map[string]*model.Posting{}
	var last Progress
	batches, dones := 0, 0
	for b := range Stream(context.Background(), []Source{{FS: fsys, Root: ".", Name: "x"}}, Options{BatchSize: 50}) {
		batches++
		if b.Done {
			dones++
		}
		if len(b.Postings) > 50 {
			t.Errorf("batch of %d postings, BatchSize 50", len(b.Postings))
		}
		for _, p := range b.Postings {
			if byID[p.ID] != nil {
				t.Errorf("ID %s delivered twice", p.ID)
			}
			byID[p.ID] = p
		}
		for _, m := range b.Merges {
			p := byID[m.ID]
			if p == nil {
				t.Fatalf("merge %v before its posting", m)
			}
			m.Apply(p)
		}
		if b.Progress.Seen < last.Seen || b.Progress.Loaded < last.Loaded {
			t.Errorf("progress went back: %+v after %+v", b.Progress, last)
		}
		last = b.Progress
	}
	if dones != 1 {
		t.Errorf("%d Done batches, want 1 (the last)", dones)
	}
	if batches < 3 {
		t.Errorf("only %d batches for 500 postings at 50 a batch", batches)
	}
	want := Progress{Seen: 503, Loaded: 501, Skipped: 2, Duplicates: 1, Files: 503}
	if last != want {
		t.Errorf("final progress %+v, want %+v", last, want)
	}
	if len(byID) != 500 {
		t.Errorf("%d postings, want 500", len(byID))
	}
	var dup *model.Posting
	for _, p := range byID {
		if len(p.Paths()) > 0 {
			dup = p
		}
	}
	if dup == nil || len(dup.Paths()) != 2 || dup.Paths()[0] != dup.Path {
		t.Fatalf("merge not applied: %+v", dup)
	}
}

func TestStreamFirstBatchIsSmallAndEarly(t *testing.T) {
	fsys := mapFS(3000)
	start := time.Now()
	ch := Stream(context.Background(), []Source{{FS: fsys, Root: "."}}, Options{})
	first := <-ch
	if len(first.Postings) == 0 || len(first.Postings) > firstBatchSize {
		t.Errorf("first batch has %d postings, want 1..%d", len(first.Postings), firstBatchSize)
	}
	if el := time.Since(start); el > 2*time.Second { // generous: the target is checked by BenchmarkFirstBatch100k
		t.Errorf("first batch after %v", el)
	}
	n := len(first.Postings)
	for b := range ch {
		n += len(b.Postings)
	}
	if n != 3000 {
		t.Errorf("%d postings, want 3000", n)
	}
}

func TestStreamCancelClosesChannel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := Stream(ctx, []Source{{FS: mapFS(5000), Root: "."}}, Options{BatchSize: 10, Workers: 2})
	<-ch
	cancel()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-timeout:
			t.Fatal("channel not closed after cancel")
		}
	}
}

func TestStreamMissingRootIsASkip(t *testing.T) {
	ps, skips, err := Load(context.Background(), []Source{{FS: fstest.MapFS{}, Root: "gone", Name: "gone"}}, Options{})
	if err != nil || len(ps) != 0 || len(skips) != 1 || skips[0].Path != "gone" {
		t.Errorf("got %v %v %v", ps, skips, err)
	}
}

func TestStreamNoSources(t *testing.T) {
	var n int
	for b := range Stream(context.Background(), nil, Options{}) {
		n++
		if !b.Done {
			t.Error("only batch not Done")
		}
	}
	if n != 1 {
		t.Errorf("%d batches, want 1", n)
	}
}

// TestStreamCountsRecordFilesOnce checks Progress.Files: the records of a
// JSON file count as one file, however they are batched, beside a file of
// its own, a duplicate in another file and a skipped file.
func TestStreamCountsRecordFilesOnce(t *testing.T) {
	var recs []string
	for i := range 40 {
		recs = append(recs, fmt.Sprintf(`{"title": "Role %d", "company": "Acme", "url": "https://jobs.example.com/%d", "description": "Text %d."}`, i, i, i))
	}
	fsys := fstest.MapFS{
		"jobs.json": {Data: []byte("[" + strings.Join(recs, ",") + "]")},
		"one.md":    {Data: []byte("# Solo\n\nText.\n")},
		"copy.md":   {Data: []byte("# Solo\n\nText.\n")},
		"empty.txt": {Data: nil},
	}
	var last Progress
	for b := range Stream(context.Background(), []Source{{FS: fsys, Root: ".", Name: "x"}}, Options{BatchSize: 7}) {
		last = b.Progress
	}
	if want := (Progress{Seen: 43, Loaded: 42, Skipped: 1, Duplicates: 1, Files: 4}); last != want {
		t.Errorf("final progress %+v, want %+v", last, want)
	}
}

func TestPostingListKeepsOrderAcrossBlocks(t *testing.T) {
	var l postingList
	ps := make([]model.Posting, 2*postingListBlock+3)
	for i := range ps {
		l.add(&ps[i])
	}
	if l.n != len(ps) {
		t.Fatalf("n = %d, want %d", l.n, len(ps))
	}
	for _, i := range []int{0, 1, postingListBlock - 1, postingListBlock, 2 * postingListBlock, len(ps) - 1} {
		if got := l.at(int32(i)); got != &ps[i] {
			t.Errorf("at(%d) is not the %d-th posting added", i, i)
		}
	}
}
