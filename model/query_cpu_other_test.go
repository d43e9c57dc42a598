//go:build !unix

package model

import "time"

// processCPU is unknown off unix; benchmarks then report 0 CPU.
func processCPU() time.Duration { return 0 }
