package loader

import (
	"strings"
	"testing"
)

// TestStringSlabConcat checks that the strings a stringSlab makes are the
// concatenations and copies asked for, across blocks and for one longer than a
// block, and that making more does not change those made before.
func TestStringSlabConcat(t *testing.T) {
	var s stringSlab
	var got, want []string
	long := strings.Repeat("x", slabBytes+3)
	for i, pair := range [][2]string{{"", ""}, {"jobs.json", "#0"}, {"", "#1"}, {"a/", ""}, {long, "#2"}, {"jobs.json", "#3"}} {
		for range 1 + i*2000 {
			if i%2 == 0 {
				got = append(got, s.concat(pair[0], pair[1]))
			} else {
				got = append(got, s.copyOf([]byte(pair[0]+pair[1])))
			}
			want = append(want, pair[0]+pair[1])
		}
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("string %d: %.20q, want %.20q", i, got[i], want[i])
		}
	}
}
