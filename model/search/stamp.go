package search

import (
	"io/fs"
	"strconv"
)

// Stamp returns a document stamp from a file's size and modification time
// ("3314-1764582000123456789"): it changes whenever the file is written.
func Stamp(fi fs.FileInfo) string {
	return strconv.FormatInt(fi.Size(), 10) + "-" + strconv.FormatInt(fi.ModTime().UnixNano(), 10)
}
