package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// decodeStateReference is the encoding/json decoder the store used before
// the one-pass decodeState: the oracle decodeState must agree with.
func decodeStateReference(data []byte) (stateFile, error) {
	st := stateFile{entries: map[string]Entry{}}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM from a Windows editor
	if len(bytes.TrimSpace(data)) == 0 {
		return st, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return st, fmt.Errorf("%w: %s", ErrCorrupt, describeJSONErrorReference(data, err))
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
			e, err := decodeEntryReference(rawEntry, version)
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

// decodeEntryReference parses one posting's object of a file of the given
// version, keeping unknown fields. In a version 1 file the fields version 2
// gives a meaning are kept as "v1_" + name, replacing a field of that name.
func decodeEntryReference(raw json.RawMessage, version int) (Entry, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return Entry{}, errors.New("not an object")
	}
	var e Entry
	var updated string
	var track trackJSON
	fields := map[string]any{
		"shortlisted":    &e.Shortlisted,
		"tags":           &e.Tags,
		"note":           &e.Note,
		"updated":        &updated,
		"title":          &e.Title,
		"company":        &e.Company,
		"url":            &e.URL,
		stateKeyStage:    &track.Stage,
		stateKeyHistory:  &track.History,
		stateKeyFollowUp: &track.FollowUp,
	}
	for k, v := range m {
		if version < 2 {
			if _, shadowed := m[strings.TrimPrefix(k, v1FieldPrefix)]; k != strings.TrimPrefix(k, v1FieldPrefix) && isTrackKey(strings.TrimPrefix(k, v1FieldPrefix)) && shadowed {
				continue
			}
			if isTrackKey(k) {
				k = v1FieldPrefix + k
			}
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
		e.Updated = clampStateTime(t)
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

func isJSONNull(raw json.RawMessage) bool {
	return string(bytes.TrimSpace(raw)) == "null"
}

// describeJSONErrorReference is describeJSONError for encoding/json's errors.
func describeJSONErrorReference(data []byte, err error) string {
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
