package search

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// A phrase of words that are each in half the documents or more is the
// dearest query for FTS5: it checks the positions of every posting that
// holds all the words (about 15 ms of CPU for 50,000 postings). Such a
// phrase is matched in Go instead ([shard.phraseInGo]): its words'
// doclists are read from FTS5's own pages (the fts_data table) in one read
// transaction and their positions compared, for 10–30% less CPU. The
// reader follows the record formats of fts5_index.c (its "Details"
// comment) and FTS5's segment iterator: segments newest first, an entry
// hiding older ones of its rowid, tombstones, lists over several pages,
// merges under way. Anything it does not expect — another FTS5 format
// version, a structure record of another kind, a page that does not
// decode — sends the query back to FTS5, which gives the same rows and
// reports any damage itself.

// errNotPlain reports that the index is in a state the Go phrase reader
// leaves to FTS5.
var errNotPlain = errors.New("search: the index's pages are left to FTS5")

// phraseTokens returns the tokens of q when it is one included phrase
// (several words, no prefix, no excluded term) whose words this package
// tokenizes exactly as FTS5 does: ASCII separators between words that
// [foldWord] folds.
func (q Query) phraseTokens() ([]string, bool) {
	if len(q) != 1 || q[0].Exclude || q[0].Prefix {
		return nil, false
	}
	text := q[0].Words
	var toks []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r < utf8.RuneSelf && !isWordRune(r) }) {
		tok, ok := foldWord(w)
		if !ok {
			return nil, false
		}
		toks = append(toks, tok)
	}
	return toks, len(toks) > 1
}

// ftsVersion is the FTS5 format the reader knows (FTS5_CURRENT_VERSION,
// which a table records in its config table); sqlFTSVersion reads it.
const (
	ftsVersion    = 4
	sqlFTSVersion = `SELECT v FROM fts_config WHERE k = 'version'`
)

// ftsSegment is one segment of an FTS5 structure record.
type ftsSegment struct {
	id, first, last int64
	tombPages       int64
}

// FTS5's record ids (fts5_index.c): the structure record, and the id of a
// segment's leaf page or tombstone page.
const ftsStructureID = 10

func ftsLeafID(seg, pgno int64) int64 { return seg<<37 + pgno }
func ftsTombID(seg, pg int64) int64   { return (seg+1<<16)<<37 + pg }

// ftsVarint decodes an SQLite varint, as [varint], failing on a short
// buffer.
func ftsVarint(b []byte, off int) (int64, int, error) {
	if off < 0 || off >= len(b) {
		return 0, 0, errBadPage
	}
	v, n := varint(b[off:])
	if n == 0 {
		return 0, 0, errBadPage
	}
	return int64(v), off + n, nil
}

// errBadPage is an FTS5 page that does not decode as the reader expects:
// FTS5 is asked instead, and reports any damage itself.
var errBadPage = fmt.Errorf("%w: a page does not decode", errNotPlain)

// readStructure parses the structure record: the segments newest first
// (FTS5 lets the newest entry of a rowid hide older ones).
func readStructure(ctx context.Context, tx *sql.Tx) ([]ftsSegment, error) {
	var rec []byte
	if err := tx.QueryRowContext(ctx, `SELECT block FROM fts_data WHERE id = ?`, ftsStructureID).Scan(&rec); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		}
		return nil, err
	}
	if len(rec) < 8 || !bytes.Equal(rec[4:8], []byte{0xff, 0, 0, 1}) {
		return nil, errNotPlain // not the V2 record of a contentless_delete table
	}
	off := 8
	var nLevel, nSeg int64
	var err error
	if nLevel, off, err = ftsVarint(rec, off); err != nil {
		return nil, err
	}
	if nSeg, off, err = ftsVarint(rec, off); err != nil {
		return nil, err
	}
	if _, off, err = ftsVarint(rec, off); err != nil { // write counter
		return nil, err
	}
	var levels [][]ftsSegment
	for range nLevel {
		var merge, n int64
		if merge, off, err = ftsVarint(rec, off); err != nil {
			return nil, err
		}
		if n, off, err = ftsVarint(rec, off); err != nil {
			return nil, err
		}
		if merge < 0 || merge > n || n < 0 || n > nSeg {
			return nil, errBadPage
		}
		lv := make([]ftsSegment, n)
		for i := range lv {
			var f [8]int64
			for j := range f {
				if f[j], off, err = ftsVarint(rec, off); err != nil {
					return nil, err
				}
			}
			// segid, first and last leaf, origins, tombstone pages and entries, entries
			lv[i] = ftsSegment{id: f[0], first: f[1], last: f[2], tombPages: f[5]}
			if f[1] != 0 && f[2] < f[1] {
				return nil, errBadPage
			}
		}
		levels = append(levels, lv)
	}
	var segs []ftsSegment
	total := 0
	for _, lv := range levels { // level 0 newest; in a level, the last newest
		total += len(lv)
		for i := len(lv) - 1; i >= 0; i-- {
			if lv[i].first != 0 { // 0: emptied by a merge under way
				segs = append(segs, lv[i])
			}
		}
	}
	if int64(total) != nSeg {
		return nil, errBadPage
	}
	return segs, nil
}

// doclist is one word's entries in one segment, or merged, by ascending
// rowid: the position list of entry i is arena[start[i]:end[i]], empty
// for a delete marker or a tombstoned row. The arena holds copies of the
// pages read (a copy of each page instead of one of each list) and the
// lists that span pages.
type doclist struct {
	rowids     []int64
	start, end []int32
	arena      []byte
}

func (d *doclist) pos(i int) []byte { return d.arena[d.start[i]:d.end[i]] }

func (d *doclist) reset() {
	d.rowids, d.start, d.end, d.arena = d.rowids[:0], d.start[:0], d.end[:0], d.arena[:0]
}

func (d *doclist) add(rowid int64, start, end int) {
	d.rowids = append(d.rowids, rowid)
	d.start = append(d.start, int32(start))
	d.end = append(d.end, int32(end))
}

// doclists keeps the lists of past searches for the next: a phrase of
// common words reads megabytes of them, which would otherwise make the
// collector run every few searches.
var doclists = sync.Pool{New: func() any { return new(doclist) }}

// pageCursor reads a segment's leaf pages in order, from a first one,
// into a doclist's arena.
type pageCursor struct {
	rows *sql.Rows
	seg  ftsSegment
	pgno int64 // of the page last read
	dl   *doclist
	base int // where the page last read starts in dl.arena
}

// The reader's statements: a range of a segment's leaf pages; the leaf
// that holds a term if any does (FTS5's own lookup, fts5IdxSelectStmt).
const (
	sqlLeaves   = `SELECT id, block FROM fts_data WHERE id >= ? AND id <= ? ORDER BY id`
	sqlTermPage = `SELECT pgno FROM fts_idx WHERE segid = ? AND term <= ? ORDER BY term DESC LIMIT 1`
)

// phraseStmts are the reader's statements prepared in its transaction.
type phraseStmts struct{ leaves, page *sql.Stmt }

func openCursor(ctx context.Context, leaves *sql.Stmt, seg ftsSegment, pgno int64, dl *doclist) (*pageCursor, error) {
	rows, err := leaves.QueryContext(ctx, ftsLeafID(seg.id, pgno), ftsLeafID(seg.id, seg.last))
	if err != nil {
		return nil, err
	}
	return &pageCursor{rows: rows, seg: seg, pgno: pgno - 1, dl: dl}, nil
}

// next reads the following page and returns its copy in the arena (which
// stays readable as the arena grows; c.base is its offset there).
func (c *pageCursor) next() ([]byte, error) {
	if !c.rows.Next() {
		if err := c.rows.Err(); err != nil {
			return nil, err
		}
		return nil, errBadPage // past the segment's last page
	}
	var id int64
	var b sql.RawBytes
	if err := c.rows.Scan(&id, &b); err != nil {
		return nil, err
	}
	c.pgno++
	if id != ftsLeafID(c.seg.id, c.pgno) || len(b) < 4 || szLeaf(b) < 4 || szLeaf(b) > len(b) {
		return nil, errBadPage
	}
	c.base = len(c.dl.arena)
	c.dl.arena = append(c.dl.arena, b...)
	return c.dl.arena[c.base:len(c.dl.arena):len(c.dl.arena)], nil
}

func (c *pageCursor) close() { c.rows.Close() }

func szLeaf(p []byte) int        { return int(p[2])<<8 | int(p[3]) }
func firstRowidOff(p []byte) int { return int(p[0])<<8 | int(p[1]) }

// firstTerm returns the offset of the first term on a leaf, or len(p)+1
// when it holds none.
func firstTerm(p []byte) (int, error) {
	if len(p) == szLeaf(p) {
		return len(p) + 1, nil
	}
	v, _, err := ftsVarint(p, szLeaf(p))
	return int(v), err
}

// termOffsets returns the offsets of the terms on a leaf, from its footer.
func termOffsets(p []byte) ([]int, error) {
	var out []int
	off, at := szLeaf(p), 0
	for off < len(p) {
		v, next, err := ftsVarint(p, off)
		if err != nil {
			return nil, err
		}
		at += int(v)
		if at < 4 || at >= szLeaf(p) {
			return nil, errBadPage
		}
		out = append(out, at)
		off = next
	}
	return out, nil
}

// readDoclist returns the entries of key (FTS5's key of a token: '0' and
// the token) in the segment, tombstoned rows empty, as FTS5's segment
// iterator reads them (fts5SegIterSeekInit, fts5SegIterNext).
func readDoclist(ctx context.Context, st *phraseStmts, seg ftsSegment, key []byte, tomb map[int64]bool, dl *doclist, scratch *[]byte) error {
	dl.reset()
	var val int64
	err := st.page.QueryRowContext(ctx, seg.id, key).Scan(&val)
	pgno := int64(1)
	switch {
	case err == nil:
		pgno = val >> 1
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	pgno = max(pgno, seg.first)
	if pgno > seg.last {
		return errBadPage
	}
	c, err := openCursor(ctx, st.leaves, seg, pgno, dl)
	if err != nil {
		return err
	}
	defer c.close()
	p, err := c.next()
	if err != nil {
		return err
	}
	terms, err := termOffsets(p)
	if err != nil {
		return err
	}
	// Find key among the page's terms (each but the first shares a prefix
	// with the one before).
	var term []byte
	start, end := -1, 0
	for i, at := range terms {
		keep := int64(0)
		if i > 0 {
			if keep, at, err = ftsVarint(p, at); err != nil {
				return err
			}
		}
		n, at, err := ftsVarint(p, at)
		if err != nil || keep > int64(len(term)) || n < 0 || at+int(n) > szLeaf(p) {
			return errBadPage
		}
		term = append(term[:keep], p[at:at+int(n)]...)
		if c := bytes.Compare(term, key); c == 0 {
			start, end = at+int(n), len(p)+1
			if i+1 < len(terms) {
				end = terms[i+1]
			}
			break
		} else if c > 0 {
			break
		}
	}
	if start < 0 {
		return nil
	}
	off := start
	for off >= szLeaf(p) { // the first rowid is on a following page
		if p, err = c.next(); err != nil {
			return err
		}
		off, end = 4, len(p)+1
	}
	rowid, off, err := ftsVarint(p, off)
	if err != nil {
		return err
	}
	for {
		sz, at, err := ftsVarint(p, off)
		if err != nil {
			return err
		}
		n := int(sz >> 1)
		keep := sz&1 == 0 && (tomb == nil || !tomb[rowid])
		spanned := false
		if at+n <= szLeaf(p) {
			if keep {
				dl.add(rowid, c.base+at, c.base+at+n)
			} else {
				dl.add(rowid, 0, 0)
			}
			off = at + n
		} else { // the list goes on over the following pages, from offset 4
			spanned = true
			*scratch = append((*scratch)[:0], p[at:szLeaf(p)]...)
			for rest := n - (szLeaf(p) - at); rest > 0; {
				if p, err = c.next(); err != nil {
					return err
				}
				k := min(rest, szLeaf(p)-4)
				*scratch = append(*scratch, p[4:4+k]...)
				rest -= k
			}
			if keep {
				s := len(dl.arena)
				dl.arena = append(dl.arena, *scratch...)
				dl.add(rowid, s, len(dl.arena))
			} else {
				dl.add(rowid, 0, 0)
			}
		}
		// The next entry: on this page unless its doclist ends here.
		if !spanned && off < szLeaf(p) {
			if off >= end {
				return nil
			}
			var d int64
			if d, off, err = ftsVarint(p, off); err != nil || d <= 0 {
				return errBadPage
			}
			rowid += d
			continue
		}
		// Else the first rowid of a page, stored whole: that of the page a
		// position list ran onto, or of a following page; a term before
		// any rowid ends the doclist.
		for check := spanned; ; check = false {
			if !check {
				if c.pgno >= seg.last {
					return nil
				}
				if p, err = c.next(); err != nil {
					return err
				}
			}
			if fo := firstRowidOff(p); fo != 0 && fo < szLeaf(p) {
				if rowid, off, err = ftsVarint(p, fo); err != nil {
					return err
				}
				if end, err = firstTerm(p); err != nil {
					return err
				}
				break
			}
			if len(p) > szLeaf(p) {
				return nil
			}
		}
	}
}

// readTombstones returns the rows tombstoned in a segment.
func readTombstones(ctx context.Context, tx *sql.Tx, seg ftsSegment) (map[int64]bool, error) {
	if seg.tombPages == 0 {
		return nil, nil
	}
	out := map[int64]bool{}
	for pg := range seg.tombPages {
		var b []byte
		if err := tx.QueryRowContext(ctx, `SELECT block FROM fts_data WHERE id = ?`, ftsTombID(seg.id, pg)).Scan(&b); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				continue // no tombstones hashed to this page
			}
			return nil, err
		}
		if len(b) < 8 || b[0] != 4 && b[0] != 8 {
			return nil, errBadPage
		}
		size := int(b[0])
		if pg == 0 && b[1] != 0 {
			out[0] = true
		}
		for o := 8; o+size <= len(b); o += size {
			var v uint64
			for _, c := range b[o : o+size] {
				v = v<<8 | uint64(c)
			}
			if v != 0 {
				out[int64(v)] = true
			}
		}
	}
	return out, nil
}

// mergeSegments merges a word's doclists of every segment (newest first)
// into out by ascending rowid, the newest entry of a rowid hiding older
// ones, without the empty (deleted) entries: for segments whose rowids
// overlap (a document written again keeps its rowid).
func mergeSegments(lists []*doclist, out *doclist) {
	var order []*doclist
	for _, l := range lists {
		if len(l.rowids) > 0 {
			order = append(order, l)
		}
	}
	out.reset()
	add := func(l *doclist, i int) {
		if pl := l.pos(i); len(pl) > 0 {
			s := len(out.arena)
			out.arena = append(out.arena, pl...)
			out.add(l.rowids[i], s, len(out.arena))
		}
	}
	at := make([]int, len(order))
	for {
		best := -1 // newest first: a tie goes to the first found
		for k, l := range order {
			if at[k] < len(l.rowids) && (best < 0 || l.rowids[at[k]] < order[best].rowids[at[best]]) {
				best = k
			}
		}
		if best < 0 {
			return
		}
		id := order[best].rowids[at[best]]
		add(order[best], at[best])
		for k, l := range order {
			if at[k] < len(l.rowids) && l.rowids[at[k]] == id {
				at[k]++
			}
		}
	}
}

// posReader decodes a position list: (column << 32 | offset) values,
// ascending (most are one byte: offset deltas under 126).
type posReader struct {
	pl       []byte
	i        int
	col, off int64
}

// next returns the next position; ok is false at the end, err set for a
// list that does not decode.
func (r *posReader) next() (pos int64, ok bool, err error) {
	for r.i < len(r.pl) {
		v := uint64(r.pl[r.i])
		if v < 0x80 {
			r.i++
		} else {
			var n int
			if v, n = varint(r.pl[r.i:]); n == 0 {
				return 0, false, errBadPage
			}
			r.i += n
		}
		switch {
		case v == 1: // a column follows
			c, n := varint(r.pl[r.i:])
			if n == 0 || c > 1<<31 {
				return 0, false, errBadPage
			}
			r.i += n
			r.col, r.off = int64(c)<<32, 0
		case v == 0:
			return 0, false, errBadPage
		default:
			r.off += int64(v) - 2
			return r.col | r.off, true, nil
		}
	}
	return 0, false, nil
}

// decodePositions decodes a position list into out: (column << 32 |
// offset) values, ascending. Values are offset deltas + 2 of one or two
// bytes, mostly, and 1 before a column number. It reports false for a
// list that does not decode.
func decodePositions(pl []byte, out []int64) ([]int64, bool) {
	out = out[:0]
	var col, off int64
	for i := 0; i < len(pl); {
		v := uint64(pl[i])
		switch {
		case v < 0x80:
			i++
		case i+1 < len(pl) && pl[i+1] < 0x80: // deltas up to 16,381
			v = (v&0x7f)<<7 | uint64(pl[i+1])
			i += 2
		default:
			var n int
			if v, n = varint(pl[i:]); n == 0 {
				return out, false
			}
			i += n
		}
		if v >= 2 {
			off += int64(v) - 2
			out = append(out, col|off)
			continue
		}
		if v == 0 {
			return out, false
		}
		c, n := varint(pl[i:]) // v == 1: a column follows
		if n == 0 || c >= 1<<31 {
			return out, false
		}
		i += n
		col, off = int64(c)<<32, 0
	}
	return out, true
}

// phraseBufs are the buffers of [phraseAt]: the positions of each word.
type phraseBufs [][]int64

// phraseAt reports whether position lists pls (one a word of the phrase)
// hold the words one after another in one column.
func phraseAt(pls [][]byte, bufs phraseBufs) (bool, error) {
	// cand: the starts p with word i at p+i for every word so far.
	cand, ok := decodePositions(pls[0], bufs[0])
	bufs[0] = cand
	if !ok {
		return false, errBadPage
	}
	for i := 1; i < len(pls) && len(cand) > 0; i++ {
		next, ok := decodePositions(pls[i], bufs[i])
		bufs[i] = next
		if !ok {
			return false, errBadPage
		}
		k, j, d := 0, 0, int64(i)
		for _, p := range cand {
			for j < len(next) && next[j] < p+d {
				j++
			}
			if j == len(next) {
				break
			}
			if next[j] == p+d {
				cand[k] = p
				k++
			}
		}
		cand = cand[:k]
	}
	return len(cand) > 0, nil
}

// phraseInGo returns the rowids of the documents holding the phrase toks
// (FTS5 tokens), ascending, read from FTS5's pages in one transaction.
// It returns an error wrapping errNotPlain when the index is in a state
// it leaves to FTS5, a page that does not decode included: a decoding
// slip that indexes past a page's end is recovered as errBadPage, so a
// damaged page sends the query to FTS5 (which reports the damage) instead
// of ending the program.
func (ix *shard) phraseInGo(ctx context.Context, toks []string) (rowids []int64, err error) {
	defer func() {
		if e := recover(); e != nil {
			rowids, err = nil, fmt.Errorf("%w (%v)", errBadPage, e)
		}
	}()
	tx, err := ix.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var version int64
	if err := tx.QueryRowContext(ctx, sqlFTSVersion).Scan(&version); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	if version != ftsVersion {
		return nil, fmt.Errorf("%w: FTS5 format %d", errNotPlain, version)
	}
	segs, err := readStructure(ctx, tx)
	if err != nil {
		return nil, err
	}
	tombs := make([]map[int64]bool, len(segs))
	for k, s := range segs {
		if tombs[k], err = readTombstones(ctx, tx, s); err != nil {
			return nil, err
		}
	}
	var st phraseStmts
	if st.leaves, err = tx.PrepareContext(ctx, sqlLeaves); err != nil {
		return nil, err
	}
	defer st.leaves.Close()
	if st.page, err = tx.PrepareContext(ctx, sqlTermPage); err != nil {
		return nil, err
	}
	defer st.page.Close()
	var held []*doclist
	get := func() *doclist {
		d := doclists.Get().(*doclist)
		held = append(held, d)
		return d
	}
	defer func() {
		for _, d := range held {
			doclists.Put(d)
		}
	}()
	words := make([]wordList, len(toks))
	var scratch []byte
	for i, tok := range toks {
		if j := slices.Index(toks[:i], tok); j >= 0 {
			words[i] = wordList{parts: words[j].parts}
			continue
		}
		key := append([]byte{'0'}, tok...)
		var parts []*doclist
		for k, s := range segs {
			d := get()
			if err := readDoclist(ctx, &st, s, key, tombs[k], d, &scratch); err != nil {
				return nil, fmt.Errorf("segment %d, %q: %w", s.id, tok, err)
			}
			if len(d.rowids) > 0 {
				parts = append(parts, d)
			}
		}
		if len(parts) == 0 {
			return nil, nil
		}
		// The usual case: segments of disjoint rowid ranges, read in
		// order; else they are merged.
		byFirst := slices.Clone(parts)
		slices.SortStableFunc(byFirst, func(a, b *doclist) int { return cmp.Compare(a.rowids[0], b.rowids[0]) })
		for k := 1; k < len(byFirst); k++ {
			if byFirst[k].rowids[0] <= byFirst[k-1].rowids[len(byFirst[k-1].rowids)-1] {
				m := get()
				mergeSegments(parts, m)
				byFirst = []*doclist{m}
				break
			}
		}
		words[i] = wordList{parts: byFirst}

	}
	// Walk the first word's rows, finding each in the others' lists.
	pls := make([][]byte, len(toks))
	bufs := make(phraseBufs, len(toks))
	var out []int64
	for _, part := range words[0].parts {
	next:
		for r, id := range part.rowids {
			if pls[0] = part.pos(r); len(pls[0]) == 0 {
				continue
			}
			for i := 1; i < len(toks); i++ {
				pl, ok, end := words[i].seek(id)
				if end {
					return out, nil
				}
				if !ok {
					continue next
				}
				pls[i] = pl
			}
			ok, err := phraseAt(pls, bufs)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, id)
			}
		}
	}
	return out, nil
}

// wordList walks a word's doclists of disjoint, ascending rowid ranges.
type wordList struct {
	parts []*doclist
	p, i  int
}

// seek moves to rowid id or past it and returns id's position list: ok is
// false when the word is not in document id, end true when no rowid
// follows.
func (w *wordList) seek(id int64) (pl []byte, ok, end bool) {
	for w.p < len(w.parts) {
		d := w.parts[w.p]
		if d.rowids[len(d.rowids)-1] < id {
			w.p, w.i = w.p+1, 0
			continue
		}
		for d.rowids[w.i] < id {
			w.i++
		}
		if d.rowids[w.i] != id {
			return nil, false, false
		}
		pl = d.pos(w.i)
		return pl, len(pl) > 0, false
	}
	return nil, false, true
}
