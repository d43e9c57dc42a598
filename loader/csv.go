package loader

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"
)

// csvHeader is a CSV file's header row: its columns in normKey form and
// its length in bytes (the BOM included), so a row can be parsed again
// alone (see recordFile).
type csvHeader struct {
	keys []string
	size int64
}

// errNoTitleColumn is csvRecords' error for a CSV whose header has no
// column a title can come from: it holds no postings.
var errNoTitleColumn = errors.New("no title column")

// csvRecords reads a CSV file with a header row and calls fn with each
// row as a record keyed by the header's columns (normalised; empty cells
// left out; cells that are not UTF-8 read as Windows-1252), with the
// row's index, its file offset and length. fn returns false to stop.
// The header must name a column a title can come from (errNoTitleColumn).
func csvRecords(r io.Reader, al *aliasSet, fn func(i int, off, n int64, h *csvHeader, rec map[string]any) bool) error {
	br := bufio.NewReaderSize(r, recordChunk)
	// InputOffset does not count a BOM that Discard removed.
	var skipped int64
	if b, _ := br.Peek(3); bytes.Equal(b, bom) {
		_, _ = br.Discard(3)
		skipped = 3
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return errSyntax
	}
	h := &csvHeader{keys: make([]string, len(head))}
	titled := false
	for i, k := range head {
		h.keys[i] = normKey(fixCell(k))
		if f, _ := al.lookup(h.keys[i]); f == fTitle {
			titled = true
		}
	}
	if !titled {
		return errNoTitleColumn
	}
	h.size = cr.InputOffset() + skipped
	prev := h.size
	for i := 0; ; i++ {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil && !errors.As(err, new(*csv.ParseError)) {
			return err
		}
		end := cr.InputOffset() + skipped
		row = joinSplitDate(h, row, al)
		rec := make(map[string]any, len(row))
		for c, v := range row {
			if c < len(h.keys) && h.keys[c] != "" && v != "" {
				rec[h.keys[c]] = fixCell(v)
			}
		}
		if !fn(i, prev, end-prev, h, rec) {
			return nil
		}
		prev = end
	}
}

// fixCell reads a cell that is not UTF-8 as Windows-1252.
func fixCell(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return decodeCP1252([]byte(s))
}

// joinSplitDate repairs a row with one cell too many because a date such
// as "11/20/25, 9:41 AM" was written without quotes: the first date
// column whose cell and the next read as one date gets both.
func joinSplitDate(h *csvHeader, row []string, al *aliasSet) []string {
	if len(row) != len(h.keys)+1 {
		return row
	}
	for c := 0; c+1 < len(row) && c < len(h.keys); c++ {
		if f, _ := al.lookup(h.keys[c]); f != fDate && h.keys[c] != "applicationdate" {
			continue
		}
		joined := row[c] + "," + row[c+1]
		if parseDate(joined).IsZero() {
			continue
		}
		out := make([]string, 0, len(h.keys))
		out = append(append(append(out, row[:c]...), joined), row[c+2:]...)
		return out
	}
	return row
}
