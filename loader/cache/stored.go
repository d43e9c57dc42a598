package cache

import (
	"container/heap"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// runBytes is how many bytes of entries a [storedLog] gathers before it
// sorts them and writes them out as one run.
const runBytes = 4 << 20

// storedLog holds the entries stored during a load until the cache file is
// written: encoded as the file encodes them (see [appendEntry]), in runs
// sorted by path that go to a spill file in the cache's folder, or stay in
// memory when that file cannot be made or written. A first launch on a
// million files stores ~300 MB of entries; held in memory, as strings in a
// map, they took ~540 MB beside the postings and made the collector mark
// them over and over while the load went on. The write merges the runs
// ([storedLog.sorted]).
//
// Its methods are called with the Cache's mutex held, except
// [pendingRun.write], which does the sorting and the I/O.
type storedLog struct {
	dir, base string   // where the spill file is made, and its name's start
	cur       []byte   // entries not in a run yet
	spans     []span   // where each entry of cur is
	runs      []run    // the runs written
	seq       int      // runs begun
	f         *os.File // the spill file; nil before the first run is written
	size      int64    // bytes of f given to runs
	noFile    bool     // the spill file could not be made: runs stay in memory
	free      [][]byte // buffers of runs written to f, for the next ones
}

// span is where one encoded entry is in a run's buffer.
type span struct{ off, n uint32 }

// run is entries sorted by path: b when held in memory, else n bytes of
// the spill file from at. seq orders runs by when they were begun, so
// that of two entries for one path the one stored later wins.
type run struct {
	seq   int
	b     []byte
	at, n int64
}

// pendingRun is a run taken from a storedLog, to be sorted and written
// without the Cache's mutex ([pendingRun.write]), then given back with
// [storedLog.done].
type pendingRun struct {
	log      *storedLog
	seq      int
	b, out   []byte
	spans    []span
	f        *os.File // nil: keep it in memory
	at       int64
	written  run
	reusable [][]byte
}

// newStoredLog returns an empty log whose spill file, if one is needed,
// is made beside the cache file name.
func newStoredLog(name string) *storedLog {
	return &storedLog{dir: filepath.Dir(name), base: filepath.Base(name)}
}

// add appends rec, one encoded entry, and returns the run to write when
// enough entries have gathered (nil otherwise).
func (l *storedLog) add(rec []byte) *pendingRun {
	if l.cur == nil {
		l.cur = l.buffer()
	}
	l.spans = append(l.spans, span{uint32(len(l.cur)), uint32(len(rec))})
	l.cur = append(l.cur, rec...)
	if len(l.cur) < runBytes {
		return nil
	}
	return l.take()
}

// take returns what gathered as a run to write, or nil when nothing did.
func (l *storedLog) take() *pendingRun {
	if len(l.spans) == 0 {
		return nil
	}
	p := &pendingRun{log: l, seq: l.seq, b: l.cur, spans: l.spans, out: l.buffer()}
	l.seq++
	l.cur, l.spans = nil, nil
	if f := l.file(); f != nil {
		p.f, p.at = f, l.size
		l.size += int64(len(p.b))
	}
	return p
}

// buffer returns room for a run.
func (l *storedLog) buffer() []byte {
	if n := len(l.free); n > 0 {
		b := l.free[n-1]
		l.free = l.free[:n-1]
		return b[:0]
	}
	return make([]byte, 0, runBytes+runBytes/8)
}

// file returns the spill file, making it on first use; nil when it cannot
// be made. Where the system allows, its name is removed at once, so that
// nothing is left behind whatever happens to the process; elsewhere the
// name (a temporary file's, see tmpInfix) is removed when the log is
// closed, or by removeUnused a day later.
func (l *storedLog) file() *os.File {
	if l.f != nil || l.noFile {
		return l.f
	}
	if err := os.MkdirAll(l.dir, 0o700); err != nil {
		l.noFile = true
		return nil
	}
	f, err := os.CreateTemp(l.dir, l.base+tmpInfix+"stored-*")
	if err != nil {
		l.noFile = true
		return nil
	}
	os.Remove(f.Name())
	l.f = f
	return f
}

// write sorts the run's entries by path (those of one path in the order
// stored) and writes them to the spill file, or keeps them in memory when
// there is no spill file or the write fails.
func (p *pendingRun) write() {
	b := p.b
	slices.SortStableFunc(p.spans, func(x, y span) int { return strings.Compare(pathAt(b, x), pathAt(b, y)) })
	out := p.out
	for i, s := range p.spans {
		if i+1 < len(p.spans) && pathAt(b, p.spans[i+1]) == pathAt(b, s) {
			continue // stored again later in the run
		}
		out = append(out, b[s.off:s.off+s.n]...)
	}
	p.written = run{seq: p.seq, b: out}
	p.reusable = [][]byte{b}
	if p.f == nil {
		return
	}
	if _, err := p.f.WriteAt(out, p.at); err != nil {
		return
	}
	p.written = run{seq: p.seq, at: p.at, n: int64(len(out))}
	p.reusable = append(p.reusable, out)
}

// done adds the run p, written, to the log.
func (l *storedLog) done(p *pendingRun) {
	l.runs = append(l.runs, p.written)
	l.free = append(l.free, p.reusable...)
}

// finish makes a run, in memory, of the entries not in one yet.
func (l *storedLog) finish() {
	if p := l.take(); p != nil {
		p.f = nil
		p.write()
		l.done(p)
	}
}

// close lets go of the log's spill file.
func (l *storedLog) close() {
	if l != nil && l.f != nil {
		l.f.Close()
		os.Remove(l.f.Name()) // removed already where the system allows
		l.f = nil
	}
}

// pathAt returns the path of the entry at s in b, which starts with it.
func pathAt(b []byte, s span) string {
	e := b[s.off : s.off+s.n]
	n, k := binary.Uvarint(e)
	if k <= 0 || uint64(len(e)-k) < n {
		return "" // never: the log encoded it
	}
	return stringOf(e[k : k+int(n)])
}

// appendEntry encodes e as the cache file does, and as decodeEntry reads.
func appendEntry(b []byte, e *entry) []byte {
	b = appendString(b, e.path)
	b = binary.AppendVarint(b, e.size)
	b = binary.AppendVarint(b, e.mtime)
	b = binary.AppendVarint(b, e.ctime)
	b = binary.AppendUvarint(b, e.dev)
	b = binary.AppendUvarint(b, e.ino)
	b = binary.AppendUvarint(b, uint64(e.seen))
	b = appendString(b, e.blob)
	return appendString(b, e.aux)
}

// decodeEntry reads one entry that appendEntry wrote at the start of r's
// string; its strings are substrings of it.
func decodeEntry(r *reader) entry {
	e := entry{path: r.string()}
	e.size, e.mtime, e.ctime = r.varint(), r.varint(), r.varint()
	e.dev, e.ino = r.uvarint(), r.uvarint()
	seen := r.uvarint()
	e.blob = r.string()
	e.aux = r.string()
	if seen > 1<<32-1 {
		r.fail()
	}
	e.seen = uint32(seen)
	return e
}

// sorted returns the log's entries in path order, one a path (the one
// stored last), for a write. Read errors stick in the iterator's err, and
// the write must then fail.
func (l *storedLog) sorted() *storedIter {
	it := &storedIter{}
	if l == nil {
		return it
	}
	for _, r := range l.runs {
		c := &runCursor{run: r, f: l.f}
		if c.advance(); c.err != nil {
			it.err = c.err
		} else if c.ok {
			it.h = append(it.h, c)
		}
	}
	heap.Init(&it.h)
	return it
}

// storedIter merges the runs of a storedLog.
type storedIter struct {
	h    cursorHeap
	last *runCursor // whose entry peek handed out, to advance on next
	err  error
}

// peek returns the next entry, or nil when there is none (or a read
// failed: see err). It stays valid until next.
func (it *storedIter) peek() *entry {
	if it == nil || it.err != nil || len(it.h) == 0 {
		return nil
	}
	return &it.h[0].e
}

// next moves past the entry peek returns, and past every other entry for
// its path (stored earlier).
func (it *storedIter) next() {
	if it.peek() == nil {
		return
	}
	path := strings.Clone(it.h[0].e.path)
	for len(it.h) > 0 && it.h[0].e.path == path {
		c := it.h[0]
		if c.advance(); c.err != nil {
			it.err = c.err
			return
		}
		if c.ok {
			heap.Fix(&it.h, 0)
		} else {
			heap.Pop(&it.h)
		}
	}
}

// runCursor reads one run in order: e is its current entry (ok), whose
// strings point into buf.
type runCursor struct {
	run
	f   *os.File
	buf []byte // bytes of the run from pos−len(buf)+i on
	i   int    // where in buf the next entry starts
	pos int64  // how far the run was read
	e   entry
	ok  bool
	err error
}

// cursorBytes is how much of a run in the spill file a cursor reads at
// a time.
const cursorBytes = 64 << 10

// advance moves to the run's next entry; at the run's end ok is false.
func (c *runCursor) advance() {
	c.ok = false
	if c.b != nil {
		if c.i >= len(c.b) {
			return
		}
		r := &reader{s: stringOf(c.b), i: c.i}
		c.e = decodeEntry(r)
		c.i, c.ok, c.err = r.i, r.err == nil, r.err
		return
	}
	for {
		if c.i < len(c.buf) {
			if c.fromBuf() {
				return
			}
		}
		if c.pos >= c.n {
			if c.i < len(c.buf) {
				c.err = fmt.Errorf("%w: an entry stored while loading", errDamaged)
			}
			return
		}
		if !c.fill() {
			return
		}
	}
}

// fromBuf decodes the entry at c.i when buf holds all of it.
func (c *runCursor) fromBuf() bool {
	r := &reader{s: stringOf(c.buf), i: c.i}
	e := decodeEntry(r)
	if r.err != nil {
		return false // cut off by the buffer's end, or damaged: read more
	}
	c.e, c.i, c.ok = e, r.i, true
	return true
}

// fill reads more of the run after what is left of buf, into the same
// buffer when it is big enough: the entry before, which may point into
// it, is no longer needed once the cursor moves on.
func (c *runCursor) fill() bool {
	rest := c.buf[c.i:]
	size := max(cursorBytes, 2*len(rest))
	nb := c.buf[:cap(c.buf)]
	if len(nb) < size {
		nb = make([]byte, size)
	}
	copy(nb, rest)
	n := min(int64(len(nb)-len(rest)), c.n-c.pos)
	got, err := c.f.ReadAt(nb[len(rest):len(rest)+int(n)], c.at+c.pos)
	if int64(got) < n {
		c.err = fmt.Errorf("reading the entries stored while loading: %w", err)
		return false
	}
	c.buf, c.i, c.pos = nb[:len(rest)+int(n)], 0, c.pos+n
	return true
}

// cursorHeap orders cursors by their entry's path, the later run first
// for one path.
type cursorHeap []*runCursor

func (h cursorHeap) Len() int { return len(h) }
func (h cursorHeap) Less(i, j int) bool {
	if c := strings.Compare(h[i].e.path, h[j].e.path); c != 0 {
		return c < 0
	}
	return h[i].seq > h[j].seq
}
func (h cursorHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *cursorHeap) Push(x any)   { *h = append(*h, x.(*runCursor)) }
func (h *cursorHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}
