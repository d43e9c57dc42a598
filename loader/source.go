package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Source is one PATH argument (a folder or a file) to load from.
type Source struct {
	FS   fs.FS  // files are read through it
	Root string // "." for the whole FS, or a file/folder path inside FS
	Name string // how paths are shown: Posting.Path = path.Join(Name, rel-to-Root) ("" for the demo FS)
}

// SourcesFromPaths turns CLI PATH arguments into Sources: a folder becomes
// os.DirFS of the folder with Root "."; a file becomes os.DirFS of its
// parent with Root its base name. (The FS is a thin wrapper around
// os.DirFS that lets the loader read files with fewer system calls.) Name is the argument as given (cleaned,
// slash-separated). No paths means the current folder. A path that does
// not exist gives an error wrapping fs.ErrNotExist whose text names the
// path; other stat errors are wrapped the same way.
func SourcesFromPaths(paths []string) ([]Source, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	out := make([]Source, 0, len(paths))
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, &NotExistError{Path: p}
			}
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		clean := filepath.Clean(p)
		name := filepath.ToSlash(clean)
		if fi.IsDir() {
			out = append(out, Source{FS: newDirFS(clean), Root: ".", Name: name})
			continue
		}
		out = append(out, Source{FS: newDirFS(filepath.Dir(clean)), Root: filepath.Base(clean), Name: name})
	}
	return out, nil
}

// NotExistError is the error of SourcesFromPaths for a PATH that does not
// exist: "PATH: no such file or folder". It wraps fs.ErrNotExist.
type NotExistError struct{ Path string }

func (e *NotExistError) Error() string { return e.Path + ": no such file or folder" }

// Unwrap returns fs.ErrNotExist.
func (e *NotExistError) Unwrap() error { return fs.ErrNotExist }
