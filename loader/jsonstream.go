package loader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// recordChunk is how much of a file holding many postings is read at a
// time.
const recordChunk = 256 << 10

// maxRecord bounds one record (a JSON element, a line, a CSV row) and
// whatever precedes a JSON file's array of postings: a longer one stops
// the file's reading with errRecordTooLarge.
const maxRecord = 16 << 20

// errRecordTooLarge is returned for a record longer than maxRecord.
var errRecordTooLarge = fmt.Errorf("a record is larger than %s", humanBytes(maxRecord))

// byteWindow is a sliding window over a reader: buf holds the file's
// bytes from offset base on. Positions are file offsets.
type byteWindow struct {
	r    io.Reader
	buf  []byte
	base int64
	eof  bool
	// get and give, when set, make the window hand its buffers over
	// rather than move bytes within them: the bytes before keep are then
	// never written again until give has the buffer, and a buffer the
	// window moves on from goes to give, the next coming from get (with
	// at least the capacity asked). close gives the last one.
	get  func(n int) []byte
	give func([]byte)
	// moveOn: the next read goes into a new buffer, whatever room the
	// current one has left (see handOver).
	moveOn bool
	// mores counts the calls of more: bytes of the window seen before
	// one may have moved, or their buffer been reused, since.
	mores int
	// mapped, when set, is the whole file, mapped: the window is then
	// buf = mapped[:n], and more shows the next chunk of it instead of
	// reading (see moreMapped). Its bytes never move.
	mapped []byte
}

// handOver makes a window that hands its buffers over give away its
// current one at its next read: its records are then parsed without
// waiting for the buffer to fill, from a slow reader.
func (w *byteWindow) handOver() { w.moveOn = true }

// close gives the window's buffer away, when it hands its buffers over.
func (w *byteWindow) close() {
	if w.give != nil && w.buf != nil {
		w.give(w.buf)
		w.buf = nil
	}
}

// at returns the window from file offset pos on.
func (w *byteWindow) at(pos int64) []byte { return w.buf[pos-w.base:] }

// more reads the next chunk, dropping the bytes before keep (a file
// offset) first. It returns false at the end of the reader, with the
// read error when there was one (not io.EOF), or when the bytes from
// keep on would pass maxRecord.
func (w *byteWindow) more(keep int64) (bool, error) {
	if w.mapped != nil {
		return w.moreMapped(keep)
	}
	w.mores++
	if w.eof {
		return false, nil
	}
	if w.give != nil {
		return w.moreHandingOver(keep)
	}
	if drop := keep - w.base; drop > 0 {
		n := copy(w.buf, w.buf[drop:])
		w.buf = w.buf[:n]
		w.base = keep
	}
	if len(w.buf) > maxRecord {
		return false, errRecordTooLarge
	}
	if cap(w.buf)-len(w.buf) < recordChunk/2 {
		nb := make([]byte, len(w.buf), min(max(2*cap(w.buf), recordChunk), maxRecord+recordChunk))
		copy(nb, w.buf)
		w.buf = nb
	}
	return w.read(w.buf[len(w.buf):min(cap(w.buf), maxRecord+1)])
}

// moreMapped is more for a window over a mapped file: it shows the next
// chunk of the file, with the same bound on the bytes from keep on as a
// read. Nothing moves, so the bytes seen before stay where they were
// (mores does not count it).
func (w *byteWindow) moreMapped(keep int64) (bool, error) {
	if w.eof {
		return false, nil
	}
	if int64(len(w.buf))-keep > maxRecord {
		return false, errRecordTooLarge
	}
	n := min(len(w.buf)+recordChunk, len(w.mapped))
	w.buf = w.mapped[:n]
	w.eof = n == len(w.mapped)
	return true, nil
}

// moreHandingOver is more for a window that hands its buffers over: it
// reads into the room left in its buffer, and when that is less than
// half a chunk, into a new buffer from get, holding a copy of the bytes
// from keep on (twice as large when they take more than half of the
// old one), the old one given away.
func (w *byteWindow) moreHandingOver(keep int64) (bool, error) {
	kept := w.buf[keep-w.base:]
	if len(kept) > maxRecord {
		return false, errRecordTooLarge
	}
	if w.moveOn || cap(w.buf)-len(w.buf) < recordChunk/2 {
		w.moveOn = false
		size := max(cap(w.buf), recordChunk)
		if size-len(kept) < recordChunk/2 {
			size = min(2*size, maxRecord+recordChunk)
		}
		nb := append(w.get(size), kept...)
		w.give(w.buf)
		w.buf, w.base = nb, keep
	}
	return w.read(w.buf[len(w.buf):cap(w.buf)])
}

// read reads into room, the free capacity of w.buf, and extends w.buf by
// what it read (see more).
func (w *byteWindow) read(room []byte) (bool, error) {
	n, err := io.ReadAtLeast(w.r, room, 1)
	w.buf = w.buf[:len(w.buf)+n]
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		w.eof = true
		return n > 0, nil
	case err != nil:
		return n > 0, err
	}
	return true, nil
}

// space skips white space from pos, reading on as needed; it returns
// the offset of the next byte and false at the end of the file.
func (w *byteWindow) space(pos, keep int64) (int64, bool, error) {
	for {
		b := w.at(pos)
		i := skipJSONSpace(b, 0)
		pos += int64(i)
		if i < len(b) {
			return pos, true, nil
		}
		ok, err := w.more(keep)
		if err != nil || !ok {
			return pos, false, err
		}
	}
}

// value returns the end offset of the JSON value at pos, reading on as
// needed.
func (w *byteWindow) value(pos, keep int64) (int64, error) {
	for {
		e, err := skipJSONValue(w.at(pos), 0)
		if err == nil {
			return pos + int64(e), nil
		}
		if !errors.Is(err, errIncomplete) {
			return pos, err
		}
		if w.eof {
			// A literal at the very end of the file is complete.
			if b := w.at(pos); len(b) > 0 && isLiteralByte(b[0]) {
				return pos + int64(len(b)), nil
			}
			return pos, errSyntax
		}
		if _, err := w.more(keep); err != nil {
			return pos, err
		}
	}
}

// lastObject is the last element of an array that byteWindow.array
// read as an object, with its members, for the next one to be compared
// with (see scanMembersLike); mores is the window's count of reads then
// (see byteWindow.mores): once it read again, raw may no longer hold
// those bytes.
type lastObject struct {
	raw   []byte
	ms    []member
	mores int
	// rep tells which values of the next object to compare with last's
	// (see scanMembersHinted): those that were the same as the object's
	// before, all of them every repProbe objects.
	rep   uint64
	count int
}

// repProbe is how often byteWindow.members compares every value of an
// object with the last one's: a value that differed may repeat again.
const repProbe = 16

// like returns the object and members last, when it is still in the
// window, for scanMembersLike.
func (w *byteWindow) like(last *lastObject) ([]byte, []member) {
	if last.mores != w.mores {
		return nil, nil
	}
	return last.raw, last.ms
}

// members is value for a value at pos that is an object, which it also
// reads as scanMembers does, appending its members to ms (comparing
// them with those of last: see scanMembersLike); a value that is no
// object, or that scanMembers refuses, is delimited by value alone,
// with nil members.
func (w *byteWindow) members(pos, keep int64, ms []member, last *lastObject) (int64, []member, error) {
	for {
		b := w.at(pos)
		if len(b) == 0 || b[0] != '{' {
			break
		}
		prev, pms := w.like(last)
		rep := last.rep
		if last.count%repProbe == 0 {
			rep = ^uint64(0)
		}
		e, got, same, err := scanMembersHinted(b, ms[:0], prev, pms, rep)
		if err == nil {
			if last.count++; prev != nil {
				last.rep = same
			}
			return pos + int64(e), got, nil
		}
		if !errors.Is(err, errIncomplete) || w.eof {
			break
		}
		if _, err := w.more(keep); err != nil {
			return pos, nil, err
		}
	}
	end, err := w.value(pos, keep)
	return end, nil, err
}

// arrayKeys are the keys under which a JSON object holds its array of
// postings (normalised).
var arrayKeys = map[string]bool{"jobs": true, "postings": true, "data": true, "results": true, "items": true, "jobpostings": true}

// jsonRecords calls fn with each element of a JSON file's array of
// postings: the top-level array, or the array under one of arrayKeys of
// the top-level object. A top-level object without such an array is one
// record itself, with index -1. fn gets the element's index, its file offset and its
// bytes (valid until fn returns); it returns false to stop. The error is
// errSyntax for a file that is no such JSON, a read error, or
// errRecordTooLarge.
func jsonRecords(r io.Reader, fn func(i int, off int64, raw []byte) bool) error {
	return jsonRecordMembers(r, func(i int, off int64, raw []byte, _ []member) bool { return fn(i, off, raw) })
}

// jsonRecordMembers is jsonRecords that also gives fn the members of an
// element of the array that is an object as objectFieldsRaw reads it (as
// scanMembers gives them; nil for other elements and for a top-level
// object; valid until fn returns).
func jsonRecordMembers(r io.Reader, fn func(i int, off int64, raw []byte, ms []member) bool) error {
	return jsonRecordMembersIn(&byteWindow{r: r}, fn)
}

// jsonRecordMembersIn is jsonRecordMembers reading through w, a window
// not read yet, which it closes.
func jsonRecordMembersIn(w *byteWindow, fn func(i int, off int64, raw []byte, ms []member) bool) error {
	defer w.close()
	switch {
	case w.mapped != nil:
		w.buf = w.mapped[:0]
	case w.get != nil:
		w.buf = w.get(recordChunk)
	default:
		w.buf = make([]byte, 0, recordChunk)
	}
	for len(w.buf) < len(bom) && !w.eof {
		if _, err := w.more(0); err != nil {
			return err
		}
	}
	var pos int64
	if b := w.at(0); len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		pos = 3
	}
	pos, ok, err := w.space(pos, 0)
	if err != nil || !ok {
		return cmpErr(err, errSyntax)
	}
	switch w.at(pos)[0] {
	case '[':
		return w.array(pos, fn)
	case '{':
	default:
		return errSyntax
	}
	start := pos
	pos++
	for {
		pos, ok, err = w.space(pos, start)
		if err != nil || !ok {
			return cmpErr(err, errSyntax)
		}
		switch w.at(pos)[0] {
		case '}':
			fn(-1, start, w.at(start)[:pos+1-start], nil)
			return nil
		case ',':
			pos++
			continue
		case '"':
		default:
			return errSyntax
		}
		ke, err := w.value(pos, start)
		if err != nil {
			return err
		}
		key, _ := decodeString(w.at(pos)[:ke-pos])
		pos, ok, err = w.space(ke, start)
		if err != nil || !ok || w.at(pos)[0] != ':' {
			return cmpErr(err, errSyntax)
		}
		pos, ok, err = w.space(pos+1, start)
		if err != nil || !ok {
			return cmpErr(err, errSyntax)
		}
		if arrayKeys[normKey(key)] && w.at(pos)[0] == '[' {
			return w.array(pos, fn)
		}
		if pos, err = w.value(pos, start); err != nil {
			return err
		}
	}
}

// array calls fn with each element of the array at pos, and the members
// of one that is an object (see members).
func (w *byteWindow) array(pos int64, fn func(i int, off int64, raw []byte, ms []member) bool) error {
	pos++
	ms := make([]member, 0, 32)
	last := &lastObject{ms: make([]member, 0, 32), mores: -1, rep: ^uint64(0)}
	for i := 0; ; {
		var ok bool
		var err error
		pos, ok, err = w.space(pos, pos)
		if err != nil || !ok {
			return cmpErr(err, errSyntax)
		}
		switch w.at(pos)[0] {
		case ']':
			return nil
		case ',':
			pos++
			continue
		}
		end, got, err := w.members(pos, pos, ms, last)
		if err != nil {
			return err
		}
		raw := w.at(pos)[:end-pos]
		if got != nil {
			// got is ms grown; last's members are the next one's room.
			ms, last.ms = last.ms[:0], got
			last.raw, last.mores = raw, w.mores
		}
		if !fn(i, pos, raw, got) {
			return nil
		}
		i++
		pos = end
	}
}

// cmpErr is err, or def when err is nil.
func cmpErr(err, def error) error {
	if err != nil {
		return err
	}
	return def
}

// lineRecords calls fn with each non-blank line of a JSON Lines file:
// its index among them, its file offset and its bytes (without the line
// break; valid until fn returns); fn returns false to stop.
func lineRecords(r io.Reader, fn func(i int, off int64, raw []byte) bool) error {
	w := &byteWindow{r: r, buf: make([]byte, 0, recordChunk)}
	var pos int64
	for i := 0; ; {
		b := w.at(pos)
		nl := bytes.IndexByte(b, '\n')
		if nl < 0 && !w.eof {
			// more moves the window: read b again either way.
			if _, err := w.more(pos); err != nil {
				return err
			}
			continue
		}
		if nl < 0 {
			nl = len(b)
			if nl == 0 {
				return nil
			}
		}
		line := b[:nl]
		if pos == 0 {
			line = bytes.TrimPrefix(line, bom)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if !fn(i, pos+int64(nl-len(line)), bytes.TrimRight(line, "\r")) {
				return nil
			}
			i++
		}
		pos += int64(nl) + 1
		if pos > w.base+int64(len(w.buf)) {
			return nil
		}
	}
}
