//go:build unix

package loader

import (
	"io/fs"
	"path/filepath"
	"syscall"
)

// readDirect reads at most limit bytes of name inside d into b (reusing
// its capacity) with open/read/close system calls. handled is false when
// the name is not valid for fs.FS, and the caller then goes through
// d.Open.
func readDirect(d *dirFS, name string, b []byte, limit int64) (data []byte, handled bool, err error) {
	if !fs.ValidPath(name) {
		return nil, false, nil
	}
	p := filepath.Join(d.dir, filepath.FromSlash(name))
	var fd int
	for {
		fd, err = syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, true, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	for int64(len(b)) < limit {
		if len(b) == cap(b) {
			b = growCapped(b, limit)
		}
		room := b[len(b):min(int64(cap(b)), limit)]
		n, rerr := syscall.Read(fd, room)
		if rerr == syscall.EINTR {
			continue
		}
		if rerr != nil {
			return b, true, &fs.PathError{Op: "read", Path: name, Err: rerr}
		}
		if n <= 0 {
			break
		}
		b = b[:len(b)+n]
	}
	return b, true, nil
}

// fileSize returns the size of name inside d, or -1.
func fileSize(d *dirFS, name string) int64 {
	var st syscall.Stat_t
	if err := syscall.Stat(filepath.Join(d.dir, filepath.FromSlash(name)), &st); err != nil {
		return -1
	}
	return st.Size
}
