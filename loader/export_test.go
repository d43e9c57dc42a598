package loader

// ParseMeta is parse without the body, as Stream runs it when bodies are
// not kept.
var ParseMeta = func(name string, data []byte) any { return parse(name, data, false) }

// ParseJSONRecord is one JSON record's parse as a file of many postings
// runs it, metadata only.
var ParseJSONRecord = func(raw []byte) any { return jsonRecordPosting(raw, nil, false, 0) }
