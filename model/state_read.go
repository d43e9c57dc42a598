package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// maxStateSize caps how much of a state file is read. A real one holds a
// few hundred bytes per posting the user touched; anything larger than this
// is not a jobdeck state file (a wrong --state path, say).
const maxStateSize = 64 << 20

// ErrNotRegular means the state file's path names something other than a
// regular file (a named pipe, a device, a folder): jobdeck neither reads it,
// which could block forever, nor replaces it. The store then runs read-only.
var ErrNotRegular = errors.New("not a regular file")

// readStateFile reads the state file at path (through symlinks), at most
// maxStateSize bytes, and returns what it read with the file's FileInfo. A
// larger file gives an error wrapping ErrCorrupt; anything but a regular
// file gives one wrapping ErrNotRegular, without waiting: it is checked
// before the open, and opened non-blocking, and checked again once open.
func readStateFile(path string) ([]byte, fs.FileInfo, error) {
	if fi, err := os.Stat(path); err != nil {
		return nil, nil, err
	} else if err := checkRegular(path, fi); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if err := checkRegular(path, fi); err != nil {
		return nil, nil, err
	}
	if fi.Size() > maxStateSize {
		return nil, nil, errTooLarge()
	}
	// Sized to the file, so the large file a store keeps (see stateLayout)
	// holds no spare capacity; bytes.MinRead spare avoids a regrowth.
	buf := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead+1))
	if _, err := buf.ReadFrom(io.LimitReader(f, maxStateSize+1)); err != nil {
		return nil, nil, err
	}
	data := buf.Bytes()
	if len(data) > maxStateSize {
		return nil, nil, errTooLarge()
	}
	return data, fi, nil
}

func errTooLarge() error {
	return fmt.Errorf("%w: larger than %d MiB, so not a jobdeck state file", ErrCorrupt, maxStateSize>>20)
}

// checkRegular returns an error wrapping ErrNotRegular unless fi is a
// regular file, naming what it is.
func checkRegular(path string, fi fs.FileInfo) error {
	m := fi.Mode()
	if m.IsRegular() {
		return nil
	}
	kind := "not a regular file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeCharDevice != 0:
		kind = "a character device"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	case m.IsDir():
		kind = "a folder"
	}
	return fmt.Errorf("%s is %s: %w; jobdeck neither reads nor replaces it", path, kind, ErrNotRegular)
}
