//go:build unix

package loader

import (
	"io/fs"
	"syscall"
)

// keyOf identifies the folder p by device and inode when fi carries a
// *syscall.Stat_t; else by its path (byInode false).
func keyOf(fi fs.FileInfo, p string) (key dirKey, byInode bool) {
	if fi != nil {
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && st != nil {
			return dirKey{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true
		}
	}
	return dirKey{path: p}, false
}
