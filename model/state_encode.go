package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
)

// stateIndentMax is the largest state file (compact) that is written
// indented, easy to read and edit by hand; a larger one is written with one
// posting per line, which keeps it about as small as its content.
const stateIndentMax = 1 << 20

// encodeState renders a StateVersion state file: "version" first, postings
// sorted by id, fields sorted by name, empty fields left out, unknown fields
// kept. Strings are escaped only where JSON requires it (quote, backslash,
// control characters), so the file is about as large as its text. See
// stateIndentMax for the layout.
func encodeState(st stateFile) ([]byte, error) {
	b, _, err := encodeStateFile(st)
	return b, err
}

// encodeStateFile is encodeState that also returns the layout of a large
// file (nil for an indented one).
func encodeStateFile(st stateFile) ([]byte, *stateLayout, error) {
	b, l := encodeStateLayout(st)
	if len(b) > stateIndentMax {
		return b, l, nil
	}
	var out bytes.Buffer
	out.Grow(2 * len(b))
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, nil, fmt.Errorf("encoding the state file: %w", err)
	}
	return out.Bytes(), nil, nil
}

// encodeStateLayout renders st with one posting per line and returns where
// each sits (see stateLayout).
func encodeStateLayout(st stateFile) ([]byte, *stateLayout) {
	ids := slices.Sorted(maps.Keys(st.entries))
	b := make([]byte, 0, 64+len(ids)*96)
	l := &stateLayout{spans: make([]postingSpan, 0, len(ids)), empty: len(ids) == 0}
	b = append(b, `{"version":`...)
	b = strconv.AppendInt(b, StateVersion, 10)
	b = append(b, `,"postings":{`...)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = appendJSONString(b, id)
		b = append(b, ':')
		start := len(b)
		b = appendEntry(b, st.entries[id])
		l.spans = append(l.spans, postingSpan{id: id, start: start, end: len(b)})
	}
	if len(ids) > 0 {
		b = append(b, '\n')
	}
	l.end = len(b)
	b = append(b, '}')
	for _, k := range slices.Sorted(maps.Keys(st.extra)) {
		if k == stateKeyVersion || k == stateKeyPostings {
			continue
		}
		b = append(b, ',')
		b = appendJSONString(b, k)
		b = append(b, ':')
		b = appendRaw(b, st.extra[k])
	}
	b = append(b, "}\n"...)
	l.raw = b
	return b, l
}

// entryKnownKeys are the fields of Entry in the file, sorted.
var entryKnownKeys = []string{"company", stateKeyFollowUp, stateKeyHistory, "note", "shortlisted", stateKeyStage, "tags", "title", "updated", "url"}

// appendEntry appends one posting's object: the known fields that are set
// and the unknown ones, all sorted by name.
func appendEntry(b []byte, e Entry) []byte {
	var buf [16]string
	keys := buf[:0]
	for _, k := range entryKnownKeys {
		if knownFieldSet(e, k) {
			keys = append(keys, k)
		}
	}
	if len(e.extra) > 0 {
		for k := range e.extra {
			if !slices.Contains(entryKnownKeys, k) {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
	}
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, k)
		b = append(b, ':')
		if raw, ok := e.extra[k]; ok && !slices.Contains(entryKnownKeys, k) {
			b = appendRaw(b, raw)
		} else {
			b = appendKnown(b, e, k)
		}
	}
	return append(b, '}')
}

// knownFieldSet reports whether known field k of e is set (else it is
// left out of the file).
func knownFieldSet(e Entry, k string) bool {
	switch k {
	case "company":
		return e.Company != ""
	case "note":
		return e.Note != ""
	case "title":
		return e.Title != ""
	case "url":
		return e.URL != ""
	case "shortlisted":
		return e.Shortlisted
	case "tags":
		return len(e.Tags) > 0
	case "updated":
		return !e.Updated.IsZero()
	case stateKeyStage:
		return e.Stage != StageNone
	case stateKeyHistory:
		return len(e.History) > 0
	case stateKeyFollowUp:
		return !e.FollowUp.IsZero()
	}
	return false
}

// appendKnown appends the value of known field k of e.
func appendKnown(b []byte, e Entry, k string) []byte {
	switch k {
	case "company":
		return appendJSONString(b, e.Company)
	case "note":
		return appendJSONString(b, e.Note)
	case "title":
		return appendJSONString(b, e.Title)
	case "url":
		return appendJSONString(b, e.URL)
	case "shortlisted":
		return strconv.AppendBool(b, e.Shortlisted)
	case "tags":
		b = append(b, '[')
		for i, t := range e.Tags {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, t)
		}
		return append(b, ']')
	case stateKeyStage, stateKeyHistory, stateKeyFollowUp:
		return appendTrackKnown(b, e, k)
	}
	b = append(b, '"')
	b = clampStateTime(e.Updated).AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

// appendRaw appends an unknown field's value as it was read, on one line
// and as valid UTF-8.
func appendRaw(b, raw []byte) []byte {
	raw = validUTF8(raw)
	if bytes.ContainsAny(raw, "\n\r") {
		var c bytes.Buffer
		if json.Compact(&c, raw) == nil {
			raw = c.Bytes()
		}
	}
	return append(b, raw...)
}

// appendJSONString appends s as a JSON string, escaping only what JSON
// requires: the quote, the backslash and control characters below U+0020.
// Invalid UTF-8 becomes U+FFFD. Unlike encoding/json it leaves < > & and
// U+2028/U+2029 alone: they are valid in JSON text, and escaping them makes
// a note up to twice as large.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
			b = append(b, s[start:i]...)
			b = append(b, "\uFFFD"...)
			i++
			start = i
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// checkStateOutput checks that out, about to replace the state file, is
// what the store reads back: within maxStateSize, and decoding as a state
// file of this version.
func checkStateOutput(out []byte) error {
	if err := checkStateSize(out); err != nil {
		return err
	}
	if err := checkState(out); err != nil {
		return fmt.Errorf("the new state file would not read back (%w)", err)
	}
	return nil
}

// checkStateSize checks that out is within maxStateSize.
func checkStateSize(out []byte) error {
	if len(out) > maxStateSize {
		return fmt.Errorf("the new state file would be %.1f MiB, more than the %d MiB jobdeck reads back", float64(len(out))/(1<<20), maxStateSize>>20)
	}
	return nil
}
