package loader

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// dirFS is the fs.FS SourcesFromPaths gives: the files below a folder, as
// os.DirFS gives them, with two differences. Names need not be valid
// UTF-8 (a file system may hold any bytes but '/' and NUL; os.DirFS
// refuses such names, so postings named so would be unreadable), though
// "", ".", ".." and NUL are still refused, so nothing outside the folder
// is reached. And it keeps the folder's name, so that the loader can read
// files with plain system calls (see read_unix.go), skipping os.File's
// bookkeeping, which is a good share of the cost of loading many small
// files.
type dirFS struct{ dir string }

func newDirFS(dir string) *dirFS { return &dirFS{dir: dir} }

// validName reports whether name is a path inside the folder: what
// fs.ValidPath accepts, whatever its encoding, and without NUL. On
// systems other than Unix it is fs.ValidPath and os.DirFS's checks.
func validName(name string) bool {
	if runtime.GOOS == "windows" || strings.IndexByte(name, 0) >= 0 {
		return fs.ValidPath(name) && !strings.ContainsAny(name, `\:`+"\x00")
	}
	if name == "." {
		return true
	}
	if name == "" {
		return false
	}
	for name != "" {
		elem, rest, more := strings.Cut(name, "/")
		if elem == "" || elem == "." || elem == ".." || (more && rest == "") {
			return false
		}
		name = rest
	}
	return true
}

// osPath is the system path of name, or a *fs.PathError for op when name
// is not valid.
func (d *dirFS) osPath(op, name string) (string, error) {
	if !validName(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(d.dir, filepath.FromSlash(name)), nil
}

// relErr makes the path of a *fs.PathError name again, as os.DirFS does.
func relErr(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return err
}

// Open opens name.
func (d *dirFS) Open(name string) (fs.File, error) {
	p, err := d.osPath("open", name)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, relErr(err, name)
	}
	return f, nil
}

// ReadDir reads the folder name, sorted by name.
func (d *dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	p, err := d.osPath("readdir", name)
	if err != nil {
		return nil, err
	}
	es, err := os.ReadDir(p)
	return es, relErr(err, name)
}

// Stat returns the FileInfo of name, following symlinks.
func (d *dirFS) Stat(name string) (fs.FileInfo, error) {
	p, err := d.osPath("stat", name)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(p)
	return fi, relErr(err, name)
}

// Lstat returns the FileInfo of name, not following a symlink.
func (d *dirFS) Lstat(name string) (fs.FileInfo, error) {
	p, err := d.osPath("lstat", name)
	if err != nil {
		return nil, err
	}
	fi, err := os.Lstat(p)
	return fi, relErr(err, name)
}

// ReadLink returns the target of the symlink name.
func (d *dirFS) ReadLink(name string) (string, error) {
	p, err := d.osPath("readlink", name)
	if err != nil {
		return "", err
	}
	t, err := os.Readlink(p)
	return t, relErr(err, name)
}

// ReadFile reads name.
func (d *dirFS) ReadFile(name string) ([]byte, error) {
	p, err := d.osPath("readfile", name)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(p)
	return b, relErr(err, name)
}

// realPath is the absolute path of name with every symlink resolved.
func (d *dirFS) realPath(name string) (string, error) {
	p, err := d.osPath("realpath", name)
	if err != nil {
		return "", err
	}
	if p, err = filepath.EvalSymlinks(p); err != nil {
		return "", relErr(err, name)
	}
	return filepath.Abs(p)
}

// String names the folder.
func (d *dirFS) String() string { return d.dir }
