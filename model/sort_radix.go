package model

import (
	"slices"

	"github.com/jobdeck/jobdeck/model/keysort"
)

// sortEqualKeys sorts each run of items with equal keys in items, sorted
// by key, by cmp, keeping the order of those cmp finds equal.
func sortEqualKeys(items []keysort.Item, cmp func(x, y *keysort.Item) int) {
	keysort.Runs(items, func(run []keysort.Item) {
		slices.SortStableFunc(run, func(x, y keysort.Item) int { return cmp(&x, &y) })
	})
}
