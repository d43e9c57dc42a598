package loader

import (
	"encoding/binary"

	"github.com/jobdeck/jobdeck/model"
)

// maxCachedRecords is the most postings a file of many postings may hold
// for the parse cache to keep them: a cache entry is read and decoded
// whole before its first posting is handed out, where parsing the file
// streams its postings as it goes.
const maxCachedRecords = 100_000

// records is readRecords with the cache: the postings of a file of many
// postings (a JSON array, JSON Lines, a CSV) come from the cache when its
// key is known, else from reading it, and are then stored, with where
// each record sits in the file (see recordsAux), when the read gave
// postings and nothing else: a file with records that are not postings,
// or that stopped early, is read again on every load, so its skip lines
// are told every time.
func (h *cacheHook) records(j job, opts Options, kind recordKind, dh dirHandle, emit func(result) bool, more func()) {
	k, ok := h.key(j, dh)
	if !ok {
		readRecords(j, opts, kind, emit, more)
		return
	}
	if e, ok := h.c.Lookup(k); ok {
		if cr, ok := recordsFromCache(j, opts, kind, e); ok {
			for i := range e.Len() {
				if i > 0 {
					more()
				}
				if !emit(cr.next()) {
					return
				}
			}
			return
		}
	}
	var got []*model.Posting
	clean, stopped := true, false
	readRecords(j, opts, kind, func(r result) bool {
		switch {
		case r.skip != nil || len(got) == maxCachedRecords:
			clean = false
		case clean:
			q := *r.p // the consumer owns r.p once it is sent
			got = append(got, &q)
		}
		if !emit(r) {
			stopped = true
			return false
		}
		return true
	}, more)
	if !clean || stopped {
		return
	}
	if aux, ok := recordsAux(kind, got); ok {
		if ps, ok := toCache(j, got); ok {
			h.c.Store(k, ps, aux)
		}
	}
}

// recordsAux is the cache's note of the records ps of one file of the
// given kind: the kind, the CSV header (its size and keys; none for
// JSON), then each record's offset and length. ok is false when the
// postings are not all records of one [recordSource] of that kind.
func recordsAux(kind recordKind, ps []*model.Posting) ([]byte, bool) {
	if len(ps) == 0 {
		return nil, false
	}
	first, ok := ps[0].Source.(*recordFile)
	if !ok || first.kind != kind {
		return nil, false
	}
	src := first.recordSource
	b := []byte{byte(kind)}
	if src.head == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = binary.AppendVarint(b, src.head.size)
		b = binary.AppendUvarint(b, uint64(len(src.head.keys)))
		for _, key := range src.head.keys {
			b = binary.AppendUvarint(b, uint64(len(key)))
			b = append(b, key...)
		}
	}
	for _, p := range ps {
		rf, ok := p.Source.(*recordFile)
		if !ok || rf.recordSource != src {
			return nil, false
		}
		b = binary.AppendVarint(b, rf.off)
		b = binary.AppendVarint(b, rf.n)
	}
	return b, true
}

// cachedRecords are the cached postings of one file of many postings,
// checked against their aux note, with the place of each record in the
// file. next takes them from the entry one by one, so that each one is
// decoded and made whole just before the collector reads it.
type cachedRecords struct {
	j     job
	e     CacheEntry
	files []recordFile // files[i] is the place of the i-th posting
	i     int          // postings handed out
	paths stringSlab
}

// recordsFromCache checks the cache entry e of j's file against its aux
// note (see recordsAux). ok is false when the entry does not fit (another
// kind, a note that does not decode or has another number of records).
func recordsFromCache(j job, opts Options, kind recordKind, e CacheEntry) (*cachedRecords, bool) {
	aux := e.Aux()
	r := auxReader{b: aux}
	if e.Len() == 0 || recordKind(r.byte()) != kind {
		return nil, false
	}
	src := &recordSource{fsys: j.src.FS, name: j.fsPath, kind: kind, al: opts.Aliases.set}
	if r.byte() == 1 {
		h := &csvHeader{size: r.varint()}
		keys := r.uvarint()
		if keys > uint64(len(aux)) {
			return nil, false
		}
		for range keys {
			h.keys = append(h.keys, string(r.bytes(r.uvarint())))
		}
		src.head = h
	}
	if e.Len() > len(r.b)/2 { // each record's place takes two bytes or more
		return nil, false
	}
	files := make([]recordFile, e.Len())
	for i := range files {
		off, n := r.varint(), r.varint()
		if off < 0 || n < 0 {
			return nil, false
		}
		files[i] = recordFile{recordSource: src, off: off, n: n}
	}
	if r.bad || len(r.b) != 0 {
		return nil, false
	}
	return &cachedRecords{j: j, e: e, files: files}, true
}

// next returns the result of the next record: its posting with paths made
// whole and Source the record's place in the file. It must be called at
// most e.Len() times. Unlike a single file's posting (see fromCache), its
// strings stay in the cache's blocks: the records of a file fill whole
// blocks and are kept together, so few bytes are pinned for nothing, and
// copying them cost a third of loading a 100k-element JSON file from the
// cache.
func (c *cachedRecords) next() result {
	p := c.e.Next()
	rel, srel := p.Path, p.SourcePath
	p.Path = c.paths.concat(c.j.display, rel)
	p.SourcePath = p.Path // one string when they are equal, as readRecords gives them
	if c.j.fsPath != c.j.display || srel != rel {
		p.SourcePath = c.paths.concat(c.j.fsPath, srel)
	}
	p.Source = &c.files[c.i]
	c.i++
	return result{p: p}
}

// auxReader reads a cache note; bad is set, and zeros read, once it runs
// short or a number does not decode.
type auxReader struct {
	b   []byte
	bad bool
}

func (r *auxReader) byte() byte {
	if len(r.b) == 0 {
		r.bad = true
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *auxReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *auxReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *auxReader) bytes(n uint64) []byte {
	if n > uint64(len(r.b)) {
		r.bad = true
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}
