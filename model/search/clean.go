package search

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"
)

// cleanSuffix names the file beside the index that [Index.Close] writes
// when it leaves the index closed cleanly: "index.db.clean".
const cleanSuffix = ".clean"

// checkEvery is how old the last full check of a cleanly closed index may
// be before a Sync runs it again anyway.
const checkEvery = 7 * 24 * time.Hour

// cleanStamp is what the ".clean" file holds: the index file's size and
// modification time when it was closed cleanly, and when its last full
// check (or the build of the file from nothing) was.
type cleanStamp struct {
	size, mtime int64
	checked     time.Time
}

// String returns the stamp as the file holds it: "size mtime checked".
func (c cleanStamp) String() string {
	return fmt.Sprintf("%d %d %d\n", c.size, c.mtime, c.checked.UnixNano())
}

// parseClean parses a cleanStamp, reporting whether s is one.
func parseClean(s string) (cleanStamp, bool) {
	f := strings.Fields(s)
	if len(f) != 3 {
		return cleanStamp{}, false
	}
	var n [3]int64
	for i, x := range f {
		v, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			return cleanStamp{}, false
		}
		n[i] = v
	}
	return cleanStamp{size: n[0], mtime: n[1], checked: time.Unix(0, n[2])}, true
}

// fileState returns the size and modification time of the index file,
// and whether its write-ahead log is empty or absent (no write is
// pending): only then can the file be compared with a stamp.
func fileState(path string) (size, mtime int64, settled bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, 0, false
	}
	wal, err := os.Stat(path + "-wal")
	settled = errors.Is(err, fs.ErrNotExist) || err == nil && wal.Size() == 0
	return fi.Size(), fi.ModTime().UnixNano(), settled
}

// readClean returns when the index file at path was last checked in full,
// if a clean close left it as it is now: same size and time, nothing in
// its log. ok is false when the file must be checked again.
func readClean(path string) (checked time.Time, ok bool) {
	b, err := os.ReadFile(path + cleanSuffix)
	if err != nil {
		return time.Time{}, false
	}
	c, ok := parseClean(string(b))
	size, mtime, settled := fileState(path)
	if !ok || !settled || c.size != size || c.mtime != mtime {
		return time.Time{}, false
	}
	return c.checked, true
}

// writeClean records that the index file at path is closed cleanly and
// was checked in full at checked — unless its log still holds writes
// (another process has it open), when any stamp is removed instead.
func writeClean(path string, checked time.Time) error {
	size, mtime, settled := fileState(path)
	if !settled {
		return removeClean(path)
	}
	tmp := path + cleanSuffix + ".tmp"
	if err := os.WriteFile(tmp, []byte(cleanStamp{size, mtime, checked}.String()), 0o600); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if err := os.Rename(tmp, path+cleanSuffix); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	return nil
}

// removeClean removes the stamp of the index file at path, if any.
func removeClean(path string) error {
	if err := os.Remove(path + cleanSuffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("search: %w", err)
	}
	return nil
}
