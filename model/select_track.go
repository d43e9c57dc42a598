package model

// TrackedEntries returns the store's entries for `jobdeck stats` and `due`:
// every entry when ps is nil; otherwise only those of the postings in ps,
// with the posting's title, company and URL (fresher than the snapshot).
// A nil store has no entries.
func TrackedEntries(ps []*Posting, st *Store) map[string]Entry {
	entries := st.Entries()
	if ps == nil {
		return entries
	}
	out := make(map[string]Entry, len(ps))
	for _, p := range ps {
		if p == nil {
			continue
		}
		e, ok := entries[p.ID]
		if !ok {
			continue
		}
		e.Title, e.Company, e.URL = p.Title, p.Company, p.URL
		out[p.ID] = e
	}
	return out
}
