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
	start := s.room(n)
	s.buf = append(s.buf, a...)
	s.buf = append(s.buf, b...)
	return unsafe.String(&s.buf[start], n) // s.buf[start:] is never written again
}

// copyOf returns b as a string.
func (s *stringSlab) copyOf(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	start := s.room(len(b))
	s.buf = append(s.buf, b...)
	return unsafe.String(&s.buf[start], len(b))
}

// reserve returns room for n bytes in the block: a slice of length 0 and
// capacity n, to append to, whose bytes no later string of s uses.
func (s *stringSlab) reserve(n int) []byte {
	start := s.room(n)
	s.buf = s.buf[:start+n]
	return s.buf[start : start : start+n]
}

// room makes room for n more bytes in the block and returns where they
// start.
func (s *stringSlab) room(n int) int {
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]byte, 0, max(slabBytes, n))
	}
	return len(s.buf)
}
