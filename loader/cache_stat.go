//go:build linux || darwin

package loader

import (
	"io/fs"
	"path/filepath"
	"syscall"
)

// statKey stats name inside d (following symlinks, as the read does) and
// returns its key without Root. ok is false when the stat fails or name
// is not a valid fs.FS path; the file is then read without the cache.
func statKey(d *dirFS, name string) (k FileKey, ok bool) {
	if !fs.ValidPath(name) {
		return k, false
	}
	var st syscall.Stat_t
	p := filepath.Join(d.dir, filepath.FromSlash(name))
	for {
		err := syscall.Stat(p, &st)
		if err == nil {
			break
		}
		if err != syscall.EINTR {
			return k, false
		}
	}
	return FileKey{
		Path:       name,
		Size:       st.Size,
		ModTime:    modTime(&st),
		ChangeTime: changeTime(&st),
		Dev:        uint64(st.Dev),
		Ino:        uint64(st.Ino),
	}, true
}
