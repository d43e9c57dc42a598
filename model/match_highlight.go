package model

import (
	"slices"
	"unicode/utf8"
)

// MetaSep joins company and location in MetaLine.
const MetaSep = " · "

// MetaLine returns the second line of a list row as far as highlights go:
// company and location joined by MetaSep, a missing one left out with its
// separator. The UI may append more (a relative date) after it.
func MetaLine(p *Posting) string {
	switch {
	case p.Company == "":
		return p.Location
	case p.Location == "":
		return p.Company
	}
	return p.Company + MetaSep + p.Location
}

// Highlights returns the positions to highlight for p: rune indexes into
// p.Title and into MetaLine(p), ascending and without duplicates. Each
// positive text term contributes the runes sahilm/fuzzy matched in the shown
// field (title, company or location; the one its scope names, if any) where
// it scores best, earlier fields winning ties, even when a keyword scored
// higher. A term matching no shown field, and tag:, is: and negated terms,
// contribute nothing.
// Indexes count runes (code points), not bytes and not grapheme clusters:
// a combining mark is a rune of its own.
func (q Query) Highlights(p *Posting) (title, meta []int) {
	q = q.prepared()
	for ti := range q.Terms {
		t := &q.Terms[ti]
		if t.Negate || t.Scope.readsState() || !t.Scope.fuzzy() || t.Scope == ScopeType {
			continue
		}
		field := t.onlyField()
		if field < 0 {
			field = t.bestShownField(p)
		}
		if field < 0 {
			continue
		}
		text := fieldText(p, field)
		var pos []int
		if _, ok := fuzzyScore(t.runes, text, &pos); !ok {
			continue
		}
		pos = byteToRuneIndexes(text, pos)
		switch field {
		case fieldTitle:
			title = append(title, pos...)
		case fieldCompany:
			meta = append(meta, pos...)
		case fieldLocation:
			off := 0
			if p.Company != "" {
				off = utf8.RuneCountInString(p.Company) + utf8.RuneCountInString(MetaSep)
			}
			for _, r := range pos {
				meta = append(meta, off+r)
			}
		}
	}
	return sortedUnique(title), sortedUnique(meta)
}

// sortedUnique sorts xs and drops duplicates, in place.
func sortedUnique(xs []int) []int {
	slices.Sort(xs)
	return slices.Compact(xs)
}

// bestShownField returns the field among title, company and location where
// t scores best, earlier fields winning ties, or -1 when none matches.
func (t *Term) bestShownField(p *Posting) int {
	best, bestScore := -1, 0
	for f := fieldTitle; f <= fieldLocation; f++ {
		if sc, ok := fuzzyScore(t.runes, fieldText(p, f), nil); ok && (best < 0 || sc > bestScore) {
			best, bestScore = f, sc
		}
	}
	return best
}
