package main

import (
	"runtime/debug"
	"testing"
)

// TestTuneGC checks that the loading commands set loadGCPercent, and leave
// the collector alone when the user chose with GOGC or GOMEMLIMIT.
func TestTuneGC(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	for _, c := range []struct {
		gogc, memlimit string
		want           int
	}{
		{"", "", loadGCPercent},
		{"200", "", 100},
		{"", "1GiB", 100},
	} {
		t.Setenv("GOGC", c.gogc)
		t.Setenv("GOMEMLIMIT", c.memlimit)
		debug.SetGCPercent(100)
		tuneGC()
		if got := debug.SetGCPercent(100); got != c.want {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: GC percent %d, want %d", c.gogc, c.memlimit, got, c.want)
		}
	}
}
