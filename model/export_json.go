package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"time"
)

// ExportRecord is one element of JSON export: the `list --json` Record plus
// the user's state. Missing is set (and the Record holds only the snapshot:
// id, title, company, url) when the posting's file is gone.
type ExportRecord struct {
	Record
	Shortlisted bool     `json:"shortlisted"`
	Tags        []string `json:"tags"`
	Note        string   `json:"note"`
	// Stage is the stage's name ("" when untracked), StageDate when it
	// began (RFC 3339, "" when unknown), History every stage change and
	// FollowUp the follow-up day (YYYY-MM-DD, "" when none).
	Stage     string          `json:"stage"`
	StageDate string          `json:"stage_date"`
	History   []HistoryRecord `json:"history"`
	FollowUp  string          `json:"follow_up"`
	Missing   bool            `json:"missing,omitempty"`
}

// NewExportRecord returns the ExportRecord of it with body as its body.
func NewExportRecord(it ExportItem, body string) ExportRecord {
	r := ExportRecord{
		Record:      NewRecord(it.Posting, body),
		Shortlisted: it.Entry.Shortlisted,
		Tags:        slices.Clone(it.Entry.Tags),
		Note:        it.Entry.Note,
		Stage:       it.Entry.Stage.String(),
		History:     historyRecords(it.Entry.History),
		FollowUp:    followUpText(it.Entry),
		Missing:     it.Missing,
	}
	if at := it.Entry.StageAt(); !at.IsZero() && it.Entry.Stage != StageNone {
		r.StageDate = at.UTC().Format(time.RFC3339)
	}
	if r.Tags == nil {
		r.Tags = []string{}
	}
	return r
}

// writeJSON writes a JSON array of ExportRecords, indented, one posting at
// a time (bodies are read as they are written, never all at once).
func (x Exporter) writeJSON(w io.Writer, items []ExportItem) error {
	bw := bufio.NewWriter(w)
	if len(items) == 0 {
		bw.WriteString("[]\n")
		return bw.Flush()
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	bw.WriteString("[\n")
	for i, it := range items {
		body, warning := x.body(it)
		rec := NewExportRecord(it, body)
		if warning != "" {
			rec.Warnings = append(slices.Clone(rec.Warnings), warning)
		}
		buf.Reset()
		if err := enc.Encode(rec); err != nil {
			return err
		}
		bw.WriteString("  ")
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		if i < len(items)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("]\n")
	return bw.Flush()
}
