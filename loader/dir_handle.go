//go:build linux || darwin

package loader

import (
	"io/fs"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
)

// dirHandle is an open folder of a [dirFS] whose files are statted and
// opened relative to it, which spares the kernel a walk of the whole path
// for each file (a fifth of the cost of a stat, measured on the 100k
// bench corpus's folders). Its zero value, or one whose folder could not
// be opened, stats and opens each file by its whole path.
type dirHandle struct {
	fd   int    // the folder's handle, when open
	open bool   // whether fd is open
	dir  string // the folder, in the FS
}

// openDirHandle opens the folder dir of d. Close it.
func openDirHandle(d *dirFS, dir string) dirHandle {
	h := dirHandle{dir: dir}
	if !fs.ValidPath(dir) {
		return h
	}
	for {
		fd, err := unix.Open(filepath.Join(d.dir, filepath.FromSlash(dir)), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err == nil {
			h.fd, h.open = fd, true
			return h
		}
		if err != unix.EINTR {
			return h
		}
	}
}

// Close lets go of the folder's handle.
func (h dirHandle) Close() {
	if h.open {
		unix.Close(h.fd)
	}
}

// base returns name's last element when name is a file of h's folder.
func (h dirHandle) base(name string) (string, bool) {
	if !h.open {
		return "", false
	}
	base := name
	if h.dir != "." {
		if len(name) <= len(h.dir)+1 || name[len(h.dir)] != '/' || name[:len(h.dir)] != h.dir {
			return "", false
		}
		base = name[len(h.dir)+1:]
	}
	return base, base != "" && strings.IndexByte(base, '/') < 0
}

// key stats name inside d (following symlinks, as the read does) and
// returns its key without Root. ok is false when the stat fails or name
// is not a valid fs.FS path; the file is then read without the cache.
func (h dirHandle) key(d *dirFS, name string) (k FileKey, ok bool) {
	if !fs.ValidPath(name) {
		return k, false
	}
	var st unix.Stat_t
	for {
		var err error
		if base, in := h.base(name); in {
			err = fstatat(h.fd, base, &st)
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

// openFile opens name, a file of h's folder, for reading (non-blocking,
// as [readDirect] does). ok is false when name is not in h's folder or h
// is not open: the caller then opens it by its path.
func (h dirHandle) openFile(name string) (fd int, ok bool, err error) {
	base, in := h.base(name)
	if !in || !fs.ValidPath(name) {
		return 0, false, nil
	}
	for {
		fd, err = openat(h.fd, base, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NONBLOCK)
		if err != unix.EINTR {
			return fd, true, err
		}
	}
}
