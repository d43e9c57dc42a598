//go:build !linux

package loader

import "io/fs"

// folderStamp is false where folders are read through fs.ReadDir: their
// entries are not cached there.
func folderStamp(fs.FileInfo) (FileKey, bool) { return FileKey{}, false }

// keepsFolderTimes is false where folders' entries are not cached.
func keepsFolderTimes(string) (uint64, bool) { return 0, false }
