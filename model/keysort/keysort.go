// Package keysort sorts items by a number standing for each, as the
// sorts of postings (by date and text ranks) and of paths (by the first
// bytes past a shared prefix) do: a radix sort of the numbers, stable,
// and then the runs of items whose numbers are equal, which the caller
// orders by what the number could not tell.
package keysort

import (
	"cmp"
	"slices"
	"sync"
)

// Item is an item to sort: its number and its index among the caller's
// items. It holds no pointer, so moving it costs the garbage collector
// nothing.
type Item struct {
	Key uint64
	I   int32
}

// radixMin is the shortest run Radix sorts by digits: a shorter one
// costs less compared item by item than counted in passes.
const radixMin = 256

// Digit is how many bits of the keys Radix sorts by in a pass: 11 sorts
// a key of up to 55 bits in 5 passes, and its counts fit in the
// processor's nearest caches.
const (
	Digit = 11
	mask  = 1<<Digit - 1
)

// Radix sorts items by key, stably: items with equal keys keep the order
// they had. Only the low keyBits bits of a key may be set. It sorts a
// digit of the keys a pass, lowest first, skipping a pass whose digit is
// the same in every item (the high ones of most runs), through a buffer
// as long as items.
func Radix(items []Item, keyBits int) {
	if len(items) < radixMin {
		slices.SortStableFunc(items, func(x, y Item) int { return cmp.Compare(x.Key, y.Key) })
		return
	}
	passes := (keyBits + Digit - 1) / Digit
	var counts [(64 + Digit - 1) / Digit][1 << Digit]int32
	for k := range items {
		key := items[k].Key
		for d := range passes {
			counts[d][key>>(Digit*d)&mask]++
		}
	}
	buf := Scratch(len(items))
	defer Release(buf)
	src, dst := items, buf
	for d := range passes {
		c := &counts[d]
		shift := Digit * d
		if c[src[0].Key>>shift&mask] == int32(len(src)) {
			continue // every key has this digit
		}
		var at [1 << Digit]int32
		sum := int32(0)
		for b := range c {
			at[b], sum = sum, sum+c[b]
		}
		for _, it := range src {
			b := it.Key >> shift & mask
			dst[at[b]] = it
			at[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &items[0] {
		copy(items, src)
	}
}

// Runs calls sort with each run of two or more items with equal keys in
// items, sorted by key.
func Runs(items []Item, sort func(run []Item)) {
	for lo := 0; lo < len(items); {
		hi := lo + 1
		for hi < len(items) && items[hi].Key == items[lo].Key {
			hi++
		}
		if hi-lo > 1 {
			sort(items[lo:hi])
		}
		lo = hi
	}
}

// scratch holds slices of items that sorts are done with, for the next:
// a browser streaming a million postings in sorts each batch as it comes,
// and a buffer made for each sort was 20 MB of garbage a load, made while
// the collector ran every few tens of megabytes. Like any [sync.Pool] it
// lets go of what it holds at a collection.
var scratch sync.Pool

// Scratch returns n items whose values are undefined, for a caller that
// sets every one before it reads it; give them back with [Release].
func Scratch(n int) []Item {
	if b, ok := scratch.Get().(*[]Item); ok && cap(*b) >= n {
		return (*b)[:n]
	}
	return make([]Item, n)
}

// Release gives b back to [Scratch]; b must not be used afterwards.
func Release(b []Item) {
	if cap(b) >= radixMin {
		scratch.Put(&b)
	}
}
