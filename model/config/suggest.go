package config

import (
	"reflect"

	"github.com/BurntSushi/toml"
)

// knownKeys returns the keys the table at parent takes, from the toml tags
// of the type that reads it; nil for a table of names the user chooses.
func knownKeys(parent toml.Key) []string {
	var t reflect.Type
	switch parent.String() {
	case "":
		t = reflect.TypeFor[rawFile]()
	case "theme":
		t = reflect.TypeFor[rawTheme]()
	default:
		return nil
	}
	keys := make([]string, t.NumField())
	for i := range keys {
		keys[i] = t.Field(i).Tag.Get("toml")
	}
	return keys
}

// suggest returns the known key closest to k, if it is a likely typo:
// at most two edits away.
func suggest(k string, known []string) (string, bool) {
	best, dist := "", 3
	for _, c := range known {
		if d := editDistance(k, c); d < dist {
			best, dist = c, d
		}
	}
	return best, best != ""
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
