package cache

import (
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

// TestHandleSlabsReused checks that the lookups' entries come from a slab
// whose every entry was released before, and never from one with an entry
// still held.
func TestHandleSlabsReused(t *testing.T) {
	spares := make(chan *handleSlab, 2)
	var r lookupRoom
	p := &model.Posting{ID: "a"}
	take := func(n int) []*oneEntry {
		es := make([]*oneEntry, n)
		for i := range es {
			es[i] = r.handle(p, blockHold{}, spares)
		}
		return es
	}
	first := take(entrySlabLen)
	held := take(entrySlabLen) // a second slab, one of its entries kept
	for _, e := range first {
		e.Release()
	}
	for _, e := range held[1:] {
		e.Release()
	}
	next := take(2 * entrySlabLen)
	if next[0] != first[0] {
		t.Error("the slab released whole was not reused")
	}
	for _, e := range next {
		if e == held[0] {
			t.Fatal("an entry still held was handed out again")
		}
		if e.Next() != p {
			t.Fatal("a reused entry does not hold its posting")
		}
	}
	if held[0].Next() != p {
		t.Error("the entry still held was changed")
	}
}
