package model

import (
	"cmp"
	"slices"
)

// radixMin is the shortest run radixSortKeyed sorts by digits: a shorter
// one costs less compared item by item than counted in passes.
const radixMin = 256

// radixDigit is how many bits of the keys radixSortKeyed sorts by in a
// pass: 11 sorts a key of up to 55 bits in 5 passes, and its counts fit
// in the processor's nearest caches.
const (
	radixDigit = 11
	radixMask  = 1<<radixDigit - 1
)

// radixSortKeyed sorts items by key, stably: items with equal keys keep
// the order they had. Only the low keyBits bits of a key may be set. It
// sorts a digit of the keys a pass, lowest first, skipping a pass whose
// digit is the same in every item (the high ones of most runs), through
// a buffer as long as items.
func radixSortKeyed(items []keyedItem, keyBits int) {
	if len(items) < radixMin {
		slices.SortStableFunc(items, func(x, y keyedItem) int { return cmp.Compare(x.key, y.key) })
		return
	}
	passes := (keyBits + radixDigit - 1) / radixDigit
	var counts [(64 + radixDigit - 1) / radixDigit][1 << radixDigit]int32
	for k := range items {
		key := items[k].key
		for d := range passes {
			counts[d][key>>(radixDigit*d)&radixMask]++
		}
	}
	src, dst := items, make([]keyedItem, len(items))
	for d := range passes {
		c := &counts[d]
		shift := radixDigit * d
		if c[src[0].key>>shift&radixMask] == int32(len(src)) {
			continue // every key has this digit
		}
		var at [1 << radixDigit]int32
		sum := int32(0)
		for b := range c {
			at[b], sum = sum, sum+c[b]
		}
		for _, it := range src {
			b := it.key >> shift & radixMask
			dst[at[b]] = it
			at[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &items[0] {
		copy(items, src)
	}
}

// sortEqualKeys sorts each run of items with equal keys in items, sorted
// by key, by cmp, keeping the order of those cmp finds equal.
func sortEqualKeys(items []keyedItem, cmp func(x, y *keyedItem) int) {
	sortRuns(items, func(run []keyedItem) {
		slices.SortStableFunc(run, func(x, y keyedItem) int { return cmp(&x, &y) })
	})
}

// sortRuns calls sort with each run of two or more items with equal keys
// in items, sorted by key.
func sortRuns(items []keyedItem, sort func(run []keyedItem)) {
	for lo := 0; lo < len(items); {
		hi := lo + 1
		for hi < len(items) && items[hi].key == items[lo].key {
			hi++
		}
		if hi-lo > 1 {
			sort(items[lo:hi])
		}
		lo = hi
	}
}
