package model

import "slices"

// merge3 merges one posting's entry field by field: base is the entry as
// this store last read or wrote it, mine is this store's unsaved entry and
// theirs is what the file holds now. A field only one side changed takes
// that side's value, so two jobdecks that change different fields of the
// same posting (one the note, the other the shortlist) both keep their
// change. Only a field both sides changed is decided by Updated: the newer
// entry wins it. Stage histories are merged as sets (see mergeHistory). The snapshot (title, company, url) is mine, the freshest
// sight of the posting, where I have one; unknown fields are theirs.
func merge3(base, mine, theirs Entry) Entry {
	theirsNewer := theirs.Updated.After(mine.Updated)
	out := theirs.clone()
	switch {
	case mine.Shortlisted == base.Shortlisted:
	case theirs.Shortlisted == base.Shortlisted || !theirsNewer:
		out.Shortlisted = mine.Shortlisted
	}
	switch {
	case slices.Equal(mine.Tags, base.Tags):
	case slices.Equal(theirs.Tags, base.Tags) || !theirsNewer:
		out.Tags = slices.Clone(mine.Tags)
	}
	switch {
	case mine.Note == base.Note:
	case theirs.Note == base.Note || !theirsNewer:
		out.Note = mine.Note
	}
	mergeTrack(&out, base, mine, theirs, theirsNewer)
	if mine.Title != "" || mine.Company != "" || mine.URL != "" {
		out.Title, out.Company, out.URL = mine.Title, mine.Company, mine.URL
	}
	if mine.Updated.After(out.Updated) {
		out.Updated = mine.Updated
	}
	return out
}
