package model

import (
	"cmp"
	"slices"
)

// radixMin is the shortest run radixSortKeyed sorts by digits: a shorter
// one costs less compared item by item than counted in passes.
const radixMin = 256

// radixSortKeyed sorts items by key, stably: items with equal keys keep
// the order they had. Only the low keyBits bits of a key may be set. It
// sorts a byte of the keys a pass, lowest first, skipping a pass whose
// byte is the same in every item (the high bytes of most runs), through
// a buffer as long as items.
func radixSortKeyed(items []keyedItem, keyBits int) {
	if len(items) < radixMin {
		slices.SortStableFunc(items, func(x, y keyedItem) int { return cmp.Compare(x.key, y.key) })
		return
	}
	passes := (keyBits + 7) / 8
	var counts [8][256]int32
	for k := range items {
		key := items[k].key
		for d := range passes {
			counts[d][byte(key>>(8*d))]++
		}
	}
	src, dst := items, make([]keyedItem, len(items))
	for d := range passes {
		c := &counts[d]
		if c[byte(src[0].key>>(8*d))] == int32(len(src)) {
			continue // every key has this byte
		}
		var at [256]int32
		sum := int32(0)
		for b := range c {
			at[b], sum = sum, sum+c[b]
		}
		shift := 8 * d
		for _, it := range src {
			b := byte(it.key >> shift)
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
	for lo := 0; lo < len(items); {
		hi := lo + 1
		for hi < len(items) && items[hi].key == items[lo].key {
			hi++
		}
		if hi-lo > 1 {
			slices.SortStableFunc(items[lo:hi], func(x, y keyedItem) int { return cmp(&x, &y) })
		}
		lo = hi
	}
}
