package loader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sync"
	"unicode/utf8"
)

// WarnCut starts the warning of a posting whose body was cut at MaxBody.
const WarnCut = "body cut at"

// ErrNotRegular is the error for reading what is not a regular file (a
// FIFO, a device, a folder): such a file is never opened for reading.
var ErrNotRegular = errors.New(ReasonNotRegular)

// bufPool holds read buffers; Parse copies what it keeps, so a buffer is
// reused as soon as its file is parsed.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

// FileVersion is what a read saw of a file's version: its size and
// modification time (nanoseconds since 1970), from the stat of the file
// it opened. Known is false where the read could not tell.
type FileVersion struct {
	Size, ModTime int64
	Known         bool
}

// readCapped reads at most max bytes of name (plus one to detect a longer
// file) into a pooled buffer; a file that is not a regular file gives an
// error wrapping ErrNotRegular. When the file is longer, data is cut at the
// last line break (or rune boundary) at or before max and cutWarning
// describes it. The caller must put buf back with bufPool.Put. When v is
// not nil, it is set to the version of the file read (see FileVersion).
func readCapped(fsys fs.FS, name string, max int64, v *FileVersion) (buf *[]byte, data []byte, cutWarning string, err error) {
	return readCappedIn(dirHandle{}, fsys, name, max, v)
}

// readCappedIn is readCapped for a file that may be in the folder h, and
// is then opened relative to it.
func readCappedIn(h dirHandle, fsys fs.FS, name string, max int64, v *FileVersion) (buf *[]byte, data []byte, cutWarning string, err error) {
	buf = bufPool.Get().(*[]byte)
	limit := max + 1
	var b []byte
	size := func() int64 { return -1 }
	done := false
	if d, ok := fsys.(*dirFS); ok {
		b, done, err = readDirect(d, h, name, (*buf)[:0], limit, v)
		if done {
			size = func() int64 { return fileSize(d, name) }
		}
	}
	if !done {
		b, err = readFS(fsys, name, (*buf)[:0], limit, &size, v)
	}
	*buf = b
	if err != nil {
		putBuf(buf)
		return nil, nil, "", err
	}
	if int64(len(b)) <= max {
		return buf, b, "", nil
	}
	b = cutAt(b[:max])
	w := fmt.Sprintf("%s %s", WarnCut, humanBytes(max))
	if n := size(); n > 0 {
		w += fmt.Sprintf(" (file is %s)", humanBytes(n))
	}
	return buf, b, w, nil
}

// readFS reads at most limit bytes of name through fsys into b. It sets
// *size to a function giving the file size (for the cut warning), and v,
// when not nil, to the version of the file opened.
func readFS(fsys fs.FS, name string, b []byte, limit int64, size *func() int64, v *FileVersion) ([]byte, error) {
	// Stat first: opening a FIFO would wait for a writer.
	if fi, err := fs.Stat(fsys, name); err != nil {
		return b, err
	} else if !fi.Mode().IsRegular() {
		return b, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return b, err
	}
	defer f.Close()
	*size = func() int64 {
		if fi, err := f.Stat(); err == nil {
			return fi.Size()
		}
		return -1
	}
	if v != nil {
		if fi, err := f.Stat(); err == nil {
			*v = FileVersion{Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), Known: true}
		}
	}
	for int64(len(b)) < limit {
		if len(b) == cap(b) {
			b = growCapped(b, limit)
		}
		room := b[len(b):min(int64(cap(b)), limit)]
		n, rerr := f.Read(room)
		b = b[:len(b)+n]
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return b, rerr
		}
	}
	if int64(len(b)) == limit {
		// Stat the file now, while it is open.
		n := (*size)()
		*size = func() int64 { return n }
	}
	return b, nil
}

// openRegular opens name in fsys for reading, as readCapped would read
// it: a file that is not a regular file gives an error wrapping
// ErrNotRegular and is never opened so that it could block (a FIFO waits
// for a writer).
func openRegular(fsys fs.FS, name string) (fs.File, error) {
	if d, ok := fsys.(*dirFS); ok {
		if f, handled, err := openDirect(d, name); handled {
			return f, err
		}
	}
	if fi, err := fs.Stat(fsys, name); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	// Stat again, open: the file may have been replaced since.
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
		}
		return nil, err
	}
	return f, nil
}

// growCapped grows b's capacity (doubling) without going past limit.
func growCapped(b []byte, limit int64) []byte {
	grow := max(cap(b), 4096)
	if int64(cap(b)+grow) > limit {
		grow = int(limit) - cap(b)
	}
	return slices.Grow(b, grow)
}

// putBuf returns a read buffer to the pool, unless it grew large.
func putBuf(buf *[]byte) {
	if buf != nil && cap(*buf) <= 256<<10 {
		*buf = (*buf)[:0]
		bufPool.Put(buf)
	}
}

// cutAt shortens b to its last line break in the final 64 KiB, else to a
// rune boundary.
func cutAt(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-64<<10; i-- {
		if b[i] == '\n' {
			return b[:i+1]
		}
	}
	for i := len(b); i > 0 && i > len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i-1]) {
			if utf8.FullRune(b[i-1:]) {
				return b
			}
			return b[:i-1]
		}
	}
	return b
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Skip reasons for file content.
const (
	ReasonEmpty      = "empty file"
	ReasonWhitespace = "only white space"
	ReasonBinary     = "binary file"
)

// sniff returns a skip reason for content that is no posting: empty,
// white space only, or binary (a NUL byte, or mostly control bytes or
// non-text in the first 8 KiB); "" means the content is text. It also
// returns the scan of data, for parseScanned.
func sniff(data []byte) (string, scanInfo) {
	if len(data) == 0 {
		return ReasonEmpty, scanInfo{}
	}
	d := bytes.TrimPrefix(data, bom)
	if len(bytes.TrimLeft(d, " \t\r\n\f\v")) == 0 {
		return ReasonWhitespace, scanInfo{}
	}
	info := scan(data)
	if !info.f.ctl && info.valid {
		return "", info
	}
	d = d[:min(len(d), 8<<10)]
	if bytes.IndexByte(d, 0) >= 0 {
		return ReasonBinary, info
	}
	ctl, high := 0, 0
	for _, c := range d {
		switch {
		case c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
		case c < 0x20 || c == 0x7F:
			ctl++
		case c >= 0x80:
			high++
		}
	}
	if ctl*10 > len(d) {
		return ReasonBinary, info
	}
	if high*10 > len(d)*3 && !utf8.Valid(trimPartialRune(d)) {
		return ReasonBinary, info
	}
	return "", info
}

func trimPartialRune(b []byte) []byte {
	for i := len(b); i > 0 && i > len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i-1]) {
			if !utf8.FullRune(b[i-1:]) {
				return b[:i-1]
			}
			break
		}
	}
	return b
}
