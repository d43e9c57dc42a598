//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd || illumos

package model

import (
	"errors"
	"os"
	"syscall"
)

// flockTry takes an exclusive flock on f without blocking. It reports
// busy=true when another open file (in this or another process) holds it.
func flockTry(f *os.File) (busy bool, err error) {
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return false, nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return true, nil
		default:
			return false, err
		}
	}
}

// flockRelease releases the flock taken by flockTry.
func flockRelease(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
