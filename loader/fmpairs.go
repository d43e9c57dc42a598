package loader

// fmPair is one key of flat frontmatter, read by a hand-written decoder,
// and its value as the full decoder of its language would give it.
type fmPair struct {
	k string
	v any
}

// fmFields is decoded frontmatter: the pairs of flat frontmatter in file
// order (no key twice), or, when a full decoder read it, the map it filled
// (pairs nil).
type fmFields struct {
	pairs []fmPair
	m     map[string]any
}

// value returns the value of key k (as written), nil when there is none.
func (f fmFields) value(k string) any {
	if f.pairs == nil {
		return f.m[k]
	}
	for _, p := range f.pairs {
		if p.k == k {
			return p.v
		}
	}
	return nil
}

// asMap returns the fields as one map, as a full decoder fills it.
func (f fmFields) asMap() map[string]any {
	if f.pairs == nil {
		return f.m
	}
	m := make(map[string]any, len(f.pairs))
	for _, p := range f.pairs {
		m[p.k] = p.v
	}
	return m
}

// values returns the fields for applyFieldsFrom with their keys read by
// al: the pairs that fill a field, in file order, already decoded. Two
// keys that fill one field at one priority (keys that fold alike, such as
// "title" and "Title") are read through the map instead, which settles
// them as it always has.
//
// The list is m's, when m is set: the values of one file are read before
// the next file's are made, on m's goroutine, and nothing keeps them.
func (f fmFields) values(al *aliasSet, m *recordMemo) *recordValues {
	if f.pairs == nil {
		return mapValues(f.m)
	}
	var vals []jsonValue
	if m != nil {
		clear(m.fmValues)
		vals = m.fmValues[:0]
		defer func() { m.fmValues = vals }()
	} else {
		vals = make([]jsonValue, 0, len(f.pairs))
	}
	for _, p := range f.pairs {
		k, fl, prio := fieldOf(p.k, al)
		if fl == fNone {
			continue // applyFieldsFrom passes over it
		}
		for j := range vals {
			if vals[j].f == fl && vals[j].prio == prio {
				return mapValues(f.asMap())
			}
		}
		vals = append(vals, jsonValue{key: k, f: fl, prio: prio, v: p.v, done: true})
	}
	return &recordValues{j: vals}
}

// fieldOf returns normKey(k) and the field it fills by al (fNone when
// none) with its priority, as al.lookup gives them; a built-in key is
// folded on the stack and looked up without allocating.
func fieldOf(k string, al *aliasSet) (string, field, int) {
	var kb [64]byte
	buf, ok := foldKey(kb[:0], bytesOf(k))
	if !ok {
		n := normKey(k)
		f, prio := al.lookup(n)
		return n, f, prio
	}
	if al != nil {
		if a, ok := al.extra[string(buf)]; ok {
			return string(buf), a.f, a.prio
		}
	}
	if kk, ok := knownKeys[string(buf)]; ok && kk.f != fNone {
		return kk.key, kk.f, kk.prio
	}
	return "", fNone, 0
}

// pairIndexAt is how many pairs a pairSet holds before it indexes their
// keys: below, a key is looked for among them one by one.
const pairIndexAt = 16

// pairSet collects the pairs of flat frontmatter and tells a key given
// twice, in time linear in the keys however many there are.
type pairSet struct {
	pairs []fmPair
	index map[string]struct{}
}

// add appends the pair k, v; false (and nothing added) when k is there
// already.
func (s *pairSet) add(k string, v any) bool {
	if s.index != nil {
		if _, dup := s.index[k]; dup {
			return false
		}
		s.index[k] = struct{}{}
		s.pairs = append(s.pairs, fmPair{k, v})
		return true
	}
	for _, p := range s.pairs {
		if p.k == k {
			return false
		}
	}
	s.pairs = append(s.pairs, fmPair{k, v})
	if len(s.pairs) >= pairIndexAt {
		s.index = make(map[string]struct{}, 2*len(s.pairs))
		for _, p := range s.pairs {
			s.index[p.k] = struct{}{}
		}
	}
	return true
}
