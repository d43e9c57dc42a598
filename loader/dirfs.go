package loader

import (
	"io/fs"
	"os"
)

// dirFS is the fs.FS SourcesFromPaths gives: os.DirFS of a folder, plus
// the folder's name so that the loader can read files with plain system
// calls (see read_unix.go), skipping os.File's bookkeeping, which is a
// good share of the cost of loading many small files.
type dirFS struct {
	base fs.FS // os.DirFS(dir)
	dir  string
}

func newDirFS(dir string) *dirFS { return &dirFS{base: os.DirFS(dir), dir: dir} }

// Open opens name as os.DirFS does.
func (d *dirFS) Open(name string) (fs.File, error) { return d.base.Open(name) }

// ReadDir reads the folder name as os.DirFS does (sorted by name).
func (d *dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.base, name) }

// Stat returns the FileInfo of name, following symlinks, as os.DirFS does.
func (d *dirFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.base, name) }

// ReadFile reads name as os.DirFS does.
func (d *dirFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(d.base, name) }

// String names the folder.
func (d *dirFS) String() string { return d.dir }
