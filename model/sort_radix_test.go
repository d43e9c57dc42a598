package model

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/jobdeck/jobdeck/model/keysort"
)

// TestSortEqualKeys checks that only runs of equal keys are reordered,
// each by the comparison, stably.
func TestSortEqualKeys(t *testing.T) {
	items := keyItems(1, 5, 1, 3, 2, 9, 3, 8, 3, 8, 3, 1, 4, 0)
	sortEqualKeys(items, func(x, y *keysort.Item) int { return cmp.Compare(x.I, y.I) })
	want := keyItems(1, 3, 1, 5, 2, 9, 3, 1, 3, 8, 3, 8, 4, 0)
	if !slices.Equal(items, want) {
		t.Fatalf("got %v, want %v", items, want)
	}
}

// keyItems returns the items of key and index pairs kis.
func keyItems(kis ...int) []keysort.Item {
	var items []keysort.Item
	for k := 0; k < len(kis); k += 2 {
		items = append(items, keysort.Item{Key: uint64(kis[k]), I: int32(kis[k+1])})
	}
	return items
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
