package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"
)

// stateFile is the decoded content of a state file.
type stateFile struct {
	version int // as read; 0 for an empty file
	entries map[string]Entry
	// extra holds the top-level fields this version does not know.
	extra map[string]json.RawMessage
}

// Known field names of the file, top level and per posting.
const (
	stateKeyVersion  = "version"
	stateKeyPostings = "postings"
)

// decodeState parses the content of a state file. A leading UTF-8 BOM is
// ignored; empty or all-white-space content is an empty state. Content that is not a version 1 or 2 state file
// gives an error wrapping ErrCorrupt, or ErrNewerVersion when its version is
// above StateVersion; for a newer version the postings are still decoded on
// a best-effort basis so a read-only store can show them.
func decodeState(data []byte) (stateFile, error) {
	st := stateFile{entries: map[string]Entry{}}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM from a Windows editor
	if len(bytes.TrimSpace(data)) == 0 {
		return st, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return st, fmt.Errorf("%w: %s", ErrCorrupt, describeJSONError(data, err))
	}
	if top == nil {
		return st, fmt.Errorf("%w: the top level is null, not an object", ErrCorrupt)
	}
	rawVersion, ok := top[stateKeyVersion]
	if !ok {
		return st, fmt.Errorf("%w: it has no \"version\" field", ErrCorrupt)
	}
	var version int
	if err := json.Unmarshal(rawVersion, &version); err != nil {
		return st, fmt.Errorf("%w: \"version\" is %s, not a whole number", ErrCorrupt, rawVersion)
	}
	var versionErr error
	switch {
	case version > StateVersion:
		versionErr = fmt.Errorf("%w: its version is %d, this jobdeck reads version %d", ErrNewerVersion, version, StateVersion)
	case version < 1:
		return st, fmt.Errorf("%w: \"version\" is %d", ErrCorrupt, version)
	}
	st.version = version
	for k, v := range top {
		if k != stateKeyVersion && k != stateKeyPostings {
			if st.extra == nil {
				st.extra = map[string]json.RawMessage{}
			}
			st.extra[k] = v
		}
	}
	if raw, ok := top[stateKeyPostings]; ok && !isJSONNull(raw) {
		var postings map[string]json.RawMessage
		if err := json.Unmarshal(raw, &postings); err != nil {
			return st, errors.Join(versionErr, fmt.Errorf("%w: \"postings\" is not an object", ErrCorrupt))
		}
		for id, rawEntry := range postings {
			e, err := decodeEntry(rawEntry, version)
			if err != nil {
				if versionErr != nil {
					continue // best effort for a newer format
				}
				return st, fmt.Errorf("%w: posting %q: %v", ErrCorrupt, id, err)
			}
			st.entries[id] = e
		}
	}
	return st, versionErr
}

// decodeEntry parses one posting's object of a file of the given version,
// keeping unknown fields.
func decodeEntry(raw json.RawMessage, version int) (Entry, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return Entry{}, errors.New("not an object")
	}
	var e Entry
	var updated string
	var track trackJSON
	fields := map[string]any{
		"shortlisted": &e.Shortlisted,
		"tags":        &e.Tags,
		"note":        &e.Note,
		"updated":     &updated,
		"title":       &e.Title,
		"company":     &e.Company,
		"url":         &e.URL,
	}
	maps.Copy(fields, track.decodeFields())
	for k, v := range m {
		if version < 2 && isTrackKey(k) {
			k = v1FieldPrefix + k
		}
		dst, known := fields[k]
		if !known {
			if e.extra == nil {
				e.extra = map[string]json.RawMessage{}
			}
			e.extra[k] = v
			continue
		}
		if err := json.Unmarshal(v, dst); err != nil {
			return Entry{}, fmt.Errorf("field %q: %s is the wrong type", k, v)
		}
	}
	if updated != "" {
		t, err := time.Parse(time.RFC3339Nano, updated)
		if err != nil {
			return Entry{}, fmt.Errorf("field \"updated\": %q is not an RFC 3339 time", updated)
		}
		e.Updated = t.UTC()
	}
	if err := track.apply(&e); err != nil {
		return Entry{}, err
	}
	e.Tags = normalizeTags(e.Tags)
	e.Note = stateNote(e.Note)
	e.Title = stateLine(e.Title)
	e.Company = stateLine(e.Company)
	e.URL = stateLine(e.URL)
	return e, nil
}

// encodeState renders a StateVersion state file: indented, "version" first,
// postings sorted by id, fields sorted by name, unknown fields kept.
func encodeState(st stateFile) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"version":%d,"postings":{`, StateVersion)
	for i, id := range slices.Sorted(maps.Keys(st.entries)) {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := writeStateJSON(&b, id); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := encodeEntry(&b, st.entries[id]); err != nil {
			return nil, fmt.Errorf("posting %q: %w", id, err)
		}
	}
	b.WriteByte('}')
	for _, k := range slices.Sorted(maps.Keys(st.extra)) {
		if k == stateKeyVersion || k == stateKeyPostings {
			continue
		}
		b.WriteByte(',')
		if err := writeStateJSON(&b, k); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		b.Write(st.extra[k])
	}
	b.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return nil, fmt.Errorf("encoding the state file: %w", err)
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// encodeEntry writes one posting's object: the known fields, then the
// unknown ones, all sorted by name.
func encodeEntry(b *bytes.Buffer, e Entry) error {
	tags := e.Tags
	if tags == nil {
		tags = []string{}
	}
	updated := ""
	if !e.Updated.IsZero() {
		updated = e.Updated.UTC().Format(time.RFC3339Nano)
	}
	known := map[string]any{
		"shortlisted": e.Shortlisted,
		"tags":        tags,
		"note":        e.Note,
		"updated":     updated,
		"title":       e.Title,
		"company":     e.Company,
		"url":         e.URL,
	}
	maps.Copy(known, encodeTrack(e))
	keys := slices.Sorted(maps.Keys(known))
	for k := range e.extra {
		if _, ok := known[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := writeStateJSON(b, k); err != nil {
			return err
		}
		b.WriteByte(':')
		if v, ok := known[k]; ok {
			if err := writeStateJSON(b, v); err != nil {
				return err
			}
		} else {
			b.Write(e.extra[k])
		}
	}
	b.WriteByte('}')
	return nil
}

// writeStateJSON appends v as compact JSON without HTML escaping, so notes with
// < > & stay readable in the file.
func writeStateJSON(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode adds a newline
	return nil
}

func isJSONNull(raw json.RawMessage) bool {
	return string(bytes.TrimSpace(raw)) == "null"
}

// describeJSONError says where a JSON syntax error is, by line and column.
func describeJSONError(data []byte, err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		line, col := jsonLineCol(data, syn.Offset)
		return fmt.Sprintf("line %d, column %d: %v", line, col, syn)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return fmt.Sprintf("the top level is a JSON %s, not an object", typ.Value)
	}
	return err.Error()
}

func jsonLineCol(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(offset) - (bytes.LastIndexByte(before, '\n') + 1)
	return line, col
}
