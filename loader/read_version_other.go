//go:build unix && !linux && !darwin

package loader

import "syscall"

// statVersion says nothing here: the stat's field names differ between
// the other systems, and a caller stats the file itself.
func statVersion(*syscall.Stat_t) FileVersion { return FileVersion{} }
