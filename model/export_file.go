package model

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// maxExportNames bounds the -2, -3… search of CreateExportFile.
const maxExportNames = 1000

// exportName is the file name of the n-th (1-based) candidate export file:
// jobdeck-shortlist-YYYY-MM-DD.EXT, then jobdeck-shortlist-YYYY-MM-DD-2.EXT…
func exportName(now time.Time, f Format, n int) string {
	name := "jobdeck-shortlist-" + now.Format("2006-01-02")
	if n > 1 {
		name += "-" + strconv.Itoa(n)
	}
	return name + "." + f.Ext()
}

// ExportFileName returns the path in dir the browser's export would use
// now: jobdeck-shortlist-YYYY-MM-DD.EXT, or with -2, -3… appended before
// the extension, the first that does not exist yet. Only a hint (another
// process may take the name next): CreateExportFile is the race-free way.
func ExportFileName(dir string, now time.Time, f Format) string {
	for n := 1; n < maxExportNames; n++ {
		p := filepath.Join(dir, exportName(now, f, n))
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
	}
	return filepath.Join(dir, exportName(now, f, maxExportNames))
}

// CreateExportFile creates the first free export file name in dir (see
// ExportFileName) with O_EXCL, so it never overwrites or shares a file even
// when another process exports at the same moment. The caller writes and
// closes the file; its path is f.Name().
func CreateExportFile(dir string, now time.Time, f Format) (*os.File, error) {
	for n := 1; n <= maxExportNames; n++ {
		p := filepath.Join(dir, exportName(now, f, n))
		file, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			return file, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("creating export file: %w", err)
		}
	}
	return nil, fmt.Errorf("creating export file in %s: %d names taken: %w", dir, maxExportNames, fs.ErrExist)
}

// ExportToDir writes items with x into a new file in dir named as
// CreateExportFile does (x.Now dates the name) and returns its path. A
// failed export removes the partly written file.
func ExportToDir(dir string, x Exporter, items []ExportItem) (string, error) {
	f, err := CreateExportFile(dir, x.Now, x.Format)
	if err != nil {
		return "", err
	}
	return f.Name(), finishExport(f, x, items)
}

// ExportToFile writes items with x to the file at path: `--output FILE`.
// Without force it never overwrites: an existing path gives an error
// wrapping fs.ErrExist that suggests --force. With force an existing file
// is replaced atomically (never left half-written). A failed export removes
// the file it created.
func ExportToFile(path string, force bool, x Exporter, items []ExportItem) error {
	if force {
		return exportReplacing(path, x, items)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; choose another file or use --force to overwrite it: %w", path, err)
	}
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	return finishExport(f, x, items)
}

// exportReplacing is the --force case of ExportToFile. A regular file (or
// a symlink to one) is replaced atomically, keeping its mode; anything else
// that exists (a device such as /dev/stdout, a pipe) is opened and written
// in place, never renamed over.
func exportReplacing(path string, x Exporter, items []ExportItem) error {
	mode := os.FileMode(0o644)
	target := path
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
			if err != nil {
				return fmt.Errorf("opening %s: %w", path, err)
			}
			err = x.Write(f, items)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("writing %s: %w", path, err)
			}
			return nil
		}
		mode = fi.Mode().Perm()
		if resolved, err := filepath.EvalSymlinks(path); err == nil {
			target = resolved
		}
	}
	err := writeAtomic(target, mode, func(w io.Writer) error { return x.Write(w, items) })
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// finishExport writes items into the freshly created f, syncs and closes
// it, and removes it on failure.
func finishExport(f *os.File, x Exporter, items []ExportItem) error {
	err := x.Write(f, items)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("writing %s: %w", f.Name(), err)
	}
	return nil
}
