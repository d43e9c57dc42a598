package model

import (
	"math"
	"strings"
	"unicode/utf8"
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

// entry is the search key of one posting.
type entry struct {
	// raw is the title, company, location and every keyword, each followed
	// by keySep, in their original text (the scorer needs the case).
	raw string
	// folded is raw with every rune replaced by foldRune (the same string
	// when raw has nothing to fold).
	folded string
	// ends holds the offset of the keySep that ends each field, the same in
	// raw and folded. It is nil when the offsets differ (a Kelvin sign or a
	// long s folds to fewer bytes; invalid UTF-8; a NUL inside a field; a
	// key over 64 KB): matching then falls back to the posting's fields.
	ends []uint16
	// nonASCII has bit f set when field f holds non-ASCII text (bit 63 for
	// all fields from 63 on).
	nonASCII uint64
	// masks are the byteMask of the folded title, company, location and of
	// all keywords together: a field can only match a pattern whose mask
	// is a subset of its own, so most fields are ruled out without reading
	// the key.
	masks [fieldKeywords + 1]uint64
	// date is the posting's date in Unix seconds, or undated.
	date int64
}

// undated is entry.date for a posting without a date.
const undated = math.MinInt64

// field returns field f of the folded key ("" when there is none): the
// case-insensitive sort key of the title and the company.
func (e *entry) field(f int) string {
	if f < len(e.ends) {
		start := 0
		if f > 0 {
			start = int(e.ends[f-1]) + 1
		}
		return e.folded[start:e.ends[f]]
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

// newEntries builds the search keys of ps. The text of all of them lives in
// one string (each folded key followed by its raw key when that differs)
// and their field ends in one array, so a filter pass reads memory in order
// and the collection pays one allocation per batch, not three per posting.
func newEntries(ps []*Posting) []entry {
	type span struct{ folded, raw, ends [2]int }
	var (
		arena    []byte
		endArena []uint16
		raw      []byte
		folded   []byte
		spans    = make([]span, len(ps))
		es       = make([]entry, len(ps))
	)
	size, nends := 0, 0
	for _, p := range ps {
		nends += fieldKeywords + len(p.Keywords)
		size += 2 * (len(p.Title) + len(p.Company) + len(p.Location) + fieldKeywords)
		for _, k := range p.Keywords {
			size += 2 * (len(k) + 1)
		}
	}
	arena = make([]byte, 0, size)
	endArena = make([]uint16, 0, nends)
	for k, p := range ps {
		nf := fieldKeywords + len(p.Keywords)
		raw, folded = raw[:0], folded[:0]
		endStart := len(endArena)
		aligned := true
		var nonASCII uint64
		var masks [fieldKeywords + 1]uint64
		for f := range nf {
			s := fieldText(p, f)
			if strings.IndexByte(s, keySep) >= 0 {
				aligned = false
			}
			foldedStart := len(folded)
			raw = append(raw, s...)
			for i := 0; i < len(s); {
				if c := s[i]; c < utf8.RuneSelf {
					folded = append(folded, lowerASCII[c])
					i++
					continue
				}
				nonASCII |= 1 << min(f, 63)
				r, sz := utf8.DecodeRuneInString(s[i:])
				before := len(folded)
				folded = utf8.AppendRune(folded, foldRune(r))
				if len(folded)-before != sz {
					aligned = false
				}
				i += sz
			}
			masks[min(f, fieldKeywords)] |= byteMask(folded[foldedStart:])
			raw = append(raw, keySep)
			folded = append(folded, keySep)
			endArena = append(endArena, uint16(min(len(raw)-1, 1<<16-1)))
		}
		if len(raw) > 1<<16 {
			aligned = false
		}
		sp := &spans[k]
		sp.folded = [2]int{len(arena), len(arena) + len(folded)}
		arena = append(arena, folded...)
		sp.raw = sp.folded
		if string(raw) != string(folded) {
			sp.raw = [2]int{len(arena), len(arena) + len(raw)}
			arena = append(arena, raw...)
		}
		sp.ends = [2]int{endStart, endStart}
		if aligned {
			sp.ends[1] = len(endArena)
		}
		es[k] = entry{nonASCII: nonASCII, masks: masks, date: undated}
		if !p.Date.IsZero() {
			es[k].date = p.Date.Unix()
		}
	}
	text := string(arena)
	for k := range es {
		sp := &spans[k]
		es[k].folded = text[sp.folded[0]:sp.folded[1]]
		es[k].raw = text[sp.raw[0]:sp.raw[1]]
		if sp.ends[1] > sp.ends[0] {
			es[k].ends = endArena[sp.ends[0]:sp.ends[1]:sp.ends[1]]
		}
	}
	return es
}

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
