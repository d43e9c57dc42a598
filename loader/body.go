package loader

import (
	"errors"
	"fmt"
	"strings"
	"unsafe"

	"github.com/jobdeck/jobdeck/model"
)

// ErrNoSource is returned by Body for a posting without a kept body and
// without a Source to read it from.
var ErrNoSource = errors.New("posting has no source to read its body from")

// Body returns p.Body when it was kept; else it re-reads p.SourcePath from
// p.Source and parses it again with the same repair and the same cap
// (maxBody, 0 meaning DefaultMaxBody). A posting whose body is really
// empty and that has no Source gives "" and no error only when it has no
// SourcePath either; otherwise errors are wrapped (errors.Is works with
// fs.ErrNotExist, ErrNotRegular and ErrNoSource) and their text escapes
// the path (see SafePath). A file that is no longer a regular file (a FIFO
// put in its place) is not opened.
func Body(p *model.Posting, maxBody int64) (string, error) {
	b, err := BorrowBody(p, maxBody)
	body := b.Body
	if b.buf != nil && inBytes(body, *b.buf) {
		body = strings.Clone(body)
	}
	b.Release()
	return body, err
}

// Borrowed is a body read by BorrowBody.
type Borrowed struct {
	// Body may share the memory of the buffer its file was read into.
	Body string
	// File is the version of the file read; it is not Known where no file
	// was read (a kept body, a record of a JSON or CSV file) or the
	// system does not tell.
	File FileVersion
	buf  *[]byte
}

// Release gives the read buffer back for the next read: b.Body must not
// be used after it.
func (b Borrowed) Release() {
	if b.buf != nil {
		putBuf(b.buf)
	}
}

// BorrowBody is Body for a caller that is done with the body soon, which
// it may then read from the buffer its file was read into (see Borrowed):
// it spares the copy of each body that Body makes, most of what a build of
// the full-text index allocated.
func BorrowBody(p *model.Posting, maxBody int64) (Borrowed, error) {
	if p == nil {
		return Borrowed{}, fmt.Errorf("loader: body of nil posting: %w", ErrNoSource)
	}
	if p.Body != "" {
		return Borrowed{Body: p.Body}, nil
	}
	if p.Source == nil {
		if p.SourcePath == "" {
			return Borrowed{}, nil
		}
		return Borrowed{}, &escapedError{fmt.Errorf("loader: body of %s: %w", p.SourcePath, ErrNoSource)}
	}
	if maxBody <= 0 {
		maxBody = DefaultMaxBody
	}
	if r, ok := p.Source.(*recordFile); ok {
		b, err := r.body(maxBody)
		if err != nil {
			return Borrowed{}, &escapedError{fmt.Errorf("loader: read body of %s: %w", p.SourcePath, err)}
		}
		return Borrowed{Body: b}, nil
	}
	var out Borrowed
	buf, data, _, err := readCapped(p.Source, p.SourcePath, readLimit(p.SourcePath, maxBody), &out.File)
	if err != nil {
		return Borrowed{}, &escapedError{fmt.Errorf("loader: read body of %s: %w", p.SourcePath, err)}
	}
	out.Body, out.buf = sharedBodyOf(p.SourcePath, data, maxBody), buf
	return out, nil
}

// bodyOf returns the body parseFile gives the file name's bytes data,
// parsed for the body alone where that is cheaper (not a web page). The
// body never shares data's memory, which the caller may reuse.
func bodyOf(name string, data []byte, maxBody int64) string {
	body := sharedBodyOf(name, data, maxBody)
	if inBytes(body, data) {
		body = strings.Clone(body)
	}
	return body
}

// sharedBodyOf is bodyOf with a body that may lie in data.
func sharedBodyOf(name string, data []byte, maxBody int64) string {
	if isHTMLName(name) {
		return parseFile(name, data, true, scan(data), nil, maxBody, nil).Body
	}
	return parseScannedAs(name, data, true, true, scan(data), nil, nil).Body
}

// inBytes reports whether s lies inside b's memory.
func inBytes(s string, b []byte) bool {
	if len(s) == 0 || len(b) == 0 {
		return false
	}
	p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return p >= lo && p < lo+uintptr(len(b))
}
