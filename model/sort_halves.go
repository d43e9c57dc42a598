package model

import "runtime"

// sortInHalves sorts items with sortRun and returns the index of each,
// in order. A run of at least twice parallelMin items, with two
// processors to run on, is sorted in two halves at once and merged;
// before reports whether x goes before y, and an item of the first half
// goes first when neither does. index gives an item's index.
func sortInHalves[T any](items []T, sortRun func([]T), before func(x, y *T) bool, index func(*T) int32) []int32 {
	perm := make([]int32, 0, len(items))
	rest := items
	if len(items) >= 2*parallelMin && runtime.GOMAXPROCS(0) >= 2 {
		a, b := items[:len(items)/2], items[len(items)/2:]
		done := make(chan struct{})
		go func() {
			defer close(done)
			sortRun(a)
		}()
		sortRun(b)
		<-done
		for len(a) > 0 && len(b) > 0 {
			if before(&b[0], &a[0]) {
				perm, b = append(perm, index(&b[0])), b[1:]
			} else {
				perm, a = append(perm, index(&a[0])), a[1:]
			}
		}
		rest = a // what is left of one of them
		if len(a) == 0 {
			rest = b
		}
	} else {
		sortRun(items)
	}
	for k := range rest {
		perm = append(perm, index(&rest[k]))
	}
	return perm
}
