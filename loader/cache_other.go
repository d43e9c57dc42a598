//go:build !linux && !darwin

package loader

import "io/fs"

// statDir stats the files of one folder of a [dirFS]; here by their whole
// paths, through fs.Stat.
type statDir struct{}

func openStatDir(*dirFS, string) statDir { return statDir{} }

// Close does nothing.
func (statDir) Close() {}

// key stats name inside d and returns its key without Root: size,
// modification time and, where the FS exposes them, device and inode (no
// change time).
func (statDir) key(d *dirFS, name string) (k FileKey, ok bool) {
	fi, err := fs.Stat(d, name)
	if err != nil {
		return k, false
	}
	id, _ := keyOf(fi, name)
	return FileKey{Path: name, Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), Dev: id.dev, Ino: id.ino}, true
}
