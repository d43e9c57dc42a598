package model

import (
	"strings"
	"unicode"
)

// ParseTags splits what the user typed into tags: commas and white space
// separate tags, each is trimmed, empty ones are dropped, and a tag that
// repeats an earlier one (compared case-insensitively) is dropped. Tags keep
// the user's spelling and order ("Remote, go go" gives [Remote go]). It never
// returns control characters.
func ParseTags(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || unicode.IsSpace(r) || isStateControl(r)
	})
	return normalizeTags(fields)
}

// normalizeTags cleans a tag list the way ParseTags does: a tag holding a
// comma or space is split, empty and repeated tags are dropped. The result
// is nil when no tag remains.
func normalizeTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		t = strings.ToValidUTF8(t, "\uFFFD")
		for _, f := range strings.FieldsFunc(t, func(r rune) bool {
			return r == ',' || unicode.IsSpace(r) || isStateControl(r)
		}) {
			dup := false
			for _, o := range out {
				if sameTag(o, f) {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, f)
			}
		}
	}
	return out
}

// sameTag reports whether two tags name the same thing: tags compare
// case-insensitively.
func sameTag(a, b string) bool {
	return strings.EqualFold(a, b)
}
