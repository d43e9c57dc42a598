package model

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// atomicTempPrefix is how temporary files of path are named (hidden, in the same
// folder, so the rename is atomic).
func atomicTempPrefix(path string) string {
	return "." + filepath.Base(path) + ".tmp-"
}

// writeAtomic replaces the file at path with what write produces, so that a
// crash at any moment leaves either the old file or the new one (see
// replaceAtomic). The new file gets mode perm.
func writeAtomic(path string, perm os.FileMode, write func(io.Writer) error) error {
	return replaceAtomic(path, func(tmp *os.File) error {
		if err := write(tmp); err != nil {
			return err
		}
		if err := tmp.Chmod(perm); err != nil && runtime.GOOS != "windows" {
			return err
		}
		return nil
	})
}

// replaceAtomic replaces the file at path with a temporary file in the same
// folder that fill writes (and may chmod or chown): fill it, fsync it,
// rename it over path, fsync the folder. On error the temporary file is
// removed and path is untouched.
func replaceAtomic(path string, fill func(tmp *os.File) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, atomicTempPrefix(path)+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = fill(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncFolder(dir)
}

// syncFolder makes a rename in dir durable. Windows cannot fsync a folder; the
// rename there is as durable as the file system makes it.
func syncFolder(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("syncing folder %s: %w", dir, err)
	}
	return nil
}

// removeStaleTemps deletes temporary files of path left behind by a writer
// that was killed mid-write. Call it only while holding path's lock: every
// live writer holds the lock while its temporary file exists.
func removeStaleTemps(path string) error {
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return err
	}
	prefix := atomicTempPrefix(path)
	var errs []error
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && e.Type().IsRegular() {
			if err := os.Remove(filepath.Join(filepath.Dir(path), e.Name())); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}
