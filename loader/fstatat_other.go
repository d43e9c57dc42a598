//go:build darwin || (linux && !amd64 && !arm64 && !riscv64)

package loader

import "golang.org/x/sys/unix"

// fstatat is unix.Fstatat(fd, name, st, 0).
func fstatat(fd int, name string, st *unix.Stat_t) error { return unix.Fstatat(fd, name, st, 0) }

// openat is unix.Openat(fd, name, flags, 0).
func openat(fd int, name string, flags int) (int, error) { return unix.Openat(fd, name, flags, 0) }
