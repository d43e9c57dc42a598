package loader

import (
	"testing"

	"github.com/jobdeck/jobdeck/loader/corpus"
)

// BenchmarkParseLoadPath is one file's read-free cost in a metadata-only
// load: the sniff and the parse, with a worker's memo, over the generated
// shapes in the bench corpus's proportions.
func BenchmarkParseLoadPath(b *testing.B) {
	items := make([]corpus.Item, 6000)
	for i := range items {
		items[i] = corpus.MakeItem(i, 42)
	}
	m := newRecordMemo()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		it := &items[i%len(items)]
		reason, info := sniff(it.Data)
		if reason != "" {
			b.Fatalf("%s: %s", it.Name, reason)
		}
		_ = parseFile(it.Name, it.Data, false, info, nil, DefaultMaxBody, m)
		i++
	}
}

// BenchmarkScan is the sniff's look at a file's bytes (see scan) over
// the generated shapes.
func BenchmarkScan(b *testing.B) {
	items := make([][]byte, 300)
	for i := range items {
		items[i] = corpus.MakeItem(i, 42).Data
	}
	i := 0
	for b.Loop() {
		_ = scan(items[i%len(items)])
		i++
	}
}
