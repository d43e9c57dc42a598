//go:build !unix

package corpus

import "time"

// ProcessCPU is unknown off unix; benchmarks then report 0 CPU.
func ProcessCPU() time.Duration { return 0 }
