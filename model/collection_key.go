package model

import (
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// keySep ends every field of a search key. Posting text holds no NUL; a
// posting that does anyway is marked slow and matched from its fields.
const keySep = 0

// The fields of a search key, in order; keyword i is field fieldKeywords+i.
const (
	fieldTitle = iota
	fieldCompany
	fieldLocation
	fieldKeywords
)

// entry is the search key of one posting: 72 bytes, with its text and
// field ends in arrays shared by a batch of keys (see newEntries).
type entry struct {
	// folded is the title, company, location and every keyword, each
	// followed by keySep, with every rune replaced by foldRune.
	folded string
	// ends points at the offset of the keySep that ends each field (nEnds
	// of them; see fieldEnds), the same in the folded key and in the
	// fields' own text. It is nil when the offsets differ (a Kelvin sign or
	// a long s folds to fewer bytes; invalid UTF-8; a NUL inside a field; a
	// key over 64 KB): matching then falls back to the posting's fields.
	ends  *uint16
	nEnds uint32
	// rawLen is the length of the same key in the fields' own text, which
	// follows folded in memory, when a field has a camel-case boundary (see
	// camel) or non-ASCII text; else 0, and the raw key is folded itself:
	// the case of other ASCII fields never changes a score (see raw).
	rawLen uint32
	// nonASCII has bit f set when field f holds non-ASCII text (bit 31 for
	// all fields from 31 on).
	nonASCII uint32
	// camel has bit f set when field f has an ASCII lower-case letter
	// followed by an upper-case one, the only place where a score depends on
	// case (bit 31 for all fields from 31 on).
	camel uint32
	// masks are the byteMask of the folded title, company, location and of
	// all keywords together: a field can only match a pattern whose mask
	// is a subset of its own, so most fields are ruled out without reading
	// the key.
	masks [fieldKeywords + 1]uint64
}

// fieldBit is the bit of field f in entry.nonASCII and entry.camel.
func fieldBit(f int) uint32 { return 1 << min(f, 31) }

// fieldEnds returns the offsets of the keySeps that end the fields, nil
// when matching falls back to the posting's fields (see entry.ends).
func (e *entry) fieldEnds() []uint16 {
	if e.ends == nil {
		return nil
	}
	return unsafe.Slice(e.ends, e.nEnds)
}

// raw returns the key in the fields' own text (see entry.rawLen).
func (e *entry) raw() string {
	if e.rawLen == 0 {
		return e.folded
	}
	return unsafe.String((*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(e.folded)), len(e.folded))), e.rawLen)
}

// field returns field f of the folded key ("" when there is none): the
// case-insensitive sort key of the title and the company.
func (e *entry) field(f int) string {
	if ends := e.fieldEnds(); f < len(ends) {
		start := 0
		if f > 0 {
			start = int(ends[f-1]) + 1
		}
		return e.folded[start:ends[f]]
	}
	if e.ends != nil {
		return ""
	}
	return keyField(e.folded, f)
}

// byteMask returns the set of byte classes in s: a bit per letter and digit,
// a few bits shared by other ASCII bytes, and one for non-ASCII bytes.
func byteMask[S string | []byte](s S) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= 1 << byteClass[s[i]]
	}
	return m
}

// byteClass maps a folded byte to its bit in a byteMask.
var byteClass = func() (t [256]uint8) {
	for i := range t {
		c := byte(i)
		switch {
		case 'a' <= c && c <= 'z':
			t[i] = c - 'a'
		case '0' <= c && c <= '9':
			t[i] = 26 + c - '0'
		case c >= 0x80:
			t[i] = 63
		default:
			t[i] = 36 + c%27
		}
	}
	return t
}()

// newEntry builds the search key of p.
func newEntry(p *Posting) entry { return newEntries([]*Posting{p})[0] }

// newEntries builds the search keys of ps (see [fillEntries]).
func newEntries(ps []*Posting) []entry {
	es := make([]entry, len(ps))
	fillEntries(es, ps, &keyScratch{})
	return es
}

// keyScratch is the memory fillEntries builds a batch of keys in before
// it copies their text out: a collection keeps one for all its batches,
// so a load allocates only what the keys keep.
type keyScratch struct {
	arena []byte
	spans []keySpan
}

// keySpan is where the folded key, the raw key and the field ends of one
// posting lie in a batch's arenas, as [start, end) offsets.
type keySpan struct{ folded, raw, ends [2]int }

// fillEntries builds the search keys of ps into es (as long as ps), with
// sc's memory as scratch. The text of all of them lives in one string
// (each folded key followed by its raw key when that has a camel-case
// boundary or non-ASCII text) and their field ends in one array, so a
// filter pass reads memory in order and the collection pays two
// allocations per batch, not three per posting. A raw key is always right
// after its folded key: entry.raw relies on it.
func fillEntries(es []entry, ps []*Posting, sc *keyScratch) {
	size, nends := 0, 0
	for _, p := range ps {
		nends += fieldKeywords + len(p.Keywords)
		size += len(p.Title) + len(p.Company) + len(p.Location) + fieldKeywords
		for _, k := range p.Keywords {
			size += len(k) + 1
		}
	}
	size += size / 4 // the raw keys the scorer needs
	arena := slices.Grow(sc.arena[:0], size)
	spans := slices.Grow(sc.spans[:0], len(ps))[:len(ps)]
	endArena := make([]uint16, 0, nends)
	for k, p := range ps {
		start, endStart := len(arena), len(endArena)
		aligned := true
		e := &es[k]
		*e = entry{}
		for f := range fieldKeywords + len(p.Keywords) {
			s := fieldText(p, f)
			var fa fieldFold
			arena, fa = appendFoldedField(arena, s)
			// keySep folds to itself, and its class in a mask is shared
			// only with ESC: most fields need no search for it.
			if fa.mask&(1<<byteClass[keySep]) != 0 && strings.IndexByte(s, keySep) >= 0 {
				aligned = false
			}
			aligned = aligned && fa.aligned
			bit := fieldBit(f)
			if fa.nonASCII {
				e.nonASCII |= bit
			}
			if fa.camel {
				e.camel |= bit
			}
			e.masks[min(f, fieldKeywords)] |= fa.mask
			arena = append(arena, keySep)
			endArena = append(endArena, uint16(min(len(arena)-1-start, 1<<16-1)))
		}
		if len(arena)-start > 1<<16 {
			aligned = false
		}
		sp := &spans[k]
		sp.folded = [2]int{start, len(arena)}
		sp.raw = sp.folded
		if e.camel|e.nonASCII != 0 {
			sp.raw[0] = len(arena)
			for f := range fieldKeywords + len(p.Keywords) {
				arena = append(arena, fieldText(p, f)...)
				arena = append(arena, keySep)
			}
			sp.raw[1] = len(arena)
		}
		sp.ends = [2]int{endStart, endStart}
		if aligned {
			sp.ends[1] = len(endArena)
		}
	}
	text := string(arena)
	for k := range es {
		sp := &spans[k]
		es[k].folded = text[sp.folded[0]:sp.folded[1]]
		if sp.raw != sp.folded {
			es[k].rawLen = uint32(sp.raw[1] - sp.raw[0])
		}
		if sp.ends[1] > sp.ends[0] {
			es[k].ends, es[k].nEnds = &endArena[sp.ends[0]], uint32(sp.ends[1]-sp.ends[0])
		}
	}
	sc.arena, sc.spans = arena[:0], spans[:0]
}

// fieldFold says what appendFoldedField saw in a field.
type fieldFold struct {
	// aligned is false when a rune folded to another number of bytes.
	aligned bool
	// nonASCII is true when the field holds a non-ASCII byte.
	nonASCII bool
	// camel is true when an ASCII lower-case letter is followed by an
	// upper-case one.
	camel bool
	// mask is the byteMask of the folded field.
	mask uint64
}

// appendFoldedField appends s with every rune replaced by foldRune to b.
func appendFoldedField(b []byte, s string) ([]byte, fieldFold) {
	if folded, fa, ok := appendFoldedASCII(b, s); ok {
		return folded, fa
	}
	fa := fieldFold{aligned: true}
	b = slices.Grow(b, len(s))
	var last byte
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' && 'a' <= last && last <= 'z' {
				fa.camel = true
			}
			l := lowerASCII[c]
			b = append(b, l)
			fa.mask |= 1 << byteClass[l]
			last = c
			i++
			continue
		}
		fa.nonASCII = true
		r, sz := utf8.DecodeRuneInString(s[i:])
		before := len(b)
		b = utf8.AppendRune(b, foldRune(r))
		if len(b)-before != sz {
			fa.aligned = false
		}
		fa.mask |= byteMask(b[before:])
		last = 0x80
		i += sz
	}
	return b, fa
}

// appendFoldedASCII is appendFoldedField for s of ASCII bytes alone, which
// most fields are: each byte is written in place, its class and case read
// from one table, and the mask gathered in two halves, so that a byte's
// work does not wait on the last one's. ok is false when s holds another
// byte; what it wrote past len(b) is then to be written again.
func appendFoldedASCII(b []byte, s string) (_ []byte, _ fieldFold, ok bool) {
	n := len(b)
	b = slices.Grow(b, len(s))[:n+len(s)]
	dst := b[n:]
	var m0, m1 uint64
	var camel, prev uint16 // prev: the last byte's foldLower bit
	var all byte           // every byte of s ORed: ASCII when under 0x80
	i := 0
	for ; i+1 < len(s); i += 2 {
		c0, c1 := s[i], s[i+1]
		all |= c0 | c1
		f0, f1 := foldASCII[c0], foldASCII[c1]
		dst[i], dst[i+1] = byte(f0), byte(f1)
		m0 |= 1 << (f0 >> 8 & 63)
		m1 |= 1 << (f1 >> 8 & 63)
		camel |= f0 & (prev << 1) // an upper-case byte after a lower-case one
		camel |= f1 & (f0 << 1)
		prev = f1 & foldLower
	}
	if i < len(s) {
		all |= s[i]
		f := foldASCII[s[i]]
		dst[i] = byte(f)
		m0 |= 1 << (f >> 8 & 63)
		camel |= f & (prev << 1)
	}
	if all >= utf8.RuneSelf {
		return b[:n], fieldFold{}, false
	}
	return b, fieldFold{aligned: true, camel: camel&foldUpper != 0, mask: m0 | m1}, true
}

// foldASCII holds, for each ASCII byte (the others' entries are zero), its lower-case byte (the low 8
// bits), the byteClass of that (bits 8–13), and whether it is a lower-case
// (foldLower) or an upper-case letter (foldUpper). foldUpper is foldLower
// shifted left once, which appendFoldedASCII's camel test relies on.
var foldASCII = func() (t [256]uint16) {
	for i := range utf8.RuneSelf {
		l := lowerASCII[i]
		t[i] = uint16(l) | uint16(byteClass[l])<<8
		switch {
		case 'a' <= i && i <= 'z':
			t[i] |= foldLower
		case 'A' <= i && i <= 'Z':
			t[i] |= foldUpper
		}
	}
	return t
}()

const (
	foldLower = 1 << 14
	foldUpper = foldLower << 1
)

// keyField returns field f of search key k, and "" when there is none.
func keyField(k string, f int) string {
	for ; f > 0; f-- {
		i := strings.IndexByte(k, keySep)
		if i < 0 {
			return ""
		}
		k = k[i+1:]
	}
	if i := strings.IndexByte(k, keySep); i >= 0 {
		return k[:i]
	}
	return k
}

// lowerASCII maps A–Z to a–z and every other byte to itself.
var lowerASCII = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] += 'a' - 'A'
		}
	}
	return t
}()
