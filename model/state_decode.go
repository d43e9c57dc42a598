package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

// decodeState parses the content of a state file in one pass (see
// jsonScanner). A leading UTF-8 BOM is ignored; empty or all-white-space
// content is an empty state. Content that is not a version 1 or 2 state file
// gives an error wrapping ErrCorrupt, or ErrNewerVersion when its version is
// above StateVersion; for a newer version the postings are still decoded on
// a best-effort basis so a read-only store can show them. As with
// encoding/json, a repeated key counts once, with its last value.
func decodeState(data []byte) (stateFile, error) {
	st := stateFile{entries: map[string]Entry{}}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM from a Windows editor
	if len(bytes.TrimSpace(data)) == 0 {
		return st, nil
	}
	d := stateDecoder{sc: jsonScanner{data: data}, st: &st}
	if err := d.top(); err != nil {
		return st, err
	}
	return st, d.check()
}

// checkState reports the error decodeState would return for data, without
// keeping what it decodes: the check before a write.
func checkState(data []byte) error {
	d := stateDecoder{sc: jsonScanner{data: data}, st: &stateFile{}, discard: true}
	if err := d.top(); err != nil {
		return err
	}
	return d.check()
}

// stateDecoder holds what decodeState found so far.
type stateDecoder struct {
	sc         jsonScanner
	st         *stateFile
	version    []byte // raw; nil when absent
	postingsOK bool   // "postings" is an object or null (or absent)
	badID      string // the first posting that did not decode, and why
	badErr     error
	discard    bool     // check only: keep only the entries in tracked
	tracked    []string // ids whose entry has version 2 fields, see resolveTrack
}

// top reads the whole document, reporting a syntax error, or a top level
// that is not an object, as ErrCorrupt.
func (d *stateDecoder) top() error {
	d.postingsOK = true
	var err error
	switch c := d.sc.peek(); c {
	case '{':
		err = d.sc.object(d.topField)
	default:
		_, err = d.sc.skip()
		if err == nil {
			err = d.sc.end()
		}
		if err == nil {
			return fmt.Errorf("%w: %s", ErrCorrupt, describeTopLevel(c))
		}
	}
	if err == nil {
		err = d.sc.end()
	}
	if err != nil {
		return fmt.Errorf("%w: %s", ErrCorrupt, describeJSONError(d.sc.data, err))
	}
	return nil
}

func describeTopLevel(c byte) string {
	switch c {
	case 'n':
		return "the top level is null, not an object"
	case '[':
		return "the top level is a JSON array, not an object"
	case '"':
		return "the top level is a JSON string, not an object"
	case 't', 'f':
		return "the top level is a JSON bool, not an object"
	}
	return "the top level is a JSON number, not an object"
}

func (d *stateDecoder) topField(key string) error {
	switch key {
	case stateKeyVersion:
		raw, err := d.sc.skip()
		d.version = raw
		return err
	case stateKeyPostings:
		return d.postings()
	}
	raw, err := d.sc.skip()
	if err != nil {
		return err
	}
	if d.st.extra == nil {
		d.st.extra = map[string]json.RawMessage{}
	}
	d.st.extra[key] = bytes.Clone(raw)
	return nil
}

// postings reads the "postings" object. A later "postings" key replaces
// an earlier one.
func (d *stateDecoder) postings() error {
	hint := postingsHint(d.sc.data[d.sc.pos:])
	if !d.discard {
		d.st.entries = make(map[string]Entry, hint)
	} else {
		d.st.entries = map[string]Entry{}
	}
	d.badID, d.badErr, d.postingsOK, d.tracked = "", nil, true, nil
	d.st.layout = nil
	if null, err := d.sc.null(); null || err != nil {
		return err
	}
	if d.sc.peek() != '{' {
		d.postingsOK = false
		_, err := d.sc.skip()
		return err
	}
	var l *stateLayout
	if !d.discard && len(d.sc.data) > stateIndentMax {
		l = &stateLayout{raw: d.sc.data, empty: true, spans: make([]postingSpan, 0, hint)}
	}
	err := d.sc.object(func(id string) error {
		start := d.sc.pos
		e, bad, err := decodeEntry(&d.sc)
		switch {
		case err != nil:
			return err
		case bad != nil:
			if d.badErr == nil {
				d.badID, d.badErr = id, bad
			}
			delete(d.st.entries, id)
			l = nil
		case hasTrackKey(e.extra):
			d.tracked = append(d.tracked, id)
			fallthrough
		case !d.discard:
			n := len(d.st.entries)
			d.st.entries[id] = e
			if len(d.st.entries) == n {
				l = nil // a repeated id: splicing one copy would leave the other
			}
		}
		if l != nil {
			l.spans = append(l.spans, postingSpan{id: id, start: start, end: d.sc.pos})
			l.empty = false
		}
		return nil
	})
	if err == nil && l != nil {
		l.end = d.sc.pos - 1 // the closing brace
		d.st.layout = l
	}
	return err
}

// postingsHint guesses how many postings data holds, to size the map once:
// each is an object, so there are at most as many as '{' (fast to count),
// and each takes at least a few bytes, which bounds what a file of braces
// in strings can make it allocate.
func postingsHint(data []byte) int {
	return min(bytes.Count(data, []byte{'{'}), len(data)/32)
}

// check applies the version rules once the document parsed.
func (d *stateDecoder) check() error {
	if d.version == nil {
		return fmt.Errorf("%w: it has no \"version\" field", ErrCorrupt)
	}
	version := 0
	if string(d.version) != "null" {
		v, err := strconv.Atoi(string(d.version))
		if err != nil {
			return fmt.Errorf("%w: \"version\" is %s, not a whole number", ErrCorrupt, d.version)
		}
		version = v
	}
	var versionErr error
	switch {
	case version > StateVersion:
		versionErr = fmt.Errorf("%w: its version is %d, this jobdeck reads version %d", ErrNewerVersion, version, StateVersion)
	case version < 1:
		return fmt.Errorf("%w: \"version\" is %d", ErrCorrupt, version)
	}
	d.st.version = version
	if version != StateVersion {
		d.st.layout = nil // a save rewrites an older file whole, and never writes a newer one
	}
	d.resolveTracked(version)
	switch {
	case !d.postingsOK:
		return errors.Join(versionErr, fmt.Errorf("%w: \"postings\" is not an object", ErrCorrupt))
	case versionErr != nil:
		return versionErr // postings that did not decode are left out: best effort
	case d.badErr != nil:
		return fmt.Errorf("%w: posting %q: %v", ErrCorrupt, d.badID, d.badErr)
	}
	return nil
}

// resolveTracked applies resolveTrack to the entries in d.tracked, now
// that the version is known (it may come after "postings"). An entry whose
// version 2 fields are not usable is left out, as a bad posting.
func (d *stateDecoder) resolveTracked(version int) {
	for _, id := range d.tracked {
		e, ok := d.st.entries[id]
		if !ok {
			continue
		}
		if err := resolveTrack(&e, version); err != nil {
			delete(d.st.entries, id)
			d.st.layout = nil
			if d.badErr == nil {
				d.badID, d.badErr = id, err
			}
			continue
		}
		d.st.entries[id] = e
	}
}

// decodeEntry reads one posting's object, keeping unknown fields, and the
// version 2 fields raw among them (see resolveTrack). bad says
// why a well-formed value is not a usable entry (not an object, a field of
// the wrong type, a bad time); err is a syntax error, fatal for the file.
func decodeEntry(sc *jsonScanner) (e Entry, bad, err error) {
	if sc.peek() != '{' {
		_, err = sc.skip()
		return Entry{}, errors.New("not an object"), err
	}
	var updated string
	err = sc.object(func(key string) error {
		start := sc.pos
		ok, err := decodeEntryField(sc, &e, &updated, key)
		if err == nil && !ok && bad == nil {
			bad = errWrongType(key, sc.data[start:sc.pos])
		}
		return err
	})
	if err != nil || bad != nil {
		return Entry{}, bad, err
	}
	if updated != "" {
		t, err := time.Parse(time.RFC3339Nano, updated)
		if err != nil {
			return Entry{}, fmt.Errorf("field \"updated\": %q is not an RFC 3339 time", updated), nil
		}
		e.Updated = clampStateTime(t)
	}
	e.Tags = normalizeTags(e.Tags)
	e.Note = stateNote(e.Note)
	e.Title = stateLine(e.Title)
	e.Company = stateLine(e.Company)
	e.URL = stateLine(e.URL)
	return e, nil, nil
}

// decodeEntryField reads the value of field key into e. ok is false when
// the value has the wrong type (it is still consumed). A null leaves a
// field as it was, as encoding/json does (tags become nil).
func decodeEntryField(sc *jsonScanner, e *Entry, updated *string, key string) (ok bool, err error) {
	var dst *string
	switch key {
	case "shortlisted":
		e.Shortlisted = false
		if null, err := sc.null(); null || err != nil {
			return true, err
		}
		if c := sc.peek(); c != 't' && c != 'f' {
			_, err := sc.skip()
			return false, err
		}
		e.Shortlisted, err = sc.boolean()
		return true, err
	case "tags":
		return decodeTags(sc, &e.Tags)
	case "note":
		dst = &e.Note
	case "updated":
		dst = updated
	case "title":
		dst = &e.Title
	case "company":
		dst = &e.Company
	case "url":
		dst = &e.URL
	default:
		raw, err := sc.skip()
		if err != nil {
			return false, err
		}
		if e.extra == nil {
			e.extra = map[string]json.RawMessage{}
		}
		e.extra[key] = bytes.Clone(raw)
		return true, nil
	}
	return decodeString(sc, dst)
}

// errWrongType says that field key holds raw, a value of the wrong type.
func errWrongType(key string, raw []byte) error {
	return fmt.Errorf("field %q: %s is the wrong type", key, raw)
}

// decodeString reads a string (or null, which is "") into dst.
func decodeString(sc *jsonScanner, dst *string) (ok bool, err error) {
	*dst = ""
	if null, err := sc.null(); null || err != nil {
		return true, err
	}
	if sc.peek() != '"' {
		_, err := sc.skip()
		return false, err
	}
	*dst, err = sc.str()
	return true, err
}

// decodeTags reads an array of strings (null elements are skipped, a null
// array is no tags).
func decodeTags(sc *jsonScanner, dst *[]string) (ok bool, err error) {
	return decodeArray(sc, dst, decodeString, func(t string) bool { return t != "" })
}

// decodeArray reads an array into dst, each element with elem, keeping
// those keep accepts (nil: all). A null array is an empty one; a value
// that is not an array is skipped and reported not ok, and so is an
// element elem reports not ok.
func decodeArray[T any](sc *jsonScanner, dst *[]T, elem func(*jsonScanner, *T) (bool, error), keep func(T) bool) (ok bool, err error) {
	*dst = nil
	if null, err := sc.null(); null || err != nil {
		return true, err
	}
	if sc.peek() != '[' {
		_, err := sc.skip()
		return false, err
	}
	ok = true
	err = sc.array(func() error {
		var v T
		good, err := elem(sc, &v)
		ok = ok && good
		if keep == nil || keep(v) {
			*dst = append(*dst, v)
		}
		return err
	})
	return ok, err
}

// stateTimeMin and stateTimeMax bound the times a state file can hold:
// RFC 3339 has four-digit years.
var (
	stateTimeMin = time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)
	stateTimeMax = time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)
)

// clampStateTime returns t in UTC, moved into the range RFC 3339 can write
// (a time with an offset can fall outside it once in UTC).
func clampStateTime(t time.Time) time.Time {
	t = t.UTC()
	switch {
	case t.Before(stateTimeMin):
		return stateTimeMin
	case t.After(stateTimeMax):
		return stateTimeMax
	}
	return t
}

// validUTF8 returns raw with each byte of invalid UTF-8 replaced by
// U+FFFD (as a JSON reader decodes it), so what the store writes is valid
// for every JSON reader.
func validUTF8(raw []byte) []byte {
	if utf8.Valid(raw) {
		return raw
	}
	out := make([]byte, 0, len(raw)+16)
	for len(raw) > 0 {
		r, size := utf8.DecodeRune(raw)
		if r == utf8.RuneError && size == 1 {
			out = append(out, "\uFFFD"...)
		} else {
			out = append(out, raw[:size]...)
		}
		raw = raw[size:]
	}
	return out
}
