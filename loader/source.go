package loader

import (
	"errors"
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
// an FS of the folder with Root "."; a file becomes an FS of its parent
// with Root its base name. (The FS is os.DirFS's, except that it reads
// names that are not UTF-8 and reads files with fewer system calls.) Name
// is the argument as given (cleaned, slash-separated). No paths means the
// current folder. A path that does not exist gives a *NotExistError
// (wrapping fs.ErrNotExist) whose text names the path; other stat errors
// are wrapped. Error texts escape the path (see SafePath).
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
			return nil, &escapedError{err}
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
// exist: "PATH: no such file or folder", PATH escaped (see SafePath). It
// wraps fs.ErrNotExist.
type NotExistError struct{ Path string }

func (e *NotExistError) Error() string { return SafePath(e.Path) + ": no such file or folder" }

// Unwrap returns fs.ErrNotExist.
func (e *NotExistError) Unwrap() error { return fs.ErrNotExist }

// escapedError is err with its text made safe to print (see SafePath), as
// it may name a path. It unwraps to err.
type escapedError struct{ err error }

func (e *escapedError) Error() string { return SafePath(e.err.Error()) }

func (e *escapedError) Unwrap() error { return e.err }
