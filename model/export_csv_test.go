package model

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestCSVCellsAreDefused(t *testing.T) {
	ps, s := exportFixture(t)
	var b bytes.Buffer
	if err := Export(&b, FormatCSV, SelectForExport(ps, s, Selection{}), exportNow); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("export is not valid CSV: %v", err)
	}
	if len(rows) != 4 || len(rows[0]) != len(csvHeader) {
		t.Fatalf("got %d rows of %d cells", len(rows), len(rows[0]))
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts with a formula character", cell)
			}
		}
	}
	if got := rows[2][1]; got != `'=HYPERLINK("http://bad.example","Apply *now*")` {
		t.Errorf("formula title cell = %q", got)
	}
	for _, c := range []struct{ in, want string }{
		{"=1", "'=1"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@x", "'@x"}, {"\tx", "'\tx"}, {"\rx", "'\rx"},
		{"a=1", "a=1"}, {"", ""},
	} {
		if got := csvSafe(c.in); got != c.want {
			t.Errorf("csvSafe(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
