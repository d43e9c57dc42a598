//go:build unix

package loader

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// readDirect reads at most limit bytes of name inside d into b (reusing
// its capacity) with open/fstat/read/close system calls, opening it
// relative to h when it is a file of h's folder; a file that is not a
// regular file gives ErrNotRegular, without blocking. handled is false
// when the name is not valid (see validName), and the caller then goes
// through d.Open. v, when not nil, is set to the version of the file
// opened, where the platform tells (see statVersion).
func readDirect(d *dirFS, h dirHandle, name string, b []byte, limit int64, v *FileVersion) (data []byte, handled bool, err error) {
	if !validName(name) {
		return nil, false, nil
	}
	fd, in, err := h.openFile(name)
	if !in {
		p := filepath.Join(d.dir, filepath.FromSlash(name))
		for {
			// Non-blocking, so that a FIFO does not wait for a writer; it
			// is refused just below.
			fd, err = syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
			if err != syscall.EINTR {
				break
			}
		}
	}
	if err != nil {
		return nil, true, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, true, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, true, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	if v != nil {
		*v = statVersion(&st)
	}
	// A file is read up to the size fstat gave, without the read that
	// would find its end (one system call in five); a file that grew since
	// is read as it was then. A size of 0 says nothing (some file systems
	// give it to files that have content): such a file is read to its end.
	want := limit
	if st.Size > 0 {
		want = min(limit, st.Size)
	}
	for int64(len(b)) < want {
		if len(b) == cap(b) {
			b = growCapped(b, limit)
		}
		room := b[len(b):min(int64(cap(b)), want)]
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

// openDirect opens name inside d non-blocking and keeps it only when it
// is a regular file (else an error wrapping ErrNotRegular). handled is
// false when the name is not valid (see validName).
func openDirect(d *dirFS, name string) (f fs.File, handled bool, err error) {
	if !validName(name) {
		return nil, false, nil
	}
	of, err := os.OpenFile(filepath.Join(d.dir, filepath.FromSlash(name)), os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, true, relErr(err, name)
	}
	fi, err := of.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	if err != nil {
		of.Close()
		return nil, true, relErr(err, name)
	}
	return of, true, nil
}

// fileSize returns the size of name inside d, or -1.
func fileSize(d *dirFS, name string) int64 {
	var st syscall.Stat_t
	if err := syscall.Stat(filepath.Join(d.dir, filepath.FromSlash(name)), &st); err != nil {
		return -1
	}
	return st.Size
}
