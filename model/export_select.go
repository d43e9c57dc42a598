package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Selection says which postings an export (or `list --shortlist`, `--tag`,
// `--stage`, `--due`) takes. The zero value is the shortlist. Tag, Stage
// and Due together take the postings that satisfy each one given.
type Selection struct {
	// All takes every loaded posting, plus the store's non-empty entries
	// whose postings are not loaded.
	All bool
	// Tag, when set, takes the postings with this tag (compared
	// case-insensitively). It wins over All, as Stage and Due do.
	Tag string
	// Stage, when not StageNone, takes the postings in this stage.
	Stage Stage
	// Due takes the postings whose follow-up is on the day of Now (in
	// Now's location) or earlier.
	Due bool
	Now time.Time
}

// filters reports whether sel names postings by tag, stage or follow-up.
func (sel Selection) filters() bool {
	return sel.Tag != "" || sel.Stage != StageNone || sel.Due
}

// Title names what the selection exports, for a document heading:
// "Shortlist", "Postings", "Tagged “NAME”", "Stage applied", "Follow-ups
// due", or those joined with " · ".
func (sel Selection) Title() string {
	var parts []string
	if sel.Tag != "" {
		parts = append(parts, "Tagged “"+stateLine(sel.Tag)+"”")
	}
	if sel.Stage != StageNone {
		parts = append(parts, "Stage "+sel.Stage.String())
	}
	if sel.Due {
		parts = append(parts, "Follow-ups due")
	}
	switch {
	case len(parts) > 0:
		return strings.Join(parts, " · ")
	case sel.All:
		return "Postings"
	}
	return "Shortlist"
}

// Matches reports whether a loaded posting whose entry is e (the zero Entry
// when it has none) belongs to the selection.
func (sel Selection) Matches(e Entry) bool {
	switch {
	case sel.filters():
		return (sel.Tag == "" || e.HasTag(strings.TrimSpace(sel.Tag))) &&
			(sel.Stage == StageNone || e.Stage == sel.Stage) &&
			(!sel.Due || e.FollowUpDue(sel.Now))
	case sel.All:
		return true
	}
	return e.Shortlisted
}

// matchesMissing is Matches for an entry whose posting is not loaded: only
// entries that hold something are exported.
func (sel Selection) matchesMissing(e Entry) bool {
	return !e.Empty() && sel.Matches(e)
}

// SelectPostings returns the loaded postings of ps that belong to sel, in
// their order: what `jobdeck list --shortlist` and `--tag NAME` print. A nil
// store has no entries.
func SelectPostings(ps []*Posting, st *Store, sel Selection) []*Posting {
	entries := st.Entries()
	var out []*Posting
	for _, p := range ps {
		if p == nil {
			continue
		}
		if sel.Matches(entries[p.ID]) {
			out = append(out, p)
		}
	}
	return out
}

// SelectForExport returns what an export of sel writes: the loaded postings
// of ps that belong to sel, in their order, then the store's entries that
// belong to sel but whose posting is not in ps, marked Missing and built
// from their snapshot, sorted by title, company and id. A posting listed
// twice in ps is taken once.
func SelectForExport(ps []*Posting, st *Store, sel Selection) []ExportItem {
	entries := st.Entries()
	seen := make(map[string]bool, len(ps))
	var out []ExportItem
	for _, p := range ps {
		if p == nil || seen[p.ID] {
			continue
		}
		seen[p.ID] = true
		e := entries[p.ID]
		if sel.Matches(e) {
			out = append(out, ExportItem{Posting: p, Entry: e})
		}
	}
	var missing []ExportItem
	for id, e := range entries {
		if seen[id] || !sel.matchesMissing(e) {
			continue
		}
		p := &Posting{ID: id, Title: e.Title, Company: e.Company, URL: e.URL}
		missing = append(missing, ExportItem{Posting: p, Entry: e, Missing: true})
	}
	slices.SortFunc(missing, func(a, b ExportItem) int {
		return cmp.Or(
			cmp.Compare(strings.ToLower(a.Posting.Title), strings.ToLower(b.Posting.Title)),
			cmp.Compare(strings.ToLower(a.Posting.Company), strings.ToLower(b.Posting.Company)),
			cmp.Compare(a.Posting.ID, b.Posting.ID),
		)
	})
	return append(out, missing...)
}
