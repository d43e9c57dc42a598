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
// positive text term contributes the runes it matched in the field where it
// scored best (the same field Filter ranked it by); a term whose best field
// is a keyword, or a tag:/is: or negated term, contributes nothing.
// Indexes count runes (code points), not bytes and not grapheme clusters:
// a combining mark is a rune of its own.
func (q Query) Highlights(p *Posting) (title, meta []int) {
	q = q.prepared()
	for ti := range q.Terms {
		t := &q.Terms[ti]
		if t.Negate || t.Scope == ScopeTag || t.Scope == ScopeShortlisted {
			continue
		}
		field, _, _ := t.bestField(p, t.onlyField())
		if field < fieldTitle || field > fieldLocation {
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
