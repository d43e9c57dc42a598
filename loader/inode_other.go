//go:build !unix

package loader

import "io/fs"

// keyOf identifies the folder p by its path; symlink loops are then caught
// by the limit on nested symlinks.
func keyOf(fi fs.FileInfo, p string) (key dirKey, byInode bool) {
	return dirKey{path: p}, false
}
