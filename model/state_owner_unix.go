//go:build unix

package model

import (
	"io/fs"
	"syscall"
)

// ownerOf returns who owns the file fi describes.
func ownerOf(fi fs.FileInfo) (fileOwner, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileOwner{}, false
	}
	return fileOwner{uid: int(st.Uid), gid: int(st.Gid)}, true
}
