package loader

import "syscall"

// modTime and changeTime read a stat's times in nanoseconds since 1970.
func modTime(st *syscall.Stat_t) int64    { return st.Mtimespec.Nano() }
func changeTime(st *syscall.Stat_t) int64 { return st.Ctimespec.Nano() }
