package loader

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sync"
	"unicode/utf8"
)

// WarnCut starts the warning of a posting whose body was cut at MaxBody.
const WarnCut = "body cut at"

// bufPool holds read buffers; Parse copies what it keeps, so a buffer is
// reused as soon as its file is parsed.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

// readCapped reads at most max bytes of name (plus one to detect a longer
// file) into a pooled buffer. When the file is longer, data is cut at the
// last line break (or rune boundary) at or before max and cutWarning
// describes it. The caller must put buf back with bufPool.Put.
func readCapped(fsys fs.FS, name string, max int64) (buf *[]byte, data []byte, cutWarning string, err error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, "", err
	}
	defer f.Close()
	buf = bufPool.Get().(*[]byte)
	b := (*buf)[:0]
	limit := max + 1
	for int64(len(b)) < limit {
		if len(b) == cap(b) {
			grow := cap(b)
			if int64(cap(b)+grow) > limit {
				grow = int(limit) - cap(b)
			}
			b = slices.Grow(b, grow)
		}
		room := b[len(b):cap(b)]
		if int64(len(room)) > limit-int64(len(b)) {
			room = room[:limit-int64(len(b))]
		}
		n, rerr := f.Read(room)
		b = b[:len(b)+n]
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			*buf = b
			putBuf(buf)
			return nil, nil, "", rerr
		}
	}
	*buf = b
	if int64(len(b)) <= max {
		return buf, b, "", nil
	}
	size := int64(-1)
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	b = cutAt(b[:max])
	w := fmt.Sprintf("%s %s", WarnCut, humanBytes(max))
	if size > 0 {
		w += fmt.Sprintf(" (file is %s)", humanBytes(size))
	}
	return buf, b, w, nil
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
// non-text in the first 8 KiB). "" means the content is text.
func sniff(data []byte) string {
	if len(data) == 0 {
		return ReasonEmpty
	}
	d := bytes.TrimPrefix(data, bom)
	if len(bytes.TrimLeft(d, " \t\r\n\f\v")) == 0 {
		return ReasonWhitespace
	}
	d = d[:min(len(d), 8<<10)]
	if bytes.IndexByte(d, 0) >= 0 {
		return ReasonBinary
	}
	f := scanText(d)
	if !f.ctl && (!f.high || utf8.Valid(trimPartialRune(d))) {
		return ""
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
		return ReasonBinary
	}
	if high*10 > len(d)*3 && f.high && !utf8.Valid(trimPartialRune(d)) {
		return ReasonBinary
	}
	return ""
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
