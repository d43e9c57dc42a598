package loader

import (
	"strings"
	"testing"
	"unsafe"
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

// TestStringSlabReserve checks that the room reserve gives holds what is
// appended to it, in place, across blocks, and that what the slab makes
// afterwards does not write over it.
func TestStringSlabReserve(t *testing.T) {
	var s stringSlab
	var got, want []string
	for i := range 3000 {
		text := strings.Repeat(string(rune('a'+i%26)), 1+i%97)
		b := s.reserve(len(text))
		if len(b) != 0 || cap(b) != len(text) {
			t.Fatalf("reserve(%d): len %d, cap %d", len(text), len(b), cap(b))
		}
		start := unsafe.SliceData(b[:1])
		b = append(b, text...)
		if unsafe.SliceData(b) != start {
			t.Fatalf("reserve(%d): appending moved the room", len(text))
		}
		got = append(got, unsafe.String(start, len(b)))
		want = append(want, text)
		s.concat("x", "y") // the next string comes after the room
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("string %d: %.20q, want %.20q", i, got[i], want[i])
		}
	}
}
