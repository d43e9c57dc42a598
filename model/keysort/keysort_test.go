package keysort

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRadixIsStable checks Radix against a stable sort by key, on runs
// short and long, keys narrow and wide, with many ties and with a digit
// every key shares (a pass that is skipped).
func TestRadixIsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, radixMin - 1, radixMin, 1000, 20_000} {
		for _, bits := range []int{1, 7, 8, 9, 17, 40, 63, 64} {
			items := make([]Item, n)
			for k := range items {
				key := r.Uint64()
				if bits < 64 {
					key &= 1<<bits - 1
				}
				if k%3 == 0 && k > 0 {
					key = items[r.IntN(k)].Key // ties
				}
				if bits > 24 {
					key &^= mask << Digit // a digit every key shares
				}
				items[k] = Item{key, int32(k)}
			}
			want := slices.Clone(items)
			slices.SortStableFunc(want, func(x, y Item) int { return cmp.Compare(x.Key, y.Key) })
			Radix(items, bits)
			if !slices.Equal(items, want) {
				t.Fatalf("n=%d bits=%d: radix order differs from a stable sort", n, bits)
			}
		}
	}
}

// TestRuns checks that Runs hands over each run of equal keys, and only
// those.
func TestRuns(t *testing.T) {
	items := []Item{{1, 5}, {1, 3}, {2, 9}, {3, 8}, {3, 8}, {3, 1}, {4, 0}}
	var got [][]Item
	Runs(items, func(run []Item) { got = append(got, slices.Clone(run)) })
	want := [][]Item{{{1, 5}, {1, 3}}, {{3, 8}, {3, 8}, {3, 1}}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("runs %v, want %v", got, want)
	}
}
