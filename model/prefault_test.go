package model

import (
	"reflect"
	"testing"
	"unsafe"
)

// TestPrefaultKeepsZero checks that prefaulting leaves new memory as it
// was, zero, and touches an element in every page: one at most a page
// after the last.
func TestPrefaultKeepsZero(t *testing.T) {
	ps := make([]Posting, 100)
	PrefaultPostings(ps)
	for i := range ps {
		if !reflect.DeepEqual(ps[i], Posting{}) {
			t.Fatalf("posting %d is %+v after PrefaultPostings, want zero", i, ps[i])
		}
	}
	keys := make([]uint64, 3000)
	prefault(keys)
	for i, k := range keys {
		if k != 0 {
			t.Fatalf("keys[%d] = %d after prefault, want 0", i, k)
		}
	}
	if step := pageSize / int(unsafe.Sizeof(Posting{})); step < 1 || step*int(unsafe.Sizeof(Posting{})) > pageSize {
		t.Fatalf("a step of %d postings spans more than a page", step)
	}
}
