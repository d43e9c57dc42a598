package loader

import (
	"bytes"
	"io"
	"slices"
)

// ParseMeta is parse without the body, as Stream runs it when bodies are
// not kept.
var ParseMeta = func(name string, data []byte) any { return parse(name, data, false) }

// ParseJSONRecord is one JSON record's parse as a file of many postings
// runs it, metadata only.
var ParseJSONRecord = func(raw []byte) any { return jsonRecordPosting(raw, nil, false, 0) }

// ParseJSONRecords parses records in order on one goroutine, as one of a
// file's parsers does (with its memo), metadata only; it returns how many
// are postings.
var ParseJSONRecords = func(raws [][]byte) int {
	m, n := newRecordMemo(), 0
	for _, raw := range raws {
		if jsonRecordPostingMemo(raw, nil, false, DefaultMaxBody, m) != nil {
			n++
		}
	}
	return n
}

// ParseJSONMembers reads the first n elements of the JSON file r with
// their members, as a load's reader does, and returns a parse of them in
// order on one goroutine with a memo of its own, as one of the load's
// parsers does, metadata only; the parse returns how many are postings.
var ParseJSONMembers = func(r io.Reader, n int) (func() int, error) {
	var raws [][]byte
	var mss [][]member
	err := jsonRecordMembers(r, func(_ int, _ int64, raw []byte, ms []member) bool {
		raws, mss = append(raws, bytes.Clone(raw)), append(mss, slices.Clone(ms))
		return len(raws) < n
	})
	return func() int {
		m, got := newRecordMemo(), 0
		for k, raw := range raws {
			if jsonRecordPostingMembers(raw, mss[k], nil, false, DefaultMaxBody, m) != nil {
				got++
			}
		}
		return got
	}, err
}
