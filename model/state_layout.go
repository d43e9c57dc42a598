package model

import (
	"errors"
	"fmt"
	"maps"
	"slices"
)

// stateLayout is where each posting sits in the bytes of a large state
// file, so that a save of a few changes can splice their new encodings into
// the file as it was instead of encoding every posting again.
type stateLayout struct {
	raw   []byte
	spans []postingSpan // in file order
	end   int           // offset of the '}' that closes "postings"
	empty bool          // "postings" has no member
}

// postingSpan is where posting id's value (its object) sits in raw.
type postingSpan struct {
	id         string
	start, end int
}

// errNoLayout means there is no layout to splice into (a small file, or
// one where a posting appears twice); the caller encodes the whole file.
var errNoLayout = errors.New("no usable layout")

// splice returns the file with each posting in changes (id → its entry)
// encoded in place of its old value, new ones added at the end of
// "postings", and the layout of the result. Each new encoding is checked
// to read back; the rest of the file is the bytes that read back before.
func (l *stateLayout) splice(changes map[string]Entry) (*stateLayout, error) {
	if l == nil {
		return nil, errNoLayout
	}
	type edit struct {
		span  int // index in spans
		piece []byte
	}
	var edits []edit
	found := make(map[string]bool, len(changes))
	for i, sp := range l.spans {
		if e, ok := changes[sp.id]; ok {
			found[sp.id] = true
			piece, err := encodeEntryChecked(sp.id, e)
			if err != nil {
				return nil, err
			}
			edits = append(edits, edit{i, piece})
		}
	}
	out := &stateLayout{spans: slices.Clone(l.spans), empty: l.empty}
	b := make([]byte, 0, len(l.raw)+len(l.raw)/64+1024)
	prev, delta, next := 0, 0, 0
	for i := range out.spans {
		sp := &out.spans[i]
		if next < len(edits) && edits[next].span == i {
			b = append(b, l.raw[prev:sp.start]...)
			start := len(b)
			b = append(b, edits[next].piece...)
			prev = sp.end
			delta += len(edits[next].piece) - (sp.end - sp.start)
			sp.start, sp.end = start, len(b)
			next++
			continue
		}
		sp.start += delta
		sp.end += delta
	}
	insertAt := l.end // after the last member, or inside the empty braces
	if !l.empty && len(l.spans) > 0 {
		insertAt = l.spans[len(l.spans)-1].end
	}
	b = append(b, l.raw[prev:insertAt]...)
	wasEmpty := out.empty
	for _, id := range slices.Sorted(maps.Keys(changes)) {
		if found[id] {
			continue
		}
		piece, err := encodeEntryChecked(id, changes[id])
		if err != nil {
			return nil, err
		}
		if !out.empty {
			b = append(b, ',')
		}
		out.empty = false
		b = append(b, '\n')
		b = appendJSONString(b, id)
		b = append(b, ':')
		out.spans = append(out.spans, postingSpan{id: id, start: len(b), end: len(b) + len(piece)})
		b = append(b, piece...)
	}
	if wasEmpty && !out.empty {
		b = append(b, '\n')
	}
	out.end = len(b) + l.end - insertAt
	out.raw = append(b, l.raw[insertAt:]...)
	return out, nil
}

// encodeEntryChecked encodes e and checks that it decodes again.
func encodeEntryChecked(id string, e Entry) ([]byte, error) {
	piece := appendEntry(nil, e)
	sc := jsonScanner{data: piece}
	e, bad, err := decodeEntry(&sc)
	if err == nil {
		err = sc.end()
	}
	if err == nil {
		err = bad
	}
	if err == nil {
		err = resolveTrack(&e, StateVersion)
	}
	if err != nil {
		return nil, fmt.Errorf("posting %q would not read back: %w", id, err)
	}
	return piece, nil
}
