package loader

import "unsafe"

// slabBytes is the size of a [stringSlab]'s blocks.
const slabBytes = 64 << 10

// stringSlab makes strings in shared blocks of memory, so that many short
// strings cost one allocation a block rather than one each. A string it
// makes keeps its whole block alive, so it suits strings that live and
// die together (the paths of one file's records). The zero stringSlab is
// ready to use; it is not safe for concurrent use.
type stringSlab struct{ buf []byte }

// concat returns a + b.
func (s *stringSlab) concat(a, b string) string {
	n := len(a) + len(b)
	if n == 0 {
		return ""
	}
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]byte, 0, max(slabBytes, n))
	}
	start := len(s.buf)
	s.buf = append(s.buf, a...)
	s.buf = append(s.buf, b...)
	return unsafe.String(&s.buf[start], n) // s.buf[start:] is never written again
}
