package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseTags splits what the user typed into tags: commas and white space
// separate tags, each is trimmed, empty ones are dropped, and a tag that
// repeats an earlier one (compared case-insensitively) is dropped. Tags keep
// the user's spelling and order ("Remote, go go" gives [Remote go]). It never
// returns control characters.
func ParseTags(s string) []string {
	return normalizeTags(strings.FieldsFunc(s, isTagSeparator))
}

// normalizeTags cleans a tag list the way ParseTags does: a tag holding a
// comma or space is split, empty and repeated tags are dropped. The result
// is nil when no tag remains. It takes time linear in the tags' length.
func normalizeTags(tags []string) []string {
	if tagsClean(tags) {
		return tags
	}
	var out []string
	seen := tagSet{}
	for _, t := range tags {
		t = strings.ToValidUTF8(t, "\uFFFD")
		for _, f := range strings.FieldsFunc(t, isTagSeparator) {
			if seen.add(f) {
				out = append(out, f)
			}
		}
	}
	return out
}

func isTagSeparator(r rune) bool {
	return r == ',' || unicode.IsSpace(r) || isStateControl(r)
}

// tagsClean is the fast path of normalizeTags: a short list of valid tags
// without separators or repeats, the usual case, is kept as it is.
func tagsClean(tags []string) bool {
	if len(tags) == 0 || len(tags) > 8 {
		return false // none is nil; many go through the set
	}
	for i, t := range tags {
		if t == "" || !utf8.ValidString(t) || strings.IndexFunc(t, isTagSeparator) >= 0 {
			return false
		}
		for _, o := range tags[:i] {
			if sameTag(o, t) {
				return false
			}
		}
	}
	return true
}

// tagSet remembers tags by their case-folded form (see sameTag); the first
// few are compared directly, which is faster than folding.
type tagSet struct {
	few  []string
	many map[string]struct{}
}

// add adds t and reports whether it was new.
func (s *tagSet) add(t string) bool {
	if s.many == nil {
		for _, o := range s.few {
			if sameTag(o, t) {
				return false
			}
		}
		if len(s.few) < 16 {
			s.few = append(s.few, t)
			return true
		}
		s.many = make(map[string]struct{}, 32)
		for _, o := range s.few {
			s.many[foldTag(o)] = struct{}{}
		}
	}
	k := foldTag(t)
	if _, dup := s.many[k]; dup {
		return false
	}
	s.many[k] = struct{}{}
	return true
}

// foldTag maps t to one spelling per class of sameTag: every rune becomes
// the smallest rune of its simple case-folding orbit, which is what
// strings.EqualFold compares.
func foldTag(t string) string {
	ascii, lower := true, false
	for i := 0; i < len(t); i++ {
		ascii = ascii && t[i] < utf8.RuneSelf
		lower = lower || 'a' <= t[i] && t[i] <= 'z'
	}
	if ascii { // the smallest of an ASCII letter's orbit is its upper case
		if !lower {
			return t
		}
		return strings.ToUpper(t)
	}
	var b strings.Builder
	b.Grow(len(t))
	for _, r := range t {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		b.WriteRune(m)
	}
	return b.String()
}

// sameTag reports whether two tags name the same thing: tags compare
// case-insensitively.
func sameTag(a, b string) bool {
	return strings.EqualFold(a, b)
}
