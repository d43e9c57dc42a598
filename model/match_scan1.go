package model

import (
	"unicode"
	"unicode/utf8"
)

// best1 is the highest score a one-character pattern can earn in a field
// before the field's length is taken off (see score1): the separator or
// camel-case bonus at the second byte, less one unmatched leading byte.
const best1 = max(max(matchFollowingSeparatorBonus, camelCaseMatchBonus)+unmatchedLeadingCharPenalty, firstCharMatchBonus)

// scan1 is [Term.scan] for a pattern that folds to the one ASCII byte c,
// over fields lo..hi-1 of an entry with field ends ends (hi ≤ len(ends)): the
// same field and score, found with fewer reads. A field of n bytes scores
// at most best1+1-n, so once a field matched, longer fields that cannot beat
// it are skipped unread; the others are scored by score1.
func (e *entry) scan1(ends []uint16, c byte, m uint64, lo, hi int) (field, score int) {
	field = -1
	start := 0
	if lo > 0 {
		start = int(ends[lo-1]) + 1
	}
	for f := lo; f < hi; f++ {
		end := int(ends[f])
		fs := start
		start = end + 1
		if e.masks[min(f, fieldKeywords)]&m != m {
			if f >= fieldKeywords {
				break // no keyword has c
			}
			continue
		}
		n := end - fs
		if n == 0 || (field >= 0 && best1+1-n <= score) {
			continue
		}
		kf, s, uni := e.fieldCase(f, fs, end)
		if sc, ok := score1(c, s, kf, uni); ok && (field < 0 || sc > score) {
			field, score = f, sc
		}
	}
	return field, score
}

// fieldCase returns field f of the key, at bytes fs..end: its folded text
// kf, the text s the scorer reads the case from (the field's own when it
// has a camel-case boundary or non-ASCII runes, else kf, since the case of
// other fields never changes a score), and whether it has non-ASCII runes.
func (e *entry) fieldCase(f, fs, end int) (kf, s string, uni bool) {
	bit := fieldBit(f)
	kf, s = e.folded[fs:end], e.folded[fs:end]
	if (e.camel|e.nonASCII)&bit != 0 {
		s = e.raw()[fs:end]
	}
	return kf, s, e.nonASCII&bit != 0
}

// score1 is fuzzyScore for a pattern that folds to the one ASCII byte c,
// against a field whose folded text kf has the same byte offsets as its own
// text s (uni: s holds non-ASCII runes, none of which folds to ASCII). The
// library keeps the first match with the highest bonus (10 at the first
// byte, 20 after a separator or at a camel-case boundary, else 0) and only
// then takes off the leading penalty, so the first match with a 20 bonus
// decides, else one at the first byte, else the first match: the bytes after
// it need not be read.
func score1(c byte, s, kf string, uni bool) (int, bool) {
	at, bonus := -1, 0
	for j := 0; j < len(kf); j++ { // fields are short: a loop beats IndexByte
		if kf[j] != c {
			continue
		}
		if at < 0 {
			at = j
			if j == 0 {
				bonus = firstCharMatchBonus
				continue
			}
		}
		if !mayBonus(s, j) {
			continue
		}
		if b := bonus1(s, j, uni); b != 0 {
			at, bonus = j, b
			break
		}
	}
	if at < 0 {
		return 0, false
	}
	return lead1(bonus, at) + 1 - len(kf), true
}

// lead1 is what a one-character pattern matched at byte at with bonus
// scores before the field's length is taken off: the bonus less the
// penalty for the unmatched bytes before it.
func lead1(bonus, at int) int {
	return bonus + max(at*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
}

// mayBonus reports whether a match at byte j of s may earn bonus1's: it
// follows a separator or is an upper-case ASCII letter. It is cheap enough
// to inline, so bonus1 runs for few matches.
func mayBonus(s string, j int) bool {
	return j > 0 && (isSeparator(rune(s[j-1])) || s[j]-'A' < 26)
}

// bonus1 returns the bonus a match at byte j of s earns besides the first
// byte's: the separator bonus when the rune before it is a separator, the
// camel-case bonus when that rune is a lower-case letter and s[j] an
// upper-case ASCII letter, else 0 (also at j = 0). The two never meet. Only
// when uni does the rune before need decoding.
func bonus1(s string, j int, uni bool) int {
	if j == 0 {
		return 0
	}
	last, cand := s[j-1], s[j]
	switch {
	case isSeparator(rune(last)):
		return matchFollowingSeparatorBonus
	case cand < 'A' || cand > 'Z':
		return 0
	case 'a' <= last && last <= 'z' || last >= utf8.RuneSelf && uni && lowerBefore(s, j):
		return camelCaseMatchBonus
	}
	return 0
}

// lowerBefore reports whether the rune of s ending at byte j is lower-case.
func lowerBefore(s string, j int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:j])
	return unicode.IsLower(r)
}
