//go:build unix

package corpus

import (
	"syscall"
	"time"
)

// ProcessCPU returns the CPU time (user + system, every thread) the
// process has used, so that benchmarks can report CPU per operation next
// to wall time, which moves with other work on a shared machine.
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
