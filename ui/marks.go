package ui

// marks are the rune indexes of the matched characters of one row: into
// the posting's Title and into model.MetaLine of it.
type marks struct {
	Title, Meta []int
}
