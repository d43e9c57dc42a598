package loader

import (
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
)

// Warning texts added to Posting.Warnings by the text repair.
const (
	WarnMojibake = "repaired mojibake"
	WarnCP1252   = "read as Windows-1252"
	WarnControls = "removed control characters"
)

// reverse maps a rune back to the single byte a legacy charmap decodes to it.
type reverse map[rune]byte

var (
	revCP1252 = buildReverse(charmap.Windows1252)
	revMac    = buildReverse(charmap.Macintosh)
	cp1252Dec [256]rune
)

func init() {
	for b := 0; b < 256; b++ {
		cp1252Dec[b] = charmap.Windows1252.DecodeByte(byte(b))
		if cp1252Dec[b] == utf8.RuneError {
			// The five bytes Windows-1252 leaves undefined read as Latin-1.
			cp1252Dec[b] = rune(b)
		}
	}
}

func buildReverse(cm *charmap.Charmap) reverse {
	m := make(reverse, 256)
	for b := 0x80; b < 0x100; b++ {
		r := cm.DecodeByte(byte(b))
		if r != utf8.RuneError {
			m[r] = byte(b)
		}
	}
	// Decoders that map undefined bytes to C1 controls (or Latin-1) leave
	// those runes behind; they stand for the same byte.
	for r := rune(0x80); r < 0xA0; r++ {
		if _, ok := m[r]; !ok {
			m[r] = byte(r)
		}
	}
	if cm == charmap.Windows1252 {
		// Decoders that replace the undefined byte 0x9D give "â€\uFFFD"
		// for "”"; U+FFFD only counts inside a sequence that decodes.
		m[utf8.RuneError] = 0x9D
	}
	return m
}

// decodeCP1252 reads bytes that are not valid UTF-8 as Windows-1252, with
// its undefined bytes read as Latin-1.
func decodeCP1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(cp1252Dec[c])
		}
	}
	return sb.String()
}

// normalizeNewlines turns CRLF and lone CR into LF.
// The text is copied once, from one \r to the next.
func normalizeNewlines(s string) string {
	i := strings.IndexByte(s, '\r')
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i >= 0 {
		b = append(b, s[:i]...)
		b = append(b, '\n')
		s = s[i+1:]
		if s != "" && s[0] == '\n' {
			s = s[1:]
		}
		i = strings.IndexByte(s, '\r')
	}
	b = append(b, s...)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// repairMojibake undoes UTF-8 that was decoded as Windows-1252 or Mac Roman
// and saved again ("â€™" → "’", "‚Äôs" → "’s", "CafÃ©" → "Café"). Every
// maximal run of non-ASCII runes is mapped back to bytes through each
// charmap; a stretch is replaced only where those bytes form a valid
// multi-byte UTF-8 sequence, so clean text is left alone. It reports
// whether anything changed.
func repairMojibake(s string) (string, bool) {
	out, changed, _ := repairMojibakeSpecial(s)
	return out, changed
}

// repairMojibakeSpecial is repairMojibake that also reports whether the
// result holds a C1 or bidi control (the non-ASCII runes stripControls
// removes), so that clean text needs no second scan.
func repairMojibakeSpecial(s string) (string, bool, bool) {
	i := nextHigh(s, 0)
	if i == len(s) {
		return s, false, false
	}
	var sb strings.Builder
	changed, special := false, false
	last := 0
	runes := make([]rune, 0, 16)
	for i < len(s) {
		if s[i] < 0x80 {
			i = nextHigh(s, i)
			continue
		}
		start := i
		runes = runes[:0]
		for i < len(s) && s[i] >= 0x80 {
			r, n := utf8.DecodeRuneInString(s[i:])
			runes = append(runes, r)
			i += n
		}
		if len(runes) < 2 {
			special = special || isSpecialHigh(runes[0])
			continue
		}
		best, bestN := "", 0
		for _, rev := range [2]reverse{revCP1252, revMac} {
			if out, n := reverseRun(runes, rev, rev[0xF8FF] != 0); n > bestN {
				best, bestN = out, n
			}
		}
		if bestN == 0 {
			for _, r := range runes {
				special = special || isSpecialHigh(r)
			}
			continue
		}
		for _, r := range best {
			special = special || isSpecialHigh(r)
		}
		if !changed {
			sb.Grow(len(s))
			changed = true
		}
		sb.WriteString(s[last:start])
		sb.WriteString(best)
		last = i
	}
	if !changed {
		return s, false, special
	}
	sb.WriteString(s[last:])
	return sb.String(), true, special
}

// scanRuns reports whether b is valid UTF-8 (as utf8.Valid) and, when it
// is, the span from the first run of non-ASCII runes that
// repairMojibakeSpecial may change or flag to the end of the last: a run
// of two runes or more, or one that is a C1 or bidi control (see
// isSpecialHigh); lo == hi when there is none. A run is maximal: ASCII
// bytes or the ends of b around it. Outside the span, the repair changes
// and flags nothing.
//
// The blocks whose masks hm holds (see highMasks) are read through them,
// the rest of b searching for its next byte >= 0x80 (see nextHigh).
func scanRuns(b []byte, hm *highMasks) (valid bool, lo, hi int) {
	rs := runSpan{lo: len(b), runStart: -1, runEnd: -1}
	i := 0
	if hm != nil {
		for k, m := range hm.w[:(hm.n+3)/4] {
			base := k << 6
			if i >= base+64 {
				continue // the continuation bytes of a rune before
			}
			if i > base {
				m &^= 1<<(i-base) - 1
			}
			for m != 0 {
				j := base + bits.TrailingZeros64(m)
				n := rs.take(b, j)
				if n == 0 {
					return false, 0, 0
				}
				i = j + n
				if i >= base+64 {
					break
				}
				m &^= 1<<(i-base) - 1
			}
		}
		i = max(i, hm.n<<4)
	}
	for i < len(b) {
		if b[i] < utf8.RuneSelf {
			i = nextHigh(unsafe.String(unsafe.SliceData(b), len(b)), i+1)
			continue
		}
		n := rs.take(b, i)
		if n == 0 {
			return false, 0, 0
		}
		i += n
	}
	if rs.lo > rs.hi {
		return true, 0, 0
	}
	return true, rs.lo, rs.hi
}

// runSpan is what scanRuns keeps while it visits the non-ASCII runes in
// order: the span so far, and the run of the last rune.
type runSpan struct{ lo, hi, runStart, runEnd int }

// take visits the non-ASCII rune at b[i] and returns its length, 0 when
// it is not valid UTF-8.
func (rs *runSpan) take(b []byte, i int) int {
	r, n := decodeRune(b, i)
	if n == 0 {
		return 0
	}
	multi := i == rs.runEnd
	if !multi {
		rs.runStart = i
	}
	rs.runEnd = i + n
	if multi || isSpecialHigh(r) {
		rs.lo, rs.hi = min(rs.lo, rs.runStart), rs.runEnd
	}
	return n
}

// decodeRune decodes the rune of valid UTF-8 at b[i] (not ASCII), its
// length 0 when it is not valid, as utf8.DecodeRune tells; two- and
// three-byte runes without a call.
func decodeRune(b []byte, i int) (rune, int) {
	c := b[i]
	switch {
	case c >= 0xC2 && c <= 0xDF && i+1 < len(b):
		if c1 := b[i+1]; c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
		return 0, 0
	case c >= 0xE1 && c <= 0xEC && i+2 < len(b):
		// No surrogates or overlong forms below 0xED (0xE0 is left to
		// utf8.DecodeRune).
		if c1, c2 := b[i+1], b[i+2]; c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
		return 0, 0
	}
	r, n := utf8.DecodeRune(b[i:])
	if r == utf8.RuneError && n == 1 {
		return r, 0
	}
	return r, n
}

// isSpecialHigh reports the non-ASCII runes stripControls removes: C1
// controls and bidi controls.
func isSpecialHigh(r rune) bool {
	return (r >= 0x80 && r < 0xA0) || isBidi(r)
}

// reverseRun maps runes back to bytes through rev and decodes every clean
// multi-byte UTF-8 sequence found; other runes stay as they were. It returns
// the result and the number of runes it replaced ("" and 0 when it
// replaced none). With lostF0, three
// continuation bytes that make an emoji after an F0 lead byte are repaired
// too: converters often drop the private-use Apple logo that Mac Roman
// gives for F0, leaving "üöÄ" for "🚀".
func reverseRun(runes []rune, rev reverse, lostF0 bool) (string, int) {
	var buf [64]byte
	bs := buf[:0]
	ok := make([]bool, 0, 64)
	for _, r := range runes {
		b, found := rev[r]
		bs = append(bs, b)
		ok = append(ok, found)
	}
	if decodeReversed(nil, runes, bs, ok, lostF0) == 0 {
		return "", 0 // most runs: their text is built only when it changes
	}
	var sb strings.Builder
	fixed := decodeReversed(&sb, runes, bs, ok, lostF0)
	return sb.String(), fixed
}

// decodeReversed is reverseRun's decoding of the bytes bs that runes map
// back to (ok[k] when runes[k] maps to one): it writes the result to sb
// unless sb is nil, and returns how many runes it replaced.
func decodeReversed(sb *strings.Builder, runes []rune, bs []byte, ok []bool, lostF0 bool) int {
	fixed := 0
	for k := 0; k < len(bs); {
		if ok[k] && bs[k] >= 0xC2 && bs[k] <= 0xF4 {
			n := seqLen(bs[k])
			if k+n <= len(bs) && allTrue(ok[k:k+n]) {
				r, size := utf8.DecodeRune(bs[k : k+n])
				if r != utf8.RuneError && size == n {
					if sb != nil {
						sb.WriteRune(r)
					}
					fixed += n
					k += n
					continue
				}
			}
		}
		if lostF0 && k+3 <= len(bs) && allTrue(ok[k:k+3]) && isCont(bs[k]) && isCont(bs[k+1]) && isCont(bs[k+2]) {
			r, size := utf8.DecodeRune([]byte{0xF0, bs[k], bs[k+1], bs[k+2]})
			if size == 4 && r >= 0x1F000 && r <= 0x1FAFF {
				if sb != nil {
					sb.WriteRune(r)
				}
				fixed += 3
				k += 3
				continue
			}
		}
		if sb != nil {
			sb.WriteRune(runes[k])
		}
		k++
	}
	return fixed
}

func seqLen(b byte) int {
	switch {
	case b >= 0xF0:
		return 4
	case b >= 0xE0:
		return 3
	default:
		return 2
	}
}

func allTrue(b []bool) bool {
	for _, v := range b {
		if !v {
			return false
		}
	}
	return true
}

func isCont(b byte) bool { return b >= 0x80 && b <= 0xBF }
