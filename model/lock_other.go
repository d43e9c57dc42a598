//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd || illumos)

package model

import "os"

// flockTry is a no-op where flock is not available: two jobdecks saving at
// the very same moment may then lose the one change of the slower one.
// Single-process use is still safe (Store serialises its own saves).
func flockTry(f *os.File) (busy bool, err error) { return false, nil }

// flockRelease is the no-op counterpart of flockTry.
func flockRelease(f *os.File) error { return nil }
