package model

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Format is an export format.
type Format string

// The export formats.
const (
	FormatMarkdown Format = "md"
	FormatCSV      Format = "csv"
	FormatJSON     Format = "json"
)

// Formats lists the export formats in the order the UI offers them.
var Formats = []Format{FormatMarkdown, FormatCSV, FormatJSON}

// ErrUnknownFormat is wrapped by ParseFormat's error.
var ErrUnknownFormat = errors.New("unknown export format")

// ParseFormat reads a format name as the user types it: "md" (or
// "markdown"), "csv" or "json", in any case. Anything else gives an error
// wrapping ErrUnknownFormat that lists the valid names.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "md", "markdown":
		return FormatMarkdown, nil
	case "csv":
		return FormatCSV, nil
	case "json":
		return FormatJSON, nil
	}
	return "", fmt.Errorf("%w %q: use md, csv or json", ErrUnknownFormat, s)
}

// Ext returns the file name extension of the format, without the dot.
func (f Format) Ext() string { return string(f) }

// ExportItem is one posting to export with the user's state of it.
//
// SelectForExport always sets Posting: for a Missing item (an entry in the
// store whose posting is not among the loaded ones) it is built from the
// entry's snapshot and holds only ID, Title, Company and URL. Exporter
// treats an item with a nil Posting the same way.
type ExportItem struct {
	Posting *Posting
	Entry   Entry
	Missing bool
	// Body, when not empty, is the body JSON export writes; else it asks
	// Exporter.ReadBody, else uses Posting.Body.
	Body string
}

// Exporter writes export documents. The zero value writes the shortlist
// heading with a zero date; set Now.
type Exporter struct {
	Format Format
	// Title names the document in the Markdown heading ("Shortlist" when
	// empty); see Selection.Title.
	Title string
	// Now dates the document (the Markdown heading).
	Now time.Time
	// ReadBody, when set, reads a posting's body for JSON export (the
	// loader may have dropped bodies to save memory). A failure does not
	// stop the export: the record gets an empty body and a warning.
	ReadBody func(*Posting) (string, error)
}

// Export writes items to w in format f, dated now, with the shortlist
// heading. It is Exporter{Format: f, Now: now}.Write(w, items).
func Export(w io.Writer, f Format, items []ExportItem, now time.Time) error {
	return Exporter{Format: f, Now: now}.Write(w, items)
}

// Write writes items to w, in order, in x.Format. Text from postings and
// notes is already free of control characters (the loader and the store
// clean it), so the output is safe to print on a terminal.
//
// An item without a Posting is written from its entry's snapshot, as
// missing.
func (x Exporter) Write(w io.Writer, items []ExportItem) error {
	items = withPostings(items)
	var err error
	switch x.Format {
	case FormatMarkdown:
		err = x.writeMarkdown(w, items)
	case FormatCSV:
		err = writeCSV(w, items, exportLoc(x.Now))
	case FormatJSON:
		err = x.writeJSON(w, items)
	default:
		return fmt.Errorf("%w %q", ErrUnknownFormat, x.Format)
	}
	if err != nil {
		return fmt.Errorf("exporting %s: %w", x.Format, err)
	}
	return nil
}

// withPostings returns items, with a copy where an item lacks its Posting:
// there the Posting is built from the entry's snapshot and marked Missing.
func withPostings(items []ExportItem) []ExportItem {
	for i, it := range items {
		if it.Posting != nil {
			continue
		}
		fixed := slices.Clone(items)
		for j := i; j < len(fixed); j++ {
			if fixed[j].Posting == nil {
				e := fixed[j].Entry
				fixed[j].Posting = &Posting{Title: e.Title, Company: e.Company, URL: e.URL}
				fixed[j].Missing = true
			}
		}
		return fixed
	}
	return items
}

// body returns the body JSON export writes for it, and a warning when it
// could not be read.
func (x Exporter) body(it ExportItem) (string, string) {
	switch {
	case it.Body != "" || it.Missing:
		return it.Body, ""
	case x.ReadBody != nil:
		b, err := x.ReadBody(it.Posting)
		if err != nil {
			return "", "body could not be read for export: " + stateLine(err.Error())
		}
		return b, ""
	}
	return it.Posting.Body, ""
}

// exportDate formats a posting date for documents, "" when unknown.
func exportDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
