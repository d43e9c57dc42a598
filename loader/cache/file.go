package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"

	"github.com/jobdeck/jobdeck/loader"
)

// A cache file holds the entries of one source folder:
//
//	magic       "jobdeck-cache 1\n" (the format's version)
//	stamp       string: loader.CacheStamp of the loads that wrote it
//	root        string: the source folder
//	count       uvarint: number of entries
//	entries     count × (path string, size varint, mtime varint,
//	            ctime varint, dev uvarint, ino uvarint, seen uvarint,
//	            postings string), sorted by path
//	checksum    CRC-32C of all that precedes, 4 bytes little-endian
//
// where a string is a uvarint length and its bytes, and postings is what
// appendPostings writes. The file is read whole and checked before use,
// and replaced whole by rename, so a reader never sees half a file.
const magic = "jobdeck-cache 1\n"

// Ext ends the name of every cache file.
const Ext = ".cache"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// errVersion is the error of a cache file written for other parsing rules
// (another jobdeck version or other parsing options).
var errVersion = errors.New("written by another jobdeck version or with other field settings")

// errOtherRoot is the error of a cache file for another folder (a name
// collision).
var errOtherRoot = errors.New("for another folder")

// entry is one file's cache entry: its key less the root, the day it was
// last seen, and its encoded postings.
type entry struct {
	path               string
	size, mtime, ctime int64
	dev, ino           uint64
	seen               uint32 // days since 1970
	blob               string
}

func (e *entry) matches(k loader.FileKey) bool {
	return e.path == k.Path && e.size == k.Size && e.mtime == k.ModTime && e.ctime == k.ChangeTime &&
		e.dev == k.Dev && e.ino == k.Ino
}

func byPath(a, b entry) int { return strings.Compare(a.path, b.path) }

// fileName is the cache file of the folder root inside dir.
func fileName(dir, root string) string {
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(dir, hex.EncodeToString(sum[:8])+Ext)
}

// header is the start of a cache file.
type header struct {
	stamp, root string
	count       int
}

// readHeader decodes the start of a cache file (no checksum check).
func readHeader(r *reader) (header, error) {
	if len(r.s) < len(magic) || r.s[:len(magic)] != magic {
		return header{}, fmt.Errorf("%w: not a jobdeck cache file of this version", errDamaged)
	}
	r.i = len(magic)
	h := header{stamp: r.string(), root: r.string()}
	if n := r.uvarint(); n <= 1<<40 {
		h.count = int(n)
	} else {
		r.fail()
	}
	return h, r.err
}

// decodeFile checks a cache file's bytes and returns its entries (bad
// bytes are an error, never a panic). The bytes must never be modified
// afterwards: the entries' strings share their memory.
func decodeFile(data []byte, stamp, root string) (_ []entry, err error) {
	defer func() {
		if recover() != nil {
			err = fmt.Errorf("%w: unreadable", errDamaged)
		}
	}()
	if len(data) < len(magic)+4 {
		return nil, fmt.Errorf("%w: truncated", errDamaged)
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(body):]) {
		return nil, fmt.Errorf("%w: checksum mismatch", errDamaged)
	}
	r := &reader{s: stringOf(body)}
	h, err := readHeader(r)
	switch {
	case err != nil:
		return nil, err
	case h.stamp != stamp:
		return nil, errVersion
	case h.root != root:
		return nil, errOtherRoot
	case h.count > (len(r.s)-r.i)/9: // an entry takes at least 9 bytes
		return nil, fmt.Errorf("%w: bad entry count", errDamaged)
	}
	es := make([]entry, h.count)
	for i := range es {
		e := &es[i]
		e.path = r.string()
		e.size, e.mtime, e.ctime = r.varint(), r.varint(), r.varint()
		e.dev, e.ino = r.uvarint(), r.uvarint()
		seen := r.uvarint()
		e.blob = r.string()
		if seen > 1<<32-1 {
			r.fail()
		}
		e.seen = uint32(seen)
	}
	if r.err == nil && r.i != len(r.s) {
		r.fail()
	}
	if r.err != nil {
		return nil, fmt.Errorf("%w: bad entry", errDamaged)
	}
	return es, nil
}

// encodeFile writes the cache file of root: the entries seen on day
// keepFrom or later, which must be sorted by path.
func encodeFile(stamp, root string, es []entry, keepFrom uint32) []byte {
	size := len(magic) + len(stamp) + len(root) + 32
	n := 0
	for i := range es {
		if es[i].seen >= keepFrom {
			size += len(es[i].path) + len(es[i].blob) + 48
			n++
		}
	}
	b := make([]byte, 0, size)
	b = append(b, magic...)
	b = appendString(b, stamp)
	b = appendString(b, root)
	b = binary.AppendUvarint(b, uint64(n))
	for i := range es {
		e := &es[i]
		if e.seen < keepFrom {
			continue
		}
		b = appendString(b, e.path)
		b = binary.AppendVarint(b, e.size)
		b = binary.AppendVarint(b, e.mtime)
		b = binary.AppendVarint(b, e.ctime)
		b = binary.AppendUvarint(b, e.dev)
		b = binary.AppendUvarint(b, e.ino)
		b = binary.AppendUvarint(b, uint64(e.seen))
		b = appendString(b, e.blob)
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// writeAtomic replaces the file name by data: written to a temporary file
// in the same folder (created when missing), flushed to disk, then renamed
// over name, so that name always holds either the old or the new bytes.
func writeAtomic(name string, data []byte) (err error) {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, filepath.Base(name)+tmpInfix+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}

// tmpInfix marks the temporary files of writeAtomic.
const tmpInfix = ".tmp-"
