package ui

import (
	"os"
	"runtime/debug"
	"sync"
)

// memoryLimit is the soft limit on the Go heap the browser sets when it
// starts loading. Parsing 100k files makes garbage fast, and with the
// default GOGC the heap peaks at about twice the ~90 MB of postings the
// browser keeps; the limit makes the collector work harder only near it,
// keeping the peak RSS under 250 MB (measured ~195 MB, without ~260 MB).
const memoryLimit = 180 << 20

var limitOnce sync.Once

// limitMemory sets memoryLimit once per process, unless the user chose a
// limit with GOMEMLIMIT.
func limitMemory() {
	limitOnce.Do(func() {
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(memoryLimit)
		}
	})
}
