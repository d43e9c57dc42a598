package loader

// numbered is a chunk with its place in the walk: the walker numbers the
// chunks it hands out 0, 1, 2, … in walk order.
type numbered struct {
	seq   int
	files chunk
}

// part is results a worker sends for the chunk numbered seq, in the
// chunk's order; last marks the chunk's final part (it may be empty). The
// walker's own skips have seq unordered.
type part struct {
	seq  int
	last bool
	rs   []result
}

// unordered is the seq of results whose order does not matter: skips,
// which count but never decide which file of an ID comes first.
const unordered = -1

// partOrder puts the parts of numbered chunks back in walk order. The
// workers finish chunks in any order; the collector keeps, of the files
// that share an ID, the posting it sees first, so seeing them in walk
// order makes that choice the same at every launch (and the full-text
// index's stamp of the posting with it). Parts of the chunk next in line
// pass at once, so one big file streams as it is read; parts of later
// chunks wait for it.
type partOrder struct {
	next int
	held map[int]*heldChunk
}

// heldChunk is what arrived of a chunk that is not next in line yet.
type heldChunk struct {
	parts [][]result
	last  bool
}

// add takes p and returns the results that are now in order, oldest
// first.
func (o *partOrder) add(p part) [][]result {
	if p.seq == unordered {
		return [][]result{p.rs}
	}
	if p.seq != o.next {
		if o.held == nil {
			o.held = map[int]*heldChunk{}
		}
		h := o.held[p.seq]
		if h == nil {
			h = &heldChunk{}
			o.held[p.seq] = h
		}
		h.parts, h.last = append(h.parts, p.rs), p.last
		return nil
	}
	out := [][]result{p.rs}
	if !p.last {
		return out
	}
	for o.next++; ; o.next++ {
		h := o.held[o.next]
		if h == nil {
			return out
		}
		out = append(out, h.parts...)
		delete(o.held, o.next)
		if !h.last {
			return out // its later parts come as the next in line
		}
	}
}

// rest returns what is held, in walk order: the parts of chunks whose
// earlier chunks never ended (the load was stopped).
func (o *partOrder) rest() [][]result {
	var out [][]result
	for len(o.held) > 0 {
		if h := o.held[o.next]; h != nil {
			out = append(out, h.parts...)
			delete(o.held, o.next)
		}
		o.next++
	}
	return out
}
