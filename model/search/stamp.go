package search

import (
	"io/fs"
	"strconv"
)

// Stamp returns a document stamp from a file's size and modification time
// ("3314-1764582000123456789"): it changes whenever the file is written.
func Stamp(fi fs.FileInfo) string {
	return StampOf(fi.Size(), fi.ModTime().UnixNano())
}

// StampOf is [Stamp] of a file of size bytes modified at modTime
// (nanoseconds since 1970).
func StampOf(size, modTime int64) string {
	return strconv.FormatInt(size, 10) + "-" + strconv.FormatInt(modTime, 10)
}
