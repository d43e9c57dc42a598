package model

// scan finds the field of a posting (with search key e) where t's pattern
// scores best, and that score; ok is false when no field matches. only ≥ 0
// restricts the search to that field (title:, company:, loc:); only < 0
// searches them all, earlier fields winning ties. It gives the same answer
// as bestField on the posting's own fields, faster: one pass over the key
// marks the fields that contain the folded pattern as a byte subsequence
// (a necessary condition), and only those are scored.
func (t *Term) scan(e *entry, p *Posting, only int) (field, score int, ok bool) {
	ends := e.fieldEnds()
	if ends == nil || t.never {
		return t.bestField(p, only)
	}
	pf, m := t.folded, t.mask
	lo, hi := 0, len(ends)
	if only >= 0 {
		if only >= hi || e.masks[min(only, fieldKeywords)]&m != m {
			return -1, 0, false
		}
		lo, hi = only, only+1
	} else if (e.masks[0]|e.masks[1]|e.masks[2]|e.masks[3])&m != m {
		return -1, 0, false
	}
	if len(pf) == 1 && t.ascii {
		field, score = e.scan1(ends, pf[0], m, lo, hi)
		return field, score, field >= 0
	}
	field = -1
	for f := lo; f < hi; f++ {
		if e.masks[min(f, fieldKeywords)]&m != m {
			if f >= fieldKeywords {
				break
			}
			continue
		}
		start, end := 0, int(ends[f])
		if f > 0 {
			start = int(ends[f-1]) + 1
		}
		kf, s, uni := e.fieldCase(f, start, end)
		if len(kf) < len(pf) || !hasByteSubseq(kf, pf) {
			continue
		}
		var sc int
		var m bool
		if !t.ascii || uni {
			sc, m = fuzzyScore(t.runes, s, nil)
		} else {
			sc, m = fuzzyScoreASCII(pf, s, kf)
		}
		if m && (field < 0 || sc > score) {
			field, score = f, sc
		}
	}
	return field, score, field >= 0
}

// hasByteSubseq reports whether p's bytes occur in order in k. For folded
// text this is necessary for a fuzzy match, and sufficient when both are
// ASCII.
func hasByteSubseq(k, p string) bool {
	if len(p) == 0 {
		return true
	}
	pi := 0
	for i := 0; i < len(k); i++ { // fields are short: a loop beats IndexByte
		if k[i] == p[pi] {
			pi++
			if pi == len(p) {
				return true
			}
		}
	}
	return false
}

// bestField is scan's reference: it scores every field of p (only ≥ 0:
// just that one) with fuzzyScore and keeps the best, earlier fields winning
// ties.
func (t *Term) bestField(p *Posting, only int) (field, score int, ok bool) {
	field = -1
	n := fieldKeywords + len(p.Keywords)
	for f := range n {
		if only >= 0 && f != only {
			continue
		}
		sc, m := fuzzyScore(t.runes, fieldText(p, f), nil)
		if m && (field < 0 || sc > score) {
			field, score = f, sc
		}
	}
	return field, score, field >= 0
}

// fieldText returns the text of field f of p ("" when p has no such field).
func fieldText(p *Posting, f int) string {
	switch f {
	case fieldTitle:
		return p.Title
	case fieldCompany:
		return p.Company
	case fieldLocation:
		return p.Location
	}
	if k := f - fieldKeywords; k >= 0 && k < len(p.Keywords) {
		return p.Keywords[k]
	}
	return ""
}

// fuzzyScoreASCII is fuzzyScore for an ASCII string s, given with its
// folded form folded (same length), and a non-empty ASCII folded pattern
// pf: the same score and verdict, without decoding runes.
func fuzzyScoreASCII(pf, s, folded string) (int, bool) {
	folded = folded[:len(s)]
	total, nMatched, lastMatch := 0, 0, -1
	pi := 0
	bestScore, matchedIndex := -1, -1
	currAdjacent := 0
	var last byte
	last1 := len(pf) - 1
	for j := 0; j < len(s); j++ {
		cand := s[j]
		if folded[j] == pf[pi] {
			score := 0
			if j == 0 {
				score += firstCharMatchBonus
			}
			if 'a' <= last && last <= 'z' && 'A' <= cand && cand <= 'Z' {
				score += camelCaseMatchBonus
			}
			if j != 0 && isSeparator(rune(last)) {
				score += matchFollowingSeparatorBonus
			}
			if nMatched > 0 {
				bonus := 0
				if j-1 == lastMatch {
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
		apply := j+1 == len(s)
		if !apply && pi < last1 {
			apply = folded[j+1] == pf[pi+1]
		}
		if apply && matchedIndex > -1 {
			if nMatched == 0 {
				bestScore += max(matchedIndex*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
			}
			total += bestScore
			nMatched++
			lastMatch = matchedIndex
			bestScore = -1
			if pi < last1 {
				pi++
			}
		}
		last = cand
	}
	return total + nMatched - len(s), nMatched == len(pf)
}
