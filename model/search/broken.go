package search

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// checkFile looks at the header of the index file without opening it as a
// database: a file that does not start like an SQLite database, or that is
// shorter than its header says, cannot be used. A missing or empty file is
// fine (a new index).
func checkFile(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	var h [100]byte
	n, err := io.ReadFull(f, h[:])
	if n == 0 {
		return ""
	}
	if err != nil || string(h[:16]) != sqliteMagic {
		return "is not an SQLite database"
	}
	fi, err := f.Stat()
	if err != nil {
		return ""
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	// The page count is valid when "version-valid-for" equals the change counter.
	if string(h[92:96]) == string(h[24:28]) && fi.Size() < pages*pageSize {
		return fmt.Sprintf("is truncated (%d of %d bytes)", fi.Size(), pages*pageSize)
	}
	return ""
}

// sqliteCode returns the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// isDamage reports whether err shows the file itself is unusable (as
// opposed to a cancelled context, a full disk or a folder without write
// permission, where a new file would fare no better).
func isDamage(err error) bool {
	var d *damage
	if errors.As(err, &d) {
		return true
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED,
		sqlite3.SQLITE_SCHEMA, sqlite3.SQLITE_MISMATCH, sqlite3.SQLITE_ERROR, sqlite3.SQLITE_FORMAT:
		return true
	}
	return false
}

// describe says, after "search index FILE ", why err makes the file
// unusable.
func describe(err error) string {
	var d *damage
	if errors.As(err, &d) {
		return "is damaged (" + d.msg + ")"
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_NOTADB:
		return "is not an SQLite database"
	case sqlite3.SQLITE_CORRUPT:
		return "is damaged (" + err.Error() + ")"
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return "stays locked by another process"
	}
	return "cannot be read as an index (" + err.Error() + ")"
}

// classify turns an error of opening or checking the file into a reason
// to set it aside, or returns it as is when a new file would not help.
func classify(ctx context.Context, err error) (string, error) {
	if errors.Is(err, errForeign) {
		return err.Error(), nil
	}
	if ctx.Err() != nil || !isDamage(err) {
		return "", fmt.Errorf("search: %w", err)
	}
	return describe(err), nil
}

// markBroken records that err showed the file damaged, and returns err
// wrapped in [ErrBroken]; other errors are returned as they are.
func (ix *shard) markBroken(ctx context.Context, err error) error {
	if err == nil || ctx.Err() != nil || !isDamage(err) || sqliteCode(err) == sqlite3.SQLITE_ERROR {
		return err
	}
	ix.bmu.Lock()
	if ix.broken == nil {
		ix.broken = err
	}
	ix.bmu.Unlock()
	return fmt.Errorf("%w: %w", ErrBroken, err)
}

// rebuild replaces a file found damaged by a new, empty index, and
// reopens the index when another process has replaced the file; it
// reports whether it did either.
func (ix *shard) rebuild(ctx context.Context) (bool, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.bmu.Lock()
	broken := ix.broken
	ix.broken = nil
	ix.bmu.Unlock()
	if broken == nil {
		if cur, err := os.Stat(ix.path()); err == nil && ix.seen != nil && os.SameFile(cur, ix.seen) {
			return false, nil
		}
		ix.closeDB()
		return true, ix.open(ctx)
	}
	ix.closeDB()
	if err := ix.setAside(describe(broken), ix.seen); err != nil {
		return true, err
	}
	return true, ix.open(ctx)
}

// setAside renames the index file (and its write-ahead log) to
// "index.db.broken-TIME" beside it, removes its shared-memory file, and
// adds a note — unless the file is no longer seen, the one that was
// checked: another process has replaced it already.
func (ix *shard) setAside(reason string, seen os.FileInfo) error {
	p := ix.path()
	cur, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) || err == nil && seen != nil && !os.SameFile(cur, seen) {
		return nil
	}
	dst := p + ".broken-" + ix.opts.Now().UTC().Format("20060102T150405")
	for i := 2; ; i++ {
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dst = fmt.Sprintf("%s.broken-%s-%d", p, ix.opts.Now().UTC().Format("20060102T150405"), i)
	}
	if err := os.Rename(p, dst); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // another process set it aside first
		}
		return fmt.Errorf("search: set aside %s: %w", p, err)
	}
	if err := os.Rename(p+"-wal", dst+"-wal"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("search: set aside %s-wal: %w", p, err)
	}
	if err := os.Remove(p + "-shm"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("search: %w", err)
	}
	if err := removeClean(p); err != nil {
		return err
	}
	ix.bmu.Lock()
	ix.notes = append(ix.notes, fmt.Sprintf("search index %s %s; set aside as %s and rebuilt",
		p, reason, filepath.Base(dst)))
	ix.bmu.Unlock()
	return nil
}
