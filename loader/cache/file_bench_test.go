package cache

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/loader/corpus"
	"github.com/jobdeck/jobdeck/model"
)

// benchEntries returns the entries of n generated postings, as the cache
// holds them (no body), sorted by path.
func benchEntries(n int) []entry {
	m := make([]entry, 0, n)
	for i, p := range corpus.Postings(n, 42) {
		q := *p
		q.Body, q.SourcePath, q.Path = "", "", ""
		q.ID = fmt.Sprintf("%016x", i*7919)
		m = append(m, entry{path: p.Path, size: 3000 + int64(i), mtime: 1e18 + int64(i), ctime: 1e18 + int64(i), ino: uint64(i), dev: 2049,
			seen: 20000, blob: stringOf(appendPostings(nil, []*model.Posting{&q}))})
	}
	slices.SortFunc(m, byPath)
	return m
}

// BenchmarkFileRead100k is the warm read of a cache file of 100k entries,
// as a load reads it: block by block, checked, into one sorted slice,
// and every entry's postings decoded.
func BenchmarkFileRead100k(b *testing.B) {
	name := filepath.Join(b.TempDir(), "x"+Ext)
	data := encodeFile("s", "/r", benchEntries(100_000), 0)
	if err := writeAtomic(name, func(w fileWriter) error { _, err := w.Write(data); return err }); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu := corpus.ProcessCPU()
	for b.Loop() {
		var es []entry
		err := readCacheFile(name, "s", "/r", nil, func(b []entry, _ []byte) {
			if es == nil {
				es = make([]entry, 0, 100_000)
			}
			es = append(es, b...)
		})
		if err != nil || len(es) != 100_000 {
			b.Fatal(len(es), err)
		}
		for _, e := range es {
			if _, err := decodePostings(e.blob); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, cpu)
}

// reportCPU reports the CPU time per op since the ProcessCPU reading
// start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(corpus.ProcessCPU()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkFileWrite100k is the write of a cache file of 100k entries:
// encoded, written to a temporary file, flushed to disk and renamed.
func BenchmarkFileWrite100k(b *testing.B) {
	name := filepath.Join(b.TempDir(), "x"+Ext)
	m := benchEntries(100_000)
	b.ReportAllocs()
	cpu := corpus.ProcessCPU()
	for b.Loop() {
		if err := writeAtomic(name, func(w fileWriter) error {
			return writeEntries(w, "s", "/r", fileState{chunks: []chunk{{es: m}}}.entries(nil, nil), 0)
		}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}
