//go:build !linux && !darwin

package loader

import "io/fs"

// dirHandle is a folder of a [dirFS] whose files are statted and opened;
// here by their whole paths.
type dirHandle struct{}

func openDirHandle(*dirFS, string) dirHandle { return dirHandle{} }

// Close does nothing.
func (dirHandle) Close() {}

// key stats name inside d and returns its key without Root: size,
// modification time and, where the FS exposes them, device and inode (no
// change time).
func (dirHandle) key(d *dirFS, name string) (k FileKey, ok bool) {
	fi, err := fs.Stat(d, name)
	if err != nil {
		return k, false
	}
	id, _ := keyOf(fi, name)
	return FileKey{Path: name, Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), Dev: id.dev, Ino: id.ino}, true
}

// openFile does not open: the caller opens name by its path.
func (dirHandle) openFile(string) (int, bool, error) { return 0, false, nil }
