package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestNextLimit(t *testing.T) {
	const budget = 850 << 20
	tests := []struct {
		name      string
		live      uint64
		cur, want int64
	}{
		{"small heap keeps the budget", 100 << 20, budget, budget},
		{"at the share keeps it", uint64(float64(budget) * liveShare), budget, budget},
		{"over the share within the headroom keeps it", 700 << 20, budget, budget},
		{"over both raises it", 800 << 20, budget, raisedFor(800 << 20)},
		{"a big heap gets at most maxHeadroom", 1500 << 20, budget, 1500<<20 + maxHeadroom},
		{"a big limit comes down with live", 800 << 20, 1200 << 20, raisedFor(800 << 20)},
		{"shrunk well under comes back to the budget", 50 << 20, 2000 << 20, budget},
		{"shrunk comes down, not under what it needs", 900 << 20, 2000 << 20, raisedFor(900 << 20)},
		{"no limit comes down too", 900 << 20, math.MaxInt64, raisedFor(900 << 20)},
		{"a tighter limit of a phase stays", 100 << 20, 280 << 20, 280 << 20},
		{"a tighter limit is raised when live outgrows it", 250 << 20, 280 << 20, raisedFor(250 << 20)},
	}
	for _, tt := range tests {
		if got := nextLimit(tt.live, tt.cur, budget); got != tt.want {
			t.Errorf("%s: nextLimit(%d MiB, %d MiB) = %d MiB, want %d MiB", tt.name, tt.live>>20, tt.cur>>20, got>>20, tt.want>>20)
		}
	}
}

func TestGovernMemoryRaisesTheLimitAndRestoresIt(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "100") // no start phase
	before := debug.SetMemoryLimit(-1)
	stop := startGovernor().stop
	if got := debug.SetMemoryLimit(-1); got != memoryBudget {
		t.Fatalf("limit %d while governed, want %d", got, memoryBudget)
	}
	// Live memory over the share of a small limit: the next collections
	// must raise it rather than collect without pause.
	debug.SetMemoryLimit(8 << 20)
	hold := make([]byte, 32<<20)
	want := raisedFor(uint64(len(hold)))
	raised := int64(0)
	for i := 0; i < 100 && raised < want; i++ { // finalizers run after the cycle, on their own goroutine
		runtime.GC()
		time.Sleep(time.Millisecond)
		raised = debug.SetMemoryLimit(-1)
	}
	runtime.KeepAlive(hold)
	stop()
	if raised < want {
		t.Errorf("limit %d MiB with %d MiB live, want ≥ %d MiB", raised>>20, len(hold)>>20, want>>20)
	}
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit %d after stop, want %d back", got, before)
	}
}

func TestGovernMemoryStartPhaseEndsAtTheFirstCollection(t *testing.T) {
	limitBefore, pacingBefore := withStartPhase(t)
	stop := startGovernor().stop
	if got, p := debug.SetMemoryLimit(-1), gcPercent(); got != startHeap || p != -1 {
		t.Fatalf("before the first collection: limit %d MiB, GOGC %d; want %d MiB, off", got>>20, p, startHeap>>20)
	}
	ended := collectUntil(func() bool { return gcPercent() == pacingBefore })
	limit := debug.SetMemoryLimit(-1)
	stop()
	if !ended || limit != memoryBudget {
		t.Errorf("after a collection: GOGC %d, limit %d MiB; want %d, %d MiB", gcPercent(), limit>>20, pacingBefore, memoryBudget>>20)
	}
	if got := debug.SetMemoryLimit(-1); got != limitBefore {
		t.Errorf("limit %d after stop, want %d back", got, limitBefore)
	}
}

func TestGovernMemoryStopEndsTheStartPhase(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	pacingBefore := gcPercent()
	startGovernor().stop()
	if p := gcPercent(); p != pacingBefore {
		t.Errorf("GOGC %d after stop, want %d back", p, pacingBefore)
	}
}

func TestGovernMemoryKeepsTheUsersGOGC(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "200")
	pacingBefore := gcPercent()
	stop := startGovernor().stop
	defer stop()
	if p, got := gcPercent(), debug.SetMemoryLimit(-1); p != pacingBefore || got != memoryBudget {
		t.Errorf("with GOGC set: GOGC %d, limit %d MiB; want %d, %d MiB", p, got>>20, pacingBefore, memoryBudget>>20)
	}
}

// gcPercent returns the collector's pacing (GOGC), leaving it as it is.
func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// withStartPhase clears GOMEMLIMIT and GOGC for the test, so that a
// governor has its start phase, and returns the limit and pacing from
// before it.
func withStartPhase(t *testing.T) (limit int64, pacing int) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	return debug.SetMemoryLimit(-1), gcPercent()
}

// collectUntil collects until cond holds, at most 100 times, and reports
// whether it held: the governor's finalizer runs after each cycle, on a
// goroutine of its own.
func collectUntil(cond func() bool) bool {
	for range 100 {
		runtime.GC()
		time.Sleep(time.Millisecond)
		if cond() {
			return true
		}
	}
	return false
}

// raisedFor is the limit nextLimit raises to for live bytes.
func raisedFor(live uint64) int64 {
	return min(int64(float64(live)/liveShare), int64(live)+maxHeadroom)
}

func TestGovernMemoryKeepsPacingOffWhileLoading(t *testing.T) {
	limitBefore, pacingBefore := withStartPhase(t)
	g := startGovernor()
	done := g.load()
	limited := collectUntil(func() bool { return debug.SetMemoryLimit(-1) == memoryBudget })
	if p := gcPercent(); !limited || p != -1 {
		t.Errorf("loading, after a collection: limit %d MiB, GOGC %d; want %d MiB, off", debug.SetMemoryLimit(-1)>>20, p, memoryBudget>>20)
	}
	runtime.GC()
	time.Sleep(time.Millisecond)
	if p := gcPercent(); p != -1 {
		t.Errorf("loading, after a second collection: GOGC %d, want off", p)
	}
	done()
	if p := gcPercent(); p != pacingBefore {
		t.Errorf("once loaded: GOGC %d, want %d back", p, pacingBefore)
	}
	g.stop()
	if got, p := debug.SetMemoryLimit(-1), gcPercent(); got != limitBefore || p != pacingBefore {
		t.Errorf("after stop: limit %d, GOGC %d; want %d, %d", got, p, limitBefore, pacingBefore)
	}
}

func TestGovernMemoryLoadDoneBeforeACollection(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	pacingBefore := gcPercent()
	g := startGovernor()
	defer g.stop()
	g.load()() // a small folder, loaded before the first collection
	if p := gcPercent(); p != -1 {
		t.Fatalf("start phase: GOGC %d, want off until the first collection", p)
	}
	if !collectUntil(func() bool { return gcPercent() == pacingBefore }) {
		t.Errorf("after the first collection: GOGC %d, want %d back", gcPercent(), pacingBefore)
	}
}

func TestGovernorNilDoesNothing(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	g := startGovernor()
	if g != nil {
		t.Fatal("a governor despite GOMEMLIMIT")
	}
	g.load()()
	g.stop()
}

func TestLoadingWithNoSourcesTellsNothing(t *testing.T) {
	_, pacingBefore := withStartPhase(t)
	g := startGovernor()
	defer g.stop()
	if f := loadingWith(g, nil); f != nil {
		t.Fatal("a load to tell of with no sources")
	}
	if !collectUntil(func() bool { return gcPercent() == pacingBefore }) {
		t.Errorf("no sources: GOGC %d after the first collection, want %d back", gcPercent(), pacingBefore)
	}
}
