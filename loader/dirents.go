package loader

import (
	"io/fs"
	"strings"
)

// dirent is one entry of a folder: its name and its type bits
// (fs.ModeDir, fs.ModeSymlink…; 0 for a regular file), as fs.DirEntry's
// Type gives them.
type dirent struct {
	name string
	typ  fs.FileMode
}

// direntsOf returns the entries of des, in their order.
func direntsOf(des []fs.DirEntry) []dirent {
	out := make([]dirent, len(des))
	for i, de := range des {
		out[i] = dirent{name: de.Name(), typ: de.Type()}
	}
	return out
}

// readDirents reads the folder dir of fsys sorted by name, as fs.ReadDir
// does: on an error, the entries read before it and the error. A [dirFS]
// is read with plain system calls where the system has them (see
// dirents_linux.go); buf is their scratch space, reused between calls.
func readDirents(fsys fs.FS, dir string, buf *[]byte) ([]dirent, error) {
	if d, ok := fsys.(*dirFS); ok {
		return d.readDirents(dir, buf)
	}
	des, err := fs.ReadDir(fsys, dir)
	return direntsOf(des), err
}

// compareDirents orders entries by name, as fs.ReadDir does.
func compareDirents(a, b dirent) int { return strings.Compare(a.name, b.name) }
