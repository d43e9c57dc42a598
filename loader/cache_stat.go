//go:build linux || darwin

package loader

import (
	"io/fs"
	"path"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// statDir stats the files of one folder of a [dirFS] relative to an open
// handle of the folder, which spares the kernel a walk of the whole path
// for each file (a fifth of the cost of a stat, measured on the 100k bench
// corpus). Its zero value, or one whose folder could not be opened, stats
// each file by its whole path.
type statDir struct {
	fd   int    // the folder's handle, when open
	open bool   // whether fd is open
	dir  string // the folder, in the FS
}

// openStatDir opens the folder dir of d for statting its files. Close it.
func openStatDir(d *dirFS, dir string) statDir {
	sd := statDir{dir: dir}
	if !fs.ValidPath(dir) {
		return sd
	}
	for {
		fd, err := unix.Open(filepath.Join(d.dir, filepath.FromSlash(dir)), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err == nil {
			sd.fd, sd.open = fd, true
			return sd
		}
		if err != unix.EINTR {
			return sd
		}
	}
}

// Close lets go of the folder's handle.
func (sd statDir) Close() {
	if sd.open {
		unix.Close(sd.fd)
	}
}

// key stats name inside d (following symlinks, as the read does) and
// returns its key without Root. ok is false when the stat fails or name
// is not a valid fs.FS path; the file is then read without the cache.
func (sd statDir) key(d *dirFS, name string) (k FileKey, ok bool) {
	if !fs.ValidPath(name) {
		return k, false
	}
	var st unix.Stat_t
	for {
		var err error
		if dir, base := path.Split(name); sd.open && path.Clean(dir) == sd.dir {
			err = unix.Fstatat(sd.fd, base, &st, 0)
		} else {
			err = unix.Stat(filepath.Join(d.dir, filepath.FromSlash(name)), &st)
		}
		if err == nil {
			break
		}
		if err != unix.EINTR {
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
