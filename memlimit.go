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

// startGovernor sets the soft memory limit to [memoryBudget] and, after
// every collection, moves it by [nextLimit], until [governor.stop] puts
// the previous limit back. Until the first collection the limit is
// [startHeap] and the collector's pacing is off, unless GOGC is set in the
// environment; [governor.load] keeps the pacing off while a folder loads.
// A GOMEMLIMIT in the environment is the user's choice: startGovernor then
// returns nil, whose methods do nothing.
func startGovernor() *governor {
	if os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	g := &governor{gcPercent: noStartPhase}
	g.prev = debug.SetMemoryLimit(memoryBudget)
	if os.Getenv("GOGC") == "" {
		g.gcPercent = debug.SetGCPercent(-1)
		debug.SetMemoryLimit(startHeap)
	}
	g.arm()
	return g
}

// stop stops governing and puts the limit and pacing from before back.
func (g *governor) stop() {
	if g == nil {
		return
	}
	g.stopped.Store(true)
	g.mu.Lock()
	g.loading = false
	g.mu.Unlock()
	g.endStart()
	debug.SetMemoryLimit(g.prev)
}

// load says a folder is loading, until done is called: the collector's
// pacing, off until the first collection, then stays off, and only the
// limit ([memoryBudget], moved by [nextLimit]) makes it collect. A
// loading browser's heap is mostly live postings: at a million postings
// the usual pacing collected at 270 and 490 MB on the way to 780 MB,
// marking the postings already loaded each time, before the limit made
// it collect anyway. Once done, the pacing is back (a browser that holds
// 120 MB must not grow to the budget). It does nothing when there is no
// start phase (GOGC set).
func (g *governor) load() (done func()) {
	if g == nil {
		return func() {}
	}
	g.mu.Lock()
	g.loading = g.gcPercent != noStartPhase
	g.mu.Unlock()
	return func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.loading = false
		if g.collected {
			g.restorePacing()
		}
	}
}

// noStartPhase is governor.gcPercent when there is no start phase to end.
const noStartPhase = math.MinInt

// governor re-arms itself on every garbage collection until stopped.
type governor struct {
	stopped atomic.Bool
	prev    int64 // the limit before governing began
	mu      sync.Mutex
	// gcPercent is the collector's pacing to restore when the start phase
	// ends, or noStartPhase once it has (or when there was none).
	gcPercent int
	collected bool // a collection ended the start phase
	loading   bool // a folder is loading: the pacing stays off (see load)
}

// endStart ends the start phase, if it has not ended: the limit, when
// still startHeap (a phase of the program may have set its own), becomes
// memoryBudget, and the collector paces itself again unless a folder is
// loading (see [governor.load]).
func (g *governor) endStart() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.gcPercent == noStartPhase {
		return
	}
	if !g.collected {
		g.collected = true
		if cur := debug.SetMemoryLimit(-1); cur == startHeap {
			debug.SetMemoryLimit(memoryBudget)
		}
	}
	if !g.loading {
		g.restorePacing()
	}
}

// restorePacing puts the collector's pacing from before the start phase
// back, once. g.mu must be held.
func (g *governor) restorePacing() {
	if g.gcPercent == noStartPhase {
		return
	}
	debug.SetGCPercent(g.gcPercent)
	g.gcPercent = noStartPhase
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
