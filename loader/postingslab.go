package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"unsafe"

	"github.com/jobdeck/jobdeck/model"
)

// postingBlock is how many postings, and twice as many keywords, a
// [postingSlab] allocates at a time: as many as fill the runtime's
// largest size class of small objects (32 KB). A bigger block is a large
// object, rounded up to whole 8 KB pages: 128 postings of 272 bytes took
// 40 KB, 320 bytes a posting.
const postingBlock = 32 << 10 / int(unsafe.Sizeof(model.Posting{}))

// postingSlab makes the postings one goroutine parses, and the strings
// of theirs that are their own (a title, a URL, an ID, a list of
// keywords), in shared blocks, so that a posting costs a few allocations
// a block rather than one for each of its parts. What it makes keeps its
// whole block alive: it suits the postings of one load, which live and
// die together. The zero postingSlab is ready to use; it is not safe for
// concurrent use.
type postingSlab struct {
	posts []model.Posting
	kw    []string
	files []recordFile
	text  stringSlab
}

// recordFile returns a copy of f, made in the slab.
func (s *postingSlab) recordFile(f recordFile) *recordFile {
	if len(s.files) == 0 {
		s.files = make([]recordFile, recordFileBlock)
	}
	p := &s.files[0]
	*p = f
	s.files = s.files[1:]
	return p
}

// posting returns a new zero posting.
func (s *postingSlab) posting() *model.Posting {
	if len(s.posts) == 0 {
		s.posts = make([]model.Posting, postingBlock)
		model.PrefaultPostings(s.posts) // its pages faulted in by writes, not reads
	}
	p := &s.posts[0]
	s.posts = s.posts[1:]
	return p
}

// strings returns a copy of l, with no room to grow into: an append to
// it reallocates.
func (s *postingSlab) strings(l []string) []string {
	if len(l) == 0 {
		return l[:0:0] // nil stays nil, empty stays empty
	}
	if len(s.kw) < len(l) {
		s.kw = make([]string, max(2*postingBlock, len(l)))
	}
	out := s.kw[:len(l):len(l)]
	copy(out, l)
	s.kw = s.kw[len(l):]
	return out
}

// hashID is hashID(kind, s) made in the slab.
func (s *postingSlab) hashID(kind, str string) string {
	var buf [256]byte
	if len(kind)+len(str) > len(buf) {
		return hashID(kind, str)
	}
	sum := sha256.Sum256(append(append(buf[:0], kind...), str...))
	var h [16]byte
	hex.Encode(h[:], sum[:8])
	return s.text.copyOf(h[:])
}
