package cache

import (
	"fmt"
	"testing"
)

// TestFindInterleaved checks that find gives the right entry whatever the
// order of the lookups: runs of files looked up by two parsers at once,
// lookups backwards, far jumps, and paths that are not there.
func TestFindInterleaved(t *testing.T) {
	rf := &rootFile{}
	for i := range 1000 {
		rf.sorted = append(rf.sorted, entry{path: fmt.Sprintf("d/%04d.md", 2*i)})
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
		if !ok || got != i {
			t.Fatalf("entry %d: found %d, %v", i, got, ok)
		}
		if _, ok := rf.find(fmt.Sprintf("d/%04d.md", 2*i+1)); ok {
			t.Fatalf("found d/%04d.md, which is not there", 2*i+1)
		}
	}
}
