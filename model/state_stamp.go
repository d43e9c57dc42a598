package model

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"maps"
	"slices"
)

// fileStamp identifies one version of the state file. Every jobdeck
// replaces the file by rename, which gives it a new inode; an edit in place
// changes its size or modification time. The zero stamp means unknown.
type fileStamp struct {
	dev, ino uint64
	size     int64
	mtime    int64 // ns
}

// stampOf returns the stamp of the file fi describes (zero for nil).
func stampOf(fi fs.FileInfo) fileStamp {
	if fi == nil {
		return fileStamp{}
	}
	dev, ino := inodeOf(fi)
	return fileStamp{dev: dev, ino: ino, size: fi.Size(), mtime: fi.ModTime().UnixNano()}
}

func (f fileStamp) known() bool { return f != fileStamp{} }

// sameEntry reports whether a and b hold the same values, unknown fields
// included.
func sameEntry(a, b Entry) bool {
	return a.Shortlisted == b.Shortlisted && a.Note == b.Note && slices.Equal(a.Tags, b.Tags) &&
		a.Updated.Equal(b.Updated) && a.Title == b.Title && a.Company == b.Company && a.URL == b.URL &&
		maps.EqualFunc(a.extra, b.extra, func(x, y json.RawMessage) bool { return bytes.Equal(x, y) })
}
