package model

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// csvHeader is the header row of CSV export, one column per field.
var csvHeader = []string{
	"id", "title", "company", "location", "date", "url", "apply_url", "salary",
	"tags", "note", "shortlisted", "missing", "path",
	"stage", "stage_date", "history", "follow_up",
}

// writeCSV writes a header row and one row per posting with encoding/csv.
// Tags are joined with ", "; dates are YYYY-MM-DD (stage dates in loc);
// the history is "applied 2026-11-02, interviewing 2026-11-20"; booleans
// are true/false.
// Every cell passes through csvSafe so spreadsheets do not run it.
func writeCSV(w io.Writer, items []ExportItem, loc *time.Location) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	row := make([]string, len(csvHeader))
	for _, it := range items {
		p, e := it.Posting, it.Entry
		row = append(row[:0],
			p.ID, p.Title, p.Company, p.Location, exportDate(p.Date), p.URL, p.ApplyURL, p.Salary,
			strings.Join(e.Tags, ", "), e.Note,
			strconv.FormatBool(e.Shortlisted), strconv.FormatBool(it.Missing), p.Path,
			e.Stage.String(), dayIn(e.StageAt(), loc), historyText(e.History, loc), followUpText(e),
		)
		for i := range row {
			row[i] = csvSafe(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe defuses formula injection (OWASP "CSV Injection"): a cell that
// starts with = + - @, tab or carriage return gets a leading apostrophe, so
// a spreadsheet shows it as text instead of evaluating it.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
