package loader

import "unsafe"

// sharesMemory reports whether sub's bytes lie inside s's.
func sharesMemory(sub, s string) bool {
	a, b := uintptr(unsafe.Pointer(unsafe.StringData(sub))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return a >= b && a < b+uintptr(len(s))
}
