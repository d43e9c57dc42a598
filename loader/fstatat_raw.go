//go:build linux && (amd64 || arm64 || riscv64)

package loader

import (
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// fstatat is unix.Fstatat(fd, name, st, 0) with name made a C string in
// a buffer on the stack rather than in a new allocation each call (one
// per file of a warm load); a longer name takes unix.Fstatat.
func fstatat(fd int, name string, st *unix.Stat_t) error {
	var buf [256]byte
	if len(name) >= len(buf) || strings.IndexByte(name, 0) >= 0 {
		return unix.Fstatat(fd, name, st, 0)
	}
	buf[copy(buf[:], name)] = 0
	_, _, e := unix.Syscall6(unix.SYS_NEWFSTATAT, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(st)), 0, 0, 0)
	if e != 0 {
		return e
	}
	return nil
}

// openat is unix.Openat(fd, name, flags, 0) with name made a C string on
// the stack, as fstatat's is (one allocation per file of a cold load); a
// longer name takes unix.Openat.
func openat(fd int, name string, flags int) (int, error) {
	var buf [256]byte
	if len(name) >= len(buf) || strings.IndexByte(name, 0) >= 0 {
		return unix.Openat(fd, name, flags, 0)
	}
	buf[copy(buf[:], name)] = 0
	r, _, e := unix.Syscall6(unix.SYS_OPENAT, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(flags|unix.O_LARGEFILE), 0, 0, 0)
	if e != 0 {
		return -1, e
	}
	return int(r), nil
}
