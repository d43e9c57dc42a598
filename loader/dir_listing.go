package loader

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"slices"
	"unsafe"
)

// The parse cache also keeps each folder's entries, so that a launch on an
// unchanged folder does not read them again. They are stored under the
// key of the folder itself: its path with a "/" at the end (which no
// file's path has), and the size, times, device and inode its stat gave
// before it was read. Adding, removing or renaming an entry changes a
// folder's modification and change times, so a key that still matches
// names the same entries; the cache does not store a key whose times are
// too recent to tell a later change in the same tick of the file system's
// clock (see [Cache]). Only folders of the file systems known to keep
// those times on every change are cached (see keepsFolderTimes): a
// network or FUSE file system may show a folder's times from before its
// last change. A change to a file's content is not a change of its
// folder: it is seen by the stat of every file, as before.

// listingPath is the cache key's Path of the entries of the folder dir.
func listingPath(dir string) string { return dir + "/" }

// listing returns the entries of the folder dir of src, sorted by name,
// when the cache holds them for info, the folder's stat taken before this
// walk reads it; ok is false otherwise (no cache, a changed folder, an
// entry that does not decode). The entries are appended to buf[:0], and
// their names are the cache's memory: call release once nothing uses
// them (nor keeps them).
func (h *cacheHook) listing(src *Source, dir string, info fs.FileInfo, buf []dirent) (es []dirent, release func(), ok bool) {
	k, ok := h.folderKey(src, dir, info)
	if !ok {
		return nil, nil, false
	}
	e, ok := h.c.Lookup(k)
	if !ok {
		return nil, nil, false
	}
	if e.Len() == 0 {
		if es, ok := decodeListing(e.Aux(), buf); ok {
			return es, e.Release, true
		}
	}
	e.Release()
	return nil, nil, false
}

// listed offers the cache es, the entries of the folder dir of src read
// after info, the folder's stat.
func (h *cacheHook) listed(src *Source, dir string, info fs.FileInfo, es []dirent) {
	if k, ok := h.folderKey(src, dir, info); ok {
		h.c.Store(k, nil, appendListing(nil, es))
	}
}

// folderKey is the cache key of the entries of the folder dir of src;
// ok is false when the cache does not keep them (no cache, a source it
// does not key, no stat with times and an inode).
func (h *cacheHook) folderKey(src *Source, dir string, info fs.FileInfo) (FileKey, bool) {
	if h == nil || info == nil {
		return FileKey{}, false
	}
	dev, ok := h.lists[src]
	if !ok {
		return FileKey{}, false
	}
	k, ok := folderStamp(info)
	k.Root, k.Path = h.roots[src], listingPath(dir)
	return k, ok && k.Dev == dev // a file system mounted inside may not keep its folders' times
}

// listingTypes are the entry types a listing holds, by their code there.
var listingTypes = [...]fs.FileMode{0, fs.ModeDir, fs.ModeSymlink, fs.ModeNamedPipe, fs.ModeSocket,
	fs.ModeDevice | fs.ModeCharDevice, fs.ModeDevice, fs.ModeIrregular}

// appendListing appends the encoding of es to b: for each entry, its
// type's code in listingTypes (a byte), its name's length (a uvarint) and
// its name.
func appendListing(b []byte, es []dirent) []byte {
	for _, e := range es {
		code := len(listingTypes) - 1 // irregular, unless it is one of the others
		for i, t := range listingTypes {
			if e.typ == t {
				code = i
				break
			}
		}
		b = append(b, byte(code))
		b = binary.AppendUvarint(b, uint64(len(e.name)))
		b = append(b, e.name...)
	}
	return b
}

// decodeListing returns the entries appendListing encoded in b, appended
// to buf[:0]; ok is false unless b holds only entries whose names are
// valid, distinct and sorted, as a read of a folder returns them. The
// names are b's own bytes, not copies: b must not change while they are
// used.
func decodeListing(b []byte, buf []dirent) ([]dirent, bool) {
	out := slices.Grow(buf[:0], listingLen(b))
	prev := ""
	for len(b) > 0 {
		code := int(b[0])
		n, w := binary.Uvarint(b[1:])
		if code >= len(listingTypes) || w <= 0 || n == 0 || n > uint64(len(b)-1-w) {
			return nil, false
		}
		raw := b[1+w : 1+w+int(n)]
		b = b[1+w+int(n):]
		if !validEntryName(raw) || (len(out) > 0 && string(raw) <= prev) {
			return nil, false
		}
		name := unsafe.String(&raw[0], len(raw))
		out = append(out, dirent{name: name, typ: listingTypes[code]})
		prev = name
	}
	return out, true
}

// listingLen returns how many entries the listing b holds, as far as it
// decodes: the room decodeListing needs.
func listingLen(b []byte) int {
	count := 0
	for len(b) > 1 {
		n, w := binary.Uvarint(b[1:])
		if w <= 0 || n > uint64(len(b)-1-w) {
			break
		}
		b = b[1+w+int(n):]
		count++
	}
	return count
}

// validEntryName reports whether name can be an entry of a folder: not
// empty, ".", or "..", and without a slash or a NUL.
func validEntryName(name []byte) bool {
	switch string(name) { // compared without a copy
	case "", ".", "..":
		return false
	}
	return bytes.IndexByte(name, '/') < 0 && bytes.IndexByte(name, 0) < 0
}

// FoldersCached reports whether a load of the folder dir keeps the entries
// of its folders in the [Cache] (as entries without postings whose Path
// ends with "/"): where its file system keeps folders' times as a cache of
// them needs.
func FoldersCached(dir string) bool {
	_, ok := keepsFolderTimes(dir)
	return ok
}
