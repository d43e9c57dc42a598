package model

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRadixSortKeyedIsStable checks radixSortKeyed against a stable sort
// by key, on runs short and long, keys narrow and wide, with many ties
// and with constant bytes (passes that are skipped).
func TestRadixSortKeyedIsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, radixMin - 1, radixMin, 1000, 20_000} {
		for _, bits := range []int{1, 7, 8, 9, 17, 40, 63, 64} {
			items := make([]keyedItem, n)
			for k := range items {
				key := r.Uint64()
				if bits < 64 {
					key &= 1<<bits - 1
				}
				if k%3 == 0 && k > 0 {
					key = items[r.IntN(k)].key // ties
				}
				if bits > 16 {
					key &^= 0xff << 8 // a byte every key shares
				}
				items[k] = keyedItem{key, int32(k)}
			}
			want := slices.Clone(items)
			slices.SortStableFunc(want, func(x, y keyedItem) int { return cmp.Compare(x.key, y.key) })
			radixSortKeyed(items, bits)
			if !slices.Equal(items, want) {
				t.Fatalf("n=%d bits=%d: radix order differs from a stable sort", n, bits)
			}
		}
	}
}

// TestSortEqualKeys checks that only runs of equal keys are reordered,
// each by the comparison, stably.
func TestSortEqualKeys(t *testing.T) {
	items := []keyedItem{{1, 5}, {1, 3}, {2, 9}, {3, 8}, {3, 8}, {3, 1}, {4, 0}}
	sortEqualKeys(items, func(x, y *keyedItem) int { return cmp.Compare(x.i, y.i) })
	want := []keyedItem{{1, 3}, {1, 5}, {2, 9}, {3, 1}, {3, 8}, {3, 8}, {4, 0}}
	if !slices.Equal(items, want) {
		t.Fatalf("got %v, want %v", items, want)
	}
}
