package loader

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
