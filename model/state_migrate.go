package model

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// v1BackupSuffix names the copy of a version 1 state file kept beside it
// when jobdeck first rewrites it as version 2.
const v1BackupSuffix = ".v1-backup"

// V1BackupPath returns where the copy of the version 1 state file at path
// is kept: "<path>.v1-backup".
func V1BackupPath(path string) string { return path + v1BackupSuffix }

// keepV1Backup writes data, the content of the state file at path as read
// under its lock, to V1BackupPath(path) when the file is version 1 and no
// backup exists yet. An existing backup is never replaced. The copy is
// complete or absent: it is written to a temporary file, synced, and only
// then linked to its name (which fails, harmlessly, if the name exists).
func keepV1Backup(path string, data []byte, version int) error {
	if version != 1 {
		return nil
	}
	backup := V1BackupPath(path)
	if _, err := os.Lstat(backup); err == nil {
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), atomicTempPrefix(backup)+"*")
	if err != nil {
		return fmt.Errorf("keeping a copy of the version 1 file: %w", err)
	}
	defer os.Remove(tmp.Name())
	err = writeAllSync(tmp, data)
	if err == nil {
		err = os.Link(tmp.Name(), backup)
		if errors.Is(err, fs.ErrExist) {
			err = nil
		}
	}
	if err == nil {
		err = syncFolder(filepath.Dir(path))
	}
	if err != nil {
		return fmt.Errorf("keeping a copy of the version 1 file as %s: %w", backup, err)
	}
	return nil
}

// keepKnownV1Backup is keepV1Backup for the file at path while it is the
// version the store knows (see Store.inSync): its content is read only
// when that is version 1. Call it holding the file's lock.
func (s *Store) keepKnownV1Backup(path string) error {
	s.mu.RLock()
	version := s.version
	s.mu.RUnlock()
	if version != 1 {
		return nil
	}
	data, _, err := readStateFile(path)
	if err != nil {
		return fmt.Errorf("keeping a copy of the version 1 file: %w", err)
	}
	return keepV1Backup(path, data, version)
}

// writeAllSync writes data to f with mode 0600, syncs and closes it.
func writeAllSync(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Chmod(0o600)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
