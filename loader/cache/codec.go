package cache

import (
	"encoding/binary"
	"errors"
	"math"
	"time"
	"unsafe"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
)

// errDamaged is the decoding error of bytes that are not what the encoder
// wrote.
var errDamaged = errors.New("damaged")

// Flags of an encoded posting.
const (
	flagRemote = 1 << iota
	flagDate
	flagApplied
)

// encodable reports whether the codec gives p back exactly: no body, no
// Source, and a Date that is zero or a UTC time without a monotonic
// reading.
func encodable(p *model.Posting) bool {
	return p != nil && p.Body == "" && p.Source == nil && exactTime(p.Date) && exactTime(p.Applied())
}

func exactTime(t time.Time) bool {
	return t == time.Time{} || t == time.Unix(t.Unix(), int64(t.Nanosecond())).UTC()
}

// appendPostings encodes ps (each encodable): their count, then each one's
// flags, the lengths of its lists (0 for nil, else n+1), its strings, list
// items and date.
func appendPostings(b []byte, ps []*model.Posting) []byte {
	b = binary.AppendUvarint(b, uint64(len(ps)))
	for _, p := range ps {
		var flags byte
		if p.Remote {
			flags |= flagRemote
		}
		if p.Date != (time.Time{}) {
			flags |= flagDate
		}
		if p.Applied() != (time.Time{}) {
			flags |= flagApplied
		}
		b = append(b, flags)
		for _, l := range [...][]string{p.Paths(), p.Keywords, p.Warnings()} {
			n := uint64(0)
			if l != nil {
				n = uint64(len(l)) + 1
			}
			b = binary.AppendUvarint(b, n)
		}
		for _, s := range [...]string{p.ID, p.Path, p.Title, p.Company, p.Location, p.URL, p.ApplyURL,
			p.Salary, p.EmploymentType, p.SourcePath, p.CompanyURL(), p.SalaryCurrency.String(), p.SalaryPeriod.String()} {
			b = appendString(b, s)
		}
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(p.SalaryMin))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(p.SalaryMax))
		for _, l := range [...][]string{p.Paths(), p.Keywords, p.Warnings()} {
			for _, s := range l {
				b = appendString(b, s)
			}
		}
		if flags&flagDate != 0 {
			b = appendTime(b, p.Date)
		}
		if flags&flagApplied != 0 {
			b = appendTime(b, p.Applied())
		}
	}
	return b
}

// appendTime encodes t, a UTC time, as its seconds and nanoseconds.
func appendTime(b []byte, t time.Time) []byte {
	b = binary.AppendVarint(b, t.Unix())
	return binary.AppendUvarint(b, uint64(t.Nanosecond()))
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// reader decodes from a string without copying: the strings it returns
// are substrings of s. Any error sticks and makes later reads return
// zero values.
type reader struct {
	s   string
	i   int
	err error
}

func (r *reader) fail() { r.err, r.i = errDamaged, len(r.s) }

func (r *reader) uvarint() uint64 {
	var x uint64
	for shift := uint(0); ; shift += 7 {
		if r.i >= len(r.s) || shift > 63 {
			r.fail()
			return 0
		}
		c := r.s[r.i]
		r.i++
		x |= uint64(c&0x7F) << shift
		if c < 0x80 {
			return x
		}
	}
}

func (r *reader) varint() int64 {
	u := r.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

// count reads a number of items of at least min bytes each; a count the
// rest of the input cannot hold is damage (so garbage never makes a huge
// allocation).
func (r *reader) count(min int) int {
	n := r.uvarint()
	if n > uint64(len(r.s)-r.i)/uint64(min) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *reader) byte() byte {
	if r.i >= len(r.s) {
		r.fail()
		return 0
	}
	c := r.s[r.i]
	r.i++
	return c
}

func (r *reader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.s)-r.i) {
		r.fail()
		return ""
	}
	s := r.s[r.i : r.i+int(n)]
	r.i += int(n)
	return s
}

// listLen reads an encoded list length: -1 for nil, else the length.
func (r *reader) listLen() int {
	n := r.count(1)
	return n - 1
}

// itemSlab hands out the list items (Paths, Keywords, Warnings) of decoded
// postings from shared blocks of at least block items, so that a
// posting's lists cost no allocation of their own. With reuse set it
// hands out the same memory every time, for a check that keeps nothing.
type itemSlab struct {
	buf   []string
	block int
	reuse bool
}

// take returns room for n items.
func (s *itemSlab) take(n int) []string {
	if s.reuse && cap(s.buf) >= n {
		return s.buf[:n:n]
	}
	if len(s.buf) < n {
		s.buf = make([]string, max(n, s.block))
	}
	out := s.buf[:n:n]
	if !s.reuse {
		s.buf = s.buf[n:]
	}
	return out
}

// postingSlabLen is how many postings a [postingSlab] allocates at once:
// as many as fill the runtime's largest size class of small objects
// (32 KB). A bigger block is a large object, rounded up to whole 8 KB
// pages: 128 postings of 272 bytes took 40 KB, and at a million postings
// the 48 MB of rounding counted against the memory limit that makes the
// collector run.
const postingSlabLen = 32 << 10 / int(unsafe.Sizeof(model.Posting{}))

// postingSlab hands out room for one posting and its list items from
// shared blocks: most files hold one posting, and a block of them costs
// the allocator and the garbage collector far less than an allocation or
// two each. A posting keeps its whole block alive, which suits postings
// loaded together and kept together. The zero postingSlab is ready to
// use; it is not safe for concurrent use.
type postingSlab struct {
	ps    []model.Posting
	items []string
}

// one returns a new, zero posting and room for the list items of the
// single posting that enc encodes, as its start says.
func (s *postingSlab) one(enc string) (*model.Posting, []string) {
	if len(s.ps) == 0 {
		s.ps = make([]model.Posting, postingSlabLen)
		model.PrefaultPostings(s.ps)
	}
	p := &s.ps[0]
	s.ps = s.ps[1:]
	n := itemsOfOne(enc)
	if n > len(s.items) {
		if n > postingSlabLen {
			return p, nil
		}
		s.items = make([]string, 4*postingSlabLen)
	}
	items := s.items[:n:n]
	s.items = s.items[n:]
	return p, items
}

// itemsOfOne returns how many list items the single posting that enc
// encodes has, as its start says (0 when it does not read so).
func itemsOfOne(enc string) int {
	r := reader{s: enc}
	r.uvarint() // the count
	r.byte()    // the flags
	total := 0
	for range 3 {
		total += max(r.listLen(), 0)
	}
	if r.err != nil {
		return 0
	}
	return total
}

// holdsOne reports whether the encoded postings s say they are one
// (without checking the rest).
func holdsOne(s string) bool { return len(s) > 0 && s[0] == 1 }

// holdsNone reports whether the postings s encodes are none: an entry
// that holds only its aux note.
func holdsNone(s string) bool { return s == "\x00" }

// onePosting is the [loader.CacheEntry] of an entry of one posting and no
// aux note, decoded when it was looked up. Being a pointer, it makes an
// interface value without an allocation.
type onePosting model.Posting

func (*onePosting) Len() int               { return 1 }
func (*onePosting) Aux() []byte            { return nil }
func (p *onePosting) Next() *model.Posting { return (*model.Posting)(p) }

// Release does nothing: a lookup of a block's entry gives a [oneEntry].
func (*onePosting) Release() {}

// entryPostings is the [loader.CacheEntry] of other entries: postings
// checked to decode, decoded as they are asked for into ps, allocated
// whole when the entry was looked up (one large allocation costs the
// garbage collector less than many small ones while the postings are
// being written).
type entryPostings struct {
	r     reader // at the next posting
	ps    []model.Posting
	next  int // postings handed out
	ready int // postings decoded already
	aux   []byte
	items itemSlab
}

func (e *entryPostings) Len() int    { return len(e.ps) }
func (e *entryPostings) Aux() []byte { return e.aux }

// Release does nothing: the postings of many keep their strings in the
// block (see blockRef), which is then never reused.
func (e *entryPostings) Release() {}

// Next decodes the next posting; its strings share the entry's memory.
func (e *entryPostings) Next() *model.Posting {
	p := &e.ps[e.next]
	if e.next >= e.ready {
		e.r.posting(p, &e.items)
	}
	e.next++
	return p
}

// openEntry returns the cache entry of s, what appendPostings wrote, and
// aux: one posting is decoded at once (into one, when not nil, with its
// list items in items); more are checked to decode in full, then decoded
// as they are asked for. Bad input is an error, never a panic.
func openEntry(s, aux string, one *model.Posting, items []string) (_ loader.CacheEntry, err error) {
	defer func() {
		if recover() != nil {
			err = errDamaged
		}
	}()
	r := reader{s: s}
	n := r.count(14) // flags, three list lengths, ten string lengths
	if n == 1 {
		if one == nil {
			one = new(model.Posting)
		}
		r.posting(one, &itemSlab{buf: items, block: 2})
		if err := r.end(); err != nil {
			return nil, err
		}
		if aux == "" {
			return (*onePosting)(one), nil
		}
		return &entryPostings{ps: unsafe.Slice(one, 1), ready: 1, aux: []byte(aux)}, nil
	}
	check, scratch := r, itemSlab{reuse: true}
	var p model.Posting
	for range n {
		check.posting(&p, &scratch)
	}
	if err := check.end(); err != nil {
		return nil, err
	}
	e := &entryPostings{r: r, ps: make([]model.Posting, n), items: itemSlab{block: 512}}
	model.PrefaultPostings(e.ps)
	if aux != "" {
		e.aux = []byte(aux)
	}
	return e, nil
}

// end returns the error of a read that should have used all of r.s.
func (r *reader) end() error {
	if r.err == nil && r.i != len(r.s) {
		r.fail()
	}
	return r.err
}

// decodePostings decodes what appendPostings wrote, as new postings the
// caller owns; their strings share s's memory. The whole of s must be
// used. Bad input is an error, never a panic.
func decodePostings(s string) ([]*model.Posting, error) {
	e, err := openEntry(s, "", nil, nil)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Posting, e.Len())
	for i := range out {
		out[i] = e.Next()
	}
	return out, nil
}

func (r *reader) posting(p *model.Posting, slab *itemSlab) {
	flags := r.byte()
	var lens [3]int
	total := 0
	for i := range lens {
		lens[i] = r.listLen()
		total += max(lens[i], 0)
	}
	var companyURL, currency, period string
	for _, f := range [...]*string{&p.ID, &p.Path, &p.Title, &p.Company, &p.Location, &p.URL, &p.ApplyURL,
		&p.Salary, &p.EmploymentType, &p.SourcePath, &companyURL, &currency, &period} {
		*f = r.string()
	}
	var ok bool
	if p.SalaryCurrency, ok = model.CurrencyOf(currency); !ok && currency != "" {
		r.fail()
	}
	if p.SalaryPeriod, ok = model.PeriodOf(period); !ok && period != "" {
		r.fail()
	}
	p.SalaryMin, p.SalaryMax = r.float(), r.float()
	if r.err != nil || total > len(r.s)-r.i {
		r.fail()
		return
	}
	var items []string
	if total > 0 {
		items = slab.take(total)
	}
	var paths, warnings []string
	for i, l := range [...]*[]string{&paths, &p.Keywords, &warnings} {
		switch lens[i] {
		case -1:
			continue
		case 0:
			*l = []string{}
			continue
		}
		*l = items[:lens[i]:lens[i]]
		items = items[lens[i]:]
		for j := range *l {
			(*l)[j] = r.string()
		}
	}
	p.Remote = flags&flagRemote != 0
	if flags&flagDate != 0 {
		p.Date = r.time()
	}
	var applied time.Time
	if flags&flagApplied != 0 {
		applied = r.time()
	}
	if paths != nil || warnings != nil || companyURL != "" || applied != (time.Time{}) {
		p.SetPaths(paths)
		p.SetWarnings(warnings)
		p.SetCompanyURL(companyURL)
		p.SetApplied(applied)
	}
	if flags&^(flagRemote|flagDate|flagApplied) != 0 {
		r.fail()
	}
}

// float decodes a float64 stored as its 8 bits, little-endian.
func (r *reader) float() float64 {
	if r.err != nil || len(r.s)-r.i < 8 {
		r.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64([]byte(r.s[r.i : r.i+8]))
	r.i += 8
	return math.Float64frombits(v)
}

// time decodes what appendTime encoded.
func (r *reader) time() time.Time {
	sec, nsec := r.varint(), r.uvarint()
	if nsec >= 1e9 {
		r.fail()
		return time.Time{}
	}
	return time.Unix(sec, int64(nsec)).UTC()
}

// stringOf views b as a string without copying; b must never be modified
// afterwards.
func stringOf(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
