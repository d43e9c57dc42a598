package model

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRadixSortKeyedIsStable checks radixSortKeyed against a stable sort
// by key, on runs short and long, keys narrow and wide, with many ties
// and with a digit every key shares (a pass that is skipped).
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
				if bits > 24 {
					key &^= radixMask << radixDigit // a digit every key shares
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

// TestSortTextsAsStrings checks sortTexts against strings.Compare and
// compareNonEmptyFirst, on texts that share long prefixes (8 and 16
// bytes), short ones, and the empty text.
func TestSortTextsAsStrings(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	seen := map[string]bool{}
	var texts []string
	for len(texts) < 3000 {
		var s string
		switch r.IntN(4) {
		case 0:
			s = "senior b" + string(rune('a'+r.IntN(26)))
		case 1:
			s = "senior backend e" + string(rune('a'+r.IntN(26))) + string(rune('a'+r.IntN(26)))
		case 2:
			s = string(rune('a' + r.IntN(3)))
		default:
			s = fmt.Sprint(r.Uint64())
		}
		if len(texts) == 1500 {
			s = ""
		}
		if !seen[s] {
			seen[s] = true
			texts = append(texts, s)
		}
	}
	for _, nonEmptyFirst := range []bool{false, true} {
		order := sortTexts(texts, func(s string) string { return s }, nonEmptyFirst)
		got := make([]string, len(order))
		for k, i := range order {
			got[k] = texts[i]
		}
		want := slices.Clone(texts)
		if nonEmptyFirst {
			slices.SortFunc(want, compareNonEmptyFirst)
		} else {
			slices.Sort(want)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("nonEmptyFirst=%v: sortTexts differs from the string order", nonEmptyFirst)
		}
	}
}
