package loader

import (
	"encoding/binary"
	"io/fs"
	"slices"
	"unsafe"

	"golang.org/x/sys/unix"
)

// direntBufBytes is the size of the buffer getdents fills: a folder of a
// thousand files is read in one call, where os.ReadDir's 8 KB takes five.
const direntBufBytes = 64 << 10

// Offsets in a linux_dirent64 record, which getdents64 writes.
const (
	direntIno    = int(unsafe.Offsetof(unix.Dirent{}.Ino))
	direntReclen = int(unsafe.Offsetof(unix.Dirent{}.Reclen))
	direntType   = int(unsafe.Offsetof(unix.Dirent{}.Type))
	direntName   = int(unsafe.Offsetof(unix.Dirent{}.Name))
)

// readDirents reads the folder name with getdents64 into buf and returns
// its entries sorted by name, without "." and "..", as os.ReadDir does but
// without an allocation per entry: the names share blocks of memory. An
// entry whose type the file system does not say is statted (not
// following a symlink); one that vanished meanwhile is left out.
func (d *dirFS) readDirents(name string, buf *[]byte) ([]dirent, error) {
	p, err := d.osPath("readdir", name)
	if err != nil {
		return nil, err
	}
	fd, err := openDir(p)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	if len(*buf) < direntBufBytes {
		*buf = make([]byte, direntBufBytes)
	}
	var out []dirent
	var names stringSlab
	for {
		n, err := getdents(fd, *buf)
		if err != nil {
			slices.SortFunc(out, compareDirents)
			return out, &fs.PathError{Op: "readdirent", Path: name, Err: err}
		}
		if n <= 0 {
			break
		}
		if out, err = appendDirents(out, fd, (*buf)[:n], &names); err != nil {
			slices.SortFunc(out, compareDirents)
			return out, &fs.PathError{Op: "readdirent", Path: name, Err: err}
		}
	}
	slices.SortFunc(out, compareDirents)
	return out, nil
}

// appendDirents appends the entries of the getdents64 records in b, of
// the folder fd, to out.
func appendDirents(out []dirent, fd int, b []byte, names *stringSlab) ([]dirent, error) {
	for len(b) > 0 {
		if len(b) < direntName {
			return out, unix.EIO
		}
		reclen := int(binary.NativeEndian.Uint16(b[direntReclen:]))
		if reclen < direntName || reclen > len(b) {
			return out, unix.EIO
		}
		rec := b[:reclen]
		b = b[reclen:]
		ino := binary.NativeEndian.Uint64(rec[direntIno:])
		raw := rec[direntName:]
		if i := slices.Index(raw, 0); i >= 0 {
			raw = raw[:i]
		}
		if ino == 0 || len(raw) == 0 || string(raw) == "." || string(raw) == ".." {
			continue
		}
		typ, ok := direntTypeOf(fd, rec[direntType], raw)
		if !ok {
			continue
		}
		out = append(out, dirent{name: names.copyOf(raw), typ: typ})
	}
	return out, nil
}

// direntTypeOf returns the type bits of the entry name of the folder fd
// from its getdents type, statting it when the type is unknown; ok is
// false when it vanished.
func direntTypeOf(fd int, t byte, name []byte) (fs.FileMode, bool) {
	switch t {
	case unix.DT_REG:
		return 0, true
	case unix.DT_DIR:
		return fs.ModeDir, true
	case unix.DT_LNK:
		return fs.ModeSymlink, true
	case unix.DT_FIFO:
		return fs.ModeNamedPipe, true
	case unix.DT_SOCK:
		return fs.ModeSocket, true
	case unix.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice, true
	case unix.DT_BLK:
		return fs.ModeDevice, true
	}
	var st unix.Stat_t
	for {
		err := unix.Fstatat(fd, string(name), &st, unix.AT_SYMLINK_NOFOLLOW)
		switch err {
		case nil:
			return modeType(st.Mode), true
		case unix.EINTR:
			continue
		case unix.ENOENT:
			return 0, false
		}
		return fs.ModeIrregular, true
	}
}

// modeType is the fs.FileMode type bits of a stat's mode.
func modeType(m uint32) fs.FileMode {
	switch m & unix.S_IFMT {
	case unix.S_IFREG:
		return 0
	case unix.S_IFDIR:
		return fs.ModeDir
	case unix.S_IFLNK:
		return fs.ModeSymlink
	case unix.S_IFIFO:
		return fs.ModeNamedPipe
	case unix.S_IFSOCK:
		return fs.ModeSocket
	case unix.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case unix.S_IFBLK:
		return fs.ModeDevice
	}
	return fs.ModeIrregular
}

// openDir opens the folder p for reading its entries.
func openDir(p string) (int, error) {
	for {
		fd, err := unix.Open(p, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

func getdents(fd int, buf []byte) (int, error) {
	for {
		n, err := unix.Getdents(fd, buf)
		if err != unix.EINTR {
			return n, err
		}
	}
}
