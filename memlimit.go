package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// memoryBudget is the soft memory limit jobdeck keeps to while what it
// holds fits well under it: below half of it the garbage collector paces
// itself as usual (GOGC), above that it collects more often rather than let
// garbage double the process.
const memoryBudget = 850 << 20

// liveShare is the most of the limit that live memory may take before the
// limit is raised: a folder that legitimately needs more than the budget
// gets it, with the collector never running more often than each time the
// heap grows by 1/liveShare − 1 of what is live (as with GOGC=43), or by
// maxHeadroom, whichever is less.
const liveShare = 0.7

// maxHeadroom bounds how far the limit is raised past the live heap: at a
// million postings (about 720 MB live once loaded, 780 MB at the end of
// the load) the share alone let the process reach 1.03 GB. A bigger
// heap's collections cost more each, but once the load is done a big
// folder's browser makes little garbage a second, and the budget keeps
// the headroom of heaps up to budget − maxHeadroom larger.
const maxHeadroom = 64 << 20

// startHeap is how far the heap may grow before the first collection of a
// run, with the collector's pacing (GOGC) off until then: a launch that
// loads a folder makes its garbage and its live heap together, and with the
// usual pacing the collector ran at 4, 8, 16, 32 and 64 MB, marking the
// postings already loaded again each time (about a tenth of the CPU of a
// warm launch of 100k postings). The first collection ends this: a small
// folder's browser then paces itself as usual, a big folder's after the
// first 192 MiB. At 128 MiB a cold launch of 100k postings (~175 MB
// allocated) collected three times, at 107, 73 and 95 MB, and a warm one
// once while it loaded, its write barriers and marking on the cores the
// load needed; at 192 MiB a warm launch first collects after its load and
// a cold one once near its end, for a peak RSS of ~205 MB instead of ~150.
const startHeap = 192 << 20

// governMemory sets the soft memory limit to [memoryBudget] and, after every
// collection, moves it by [nextLimit], until stop is called, which puts the
// previous limit back. Until the first collection the limit is [startHeap]
// and the collector's pacing is off, unless GOGC is set in the environment.
// A GOMEMLIMIT in the environment is the user's choice: governMemory then
// does nothing.
func governMemory() (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	g := &governor{gcPercent: noStartPhase}
	prev := debug.SetMemoryLimit(memoryBudget)
	if os.Getenv("GOGC") == "" {
		g.gcPercent = debug.SetGCPercent(-1)
		debug.SetMemoryLimit(startHeap)
	}
	g.arm()
	return func() {
		g.stopped.Store(true)
		g.endStart()
		debug.SetMemoryLimit(prev)
	}
}

// noStartPhase is governor.gcPercent when there is no start phase to end.
const noStartPhase = math.MinInt

// governor re-arms itself on every garbage collection until stopped.
type governor struct {
	stopped atomic.Bool
	// gcPercent is the collector's pacing to restore when the start phase
	// ends, or noStartPhase once it has (or when there was none).
	gcPercent int
	mu        sync.Mutex
}

// endStart ends the start phase, if it has not ended: the collector paces
// itself again and the limit, when still startHeap (a phase of the program
// may have set its own), becomes memoryBudget.
func (g *governor) endStart() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.gcPercent == noStartPhase {
		return
	}
	debug.SetGCPercent(g.gcPercent)
	g.gcPercent = noStartPhase
	if cur := debug.SetMemoryLimit(-1); cur == startHeap {
		debug.SetMemoryLimit(memoryBudget)
	}
}

// sentinel is garbage the governor leaves for the collector: its finalizer
// runs once per cycle. It is big enough not to be batched by the tiny
// allocator, whose objects may never be finalized.
type sentinel struct{ _ [32]byte }

func (g *governor) arm() {
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		if g.stopped.Load() {
			return
		}
		g.endStart()
		g.adjust()
		g.arm()
	})
}

// adjust moves the limit for the live heap the last collection left.
func (g *governor) adjust() {
	live, ok := liveAfterGC()
	if !ok {
		return
	}
	cur := debug.SetMemoryLimit(-1)
	if next := nextLimit(live, cur, memoryBudget); next != cur {
		debug.SetMemoryLimit(next)
	}
}

// liveAfterGC returns the heap the last collection marked live; false when
// the runtime does not say.
func liveAfterGC() (uint64, bool) {
	s := [1]metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s[:])
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0, false
	}
	return s[0].Value.Uint64(), true
}

// nextLimit returns the soft memory limit for live bytes of live heap
// under limit cur: raised to live plus its headroom (live/[liveShare] −
// live, at most [maxHeadroom]) when that is more than cur, and while cur
// is over budget, brought down to it again (never under budget) as live
// shrinks; else cur. A limit under budget set by someone else (a phase
// that wants a tighter heap) stays while live fits it.
func nextLimit(live uint64, cur, budget int64) int64 {
	want := min(int64(float64(live)/liveShare), int64(live)+maxHeadroom)
	switch {
	case want > cur:
		return want
	case cur > budget:
		return max(budget, want)
	}
	return cur
}
