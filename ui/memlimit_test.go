package ui

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

func TestLimitMemory(t *testing.T) {
	if os.Getenv("GOMEMLIMIT") != "" {
		t.Log("GOMEMLIMIT is set: the browser must leave it alone")
	}
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	limitMemory()
	got := debug.SetMemoryLimit(-1)
	switch {
	case os.Getenv("GOMEMLIMIT") != "" && got != before:
		t.Errorf("limit changed to %d despite GOMEMLIMIT", got)
	case os.Getenv("GOMEMLIMIT") == "" && before == math.MaxInt64 && got != memoryLimit:
		t.Errorf("limit %d, want %d", got, memoryLimit)
	}
}
