package search

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// olderFormat is the error of a file that an older jobdeck made, in the
// index format it holds: nothing in it is worth keeping, since this
// jobdeck rebuilds it from the postings.
type olderFormat int64

func (f olderFormat) Error() string {
	return fmt.Sprintf("made by an older jobdeck (index format %d, now %d)", int64(f), schemaVersion)
}

// discard removes a file of an older format (with its write-ahead log,
// shared memory and clean stamp) so that a new one is built in its place,
// and adds a note. Unlike a damaged file, it is not set aside: a copy
// of a large index nobody will read again would only take disk space.
func (ix *shard) discard(why olderFormat) error {
	p := ix.path()
	cur, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) || err == nil && ix.seen != nil && !os.SameFile(cur, ix.seen) {
		return nil // another process replaced it already
	}
	for _, f := range []string{p, p + "-wal", p + "-shm"} {
		if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("search: %w", err)
		}
	}
	if err := removeClean(p); err != nil {
		return err
	}
	ix.bmu.Lock()
	ix.notes = append(ix.notes, fmt.Sprintf("%v; rebuilt", why))
	ix.bmu.Unlock()
	return nil
}
