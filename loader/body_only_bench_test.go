package loader

import (
	"testing"

	"github.com/jobdeck/jobdeck/loader/corpus"
)

// BenchmarkBodyParse is the parse of a generated file for its body, as the
// full-text index's Sync asks of Body for each posting: in full, and for
// the body alone. ns/op is per file.
func BenchmarkBodyParse(b *testing.B) {
	items := make([]corpus.Item, 600)
	for i := range items {
		items[i] = corpus.MakeItem(i, 42)
	}
	b.Run("full", func(b *testing.B) {
		i := 0
		for b.Loop() {
			it := items[i%len(items)]
			_ = parseFile(it.Name, it.Data, true, scan(it.Data), nil, DefaultMaxBody, nil).Body
			i++
		}
	})
	b.Run("body-only", func(b *testing.B) {
		i := 0
		for b.Loop() {
			it := items[i%len(items)]
			_ = bodyOf(it.Name, it.Data, DefaultMaxBody)
			i++
		}
	})
}
