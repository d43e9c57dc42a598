package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// stateFile is the decoded content of a state file.
type stateFile struct {
	version int // as read; 0 for an empty file
	entries map[string]Entry
	// extra holds the top-level fields this version does not know.
	extra map[string]json.RawMessage
	// layout is where the postings sit in the file's bytes, for a large
	// file in which each posting appears once; nil otherwise.
	layout *stateLayout
}

// Known field names of the file, top level and per posting.
const (
	stateKeyVersion  = "version"
	stateKeyPostings = "postings"
)

// describeJSONError says where a JSON syntax error is, by line and column.
func describeJSONError(data []byte, err error) string {
	var syn *jsonSyntaxError
	if errors.As(err, &syn) {
		line, col := jsonLineCol(data, int64(syn.off)+1) // +1: the offending byte counts, as in encoding/json
		return fmt.Sprintf("line %d, column %d: %v", line, col, syn)
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
