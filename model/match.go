package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds jobdeck's fuzzy matcher. It scores exactly as
// github.com/sahilm/fuzzy v0.1.3 does (same bonuses, penalties and matched
// positions; match_test.go checks that against the library on random input),
// but it does not allocate per string, and it comes with a cheap prefilter on
// case-folded keys so most non-matching postings are rejected with a few
// strings.IndexByte calls before any scoring runs.

// Scoring constants of sahilm/fuzzy v0.1.3.
const (
	firstCharMatchBonus            = 10
	matchFollowingSeparatorBonus   = 20
	camelCaseMatchBonus            = 20
	adjacentMatchBonus             = 5
	unmatchedLeadingCharPenalty    = -5
	maxUnmatchedLeadingCharPenalty = -15
)

// fuzzyScore scores pattern against s the way sahilm/fuzzy's Find does and
// reports whether every rune of pattern matched. When pos is non-nil, the
// byte offsets in s of the matched runes are appended to *pos (ascending).
// An empty pattern never matches. Invalid UTF-8 in s is read rune by rune
// as utf8.RuneError, and s is cut at its first NUL, as the library does.
func fuzzyScore(pattern []rune, s string, pos *[]int) (int, bool) {
	if len(pattern) == 0 {
		return 0, false
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	total, nMatched, lastMatch := 0, 0, -1
	pi := 0
	bestScore, matchedIndex := -1, -1
	currAdjacent := 0
	var last rune
	lastIndex := 0
	nextc, nextSize := utf8.DecodeRuneInString(s)
	var cand rune
	var candSize int
	for j := 0; j < len(s); j += candSize {
		cand, candSize = nextc, nextSize
		if equalFold(cand, pattern[pi]) {
			score := 0
			if j == 0 {
				score += firstCharMatchBonus
			}
			if unicode.IsLower(last) && unicode.IsUpper(cand) {
				score += camelCaseMatchBonus
			}
			if j != 0 && isSeparator(last) {
				score += matchFollowingSeparatorBonus
			}
			if nMatched > 0 {
				bonus := 0
				if lastIndex == lastMatch {
					bonus = currAdjacent*2 + adjacentMatchBonus
				}
				score += bonus
				currAdjacent += bonus
			}
			if score > bestScore {
				bestScore = score
				matchedIndex = j
			}
		}
		var nextp rune
		if pi < len(pattern)-1 {
			nextp = pattern[pi+1]
		}
		if k := j + candSize; k < len(s) {
			if s[k] < utf8.RuneSelf {
				nextc, nextSize = rune(s[k]), 1
			} else {
				nextc, nextSize = utf8.DecodeRuneInString(s[k:])
			}
		} else {
			nextc, nextSize = 0, 0
		}
		if (nextc == 0 || equalFold(nextp, nextc)) && matchedIndex > -1 {
			if nMatched == 0 {
				bestScore += max(matchedIndex*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
			}
			total += bestScore
			nMatched++
			lastMatch = matchedIndex
			if pos != nil {
				*pos = append(*pos, matchedIndex)
			}
			bestScore = -1
			pi++
		}
		lastIndex = j
		last = cand
	}
	total += nMatched - len(s)
	return total, nMatched == len(pattern)
}

// equalFold reports whether tr and sr are equal under simple Unicode case
// folding (taken from strings.EqualFold, as sahilm/fuzzy does).
func equalFold(tr, sr rune) bool {
	if tr == sr {
		return true
	}
	if tr < sr {
		tr, sr = sr, tr
	}
	if tr < utf8.RuneSelf {
		return 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A'
	}
	r := unicode.SimpleFold(sr)
	for r != sr && r < tr {
		r = unicode.SimpleFold(r)
	}
	return r == tr
}

// isSeparator reports whether r earns the after-separator bonus.
func isSeparator(r rune) bool {
	switch r {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}

// foldRune returns the canonical member of r's simple case-folding orbit:
// foldRune(a) == foldRune(b) exactly when equalFold(a, b). ASCII letters map
// to lower case; NUL maps to a space so it never collides with the field
// separator of search keys.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		switch {
		case r == 0:
			return ' '
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	if 'A' <= m && m <= 'Z' {
		m += 'a' - 'A'
	}
	return m
}

// appendFolded appends the case-folded form of s (foldRune on every rune) to
// b. Pure-ASCII input keeps its length, so byte offsets stay valid for it.
func appendFolded(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				c = ' '
			} else if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, foldRune(r))
		i += n
	}
	return b
}

// isFoldedSubseq reports whether the folded pattern p is a subsequence (rune
// by rune) of the folded text k. A pattern matches a string under
// sahilm/fuzzy exactly when its folded form is a subsequence of the string's
// folded form, so this is the prefilter: false means fuzzyScore fails too.
func isFoldedSubseq(p, k string) bool {
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			j := strings.IndexByte(k, c)
			if j < 0 {
				return false
			}
			k = k[j+1:]
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(p[i:])
		j := strings.Index(k, p[i:i+n])
		if j < 0 {
			return false
		}
		k = k[j+n:]
		i += n
	}
	return true
}

// byteToRuneIndexes rewrites ascending byte offsets into s as rune indexes
// into s, in place, and returns the slice. Offsets past the end are dropped.
func byteToRuneIndexes(s string, offs []int) []int {
	out := offs[:0]
	ri, bi := 0, 0
	for _, o := range offs {
		for bi < o && bi < len(s) {
			_, n := utf8.DecodeRuneInString(s[bi:])
			bi += n
			ri++
		}
		if bi != o || o >= len(s) {
			continue
		}
		out = append(out, ri)
	}
	return out
}
