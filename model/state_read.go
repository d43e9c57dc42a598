package model

import (
	"fmt"
	"io"
	"os"
)

// maxStateSize caps how much of a state file is read. A real one holds a
// few hundred bytes per posting the user touched; anything larger than this
// is not a jobdeck state file (a wrong --state path, say).
const maxStateSize = 64 << 20

// readStateFile reads the state file at path, at most maxStateSize bytes.
// A larger file gives an error wrapping ErrCorrupt.
func readStateFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxStateSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxStateSize {
		return nil, fmt.Errorf("%w: larger than %d MiB, so not a jobdeck state file", ErrCorrupt, maxStateSize>>20)
	}
	return data, nil
}
