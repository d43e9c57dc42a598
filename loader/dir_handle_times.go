//go:build linux || darwin

package loader

import "golang.org/x/sys/unix"

// modTime and changeTime read a stat's times in nanoseconds since 1970.
func modTime(st *unix.Stat_t) int64    { return st.Mtim.Nano() }
func changeTime(st *unix.Stat_t) int64 { return st.Ctim.Nano() }
