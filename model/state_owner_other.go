//go:build !unix

package model

import "io/fs"

// ownerOf reports no owner where files have none jobdeck could keep.
func ownerOf(fs.FileInfo) (fileOwner, bool) { return fileOwner{}, false }

// inodeOf reports no inode where there is none; the size and time stand in.
func inodeOf(fs.FileInfo) (dev, ino uint64) { return 0, 0 }
