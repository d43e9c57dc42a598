package model

import (
	"strings"
	"time"
)

// HistoryRecord is one stage change in JSON export: the stage's name and
// when, RFC 3339.
type HistoryRecord struct {
	Stage string `json:"stage"`
	At    string `json:"at"`
}

// historyRecords returns e's history for JSON export, never nil.
func historyRecords(h []StageChange) []HistoryRecord {
	out := make([]HistoryRecord, 0, len(h))
	for _, c := range h {
		out = append(out, HistoryRecord{Stage: c.Stage.String(), At: c.At.UTC().Format(time.RFC3339)})
	}
	return out
}

// exportLoc is the location export documents give days in: that of now,
// UTC when now is zero.
func exportLoc(now time.Time) *time.Location {
	if now.IsZero() {
		return time.UTC
	}
	return now.Location()
}

// dayIn formats the day t falls on in loc, "" for the zero time.
func dayIn(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return Day(t.In(loc)).Format(dayLayout)
}

// historyText is a stage history on one line: "applied 2026-11-02,
// interviewing 2026-11-20".
func historyText(h []StageChange, loc *time.Location) string {
	parts := make([]string, len(h))
	for i, c := range h {
		parts[i] = c.Stage.String() + " " + dayIn(c.At, loc)
	}
	return strings.Join(parts, ", ")
}

// stageText is the stage with the day it began: "interviewing (since
// 2026-11-20)", "" when untracked.
func stageText(e Entry, loc *time.Location) string {
	if e.Stage == StageNone {
		return ""
	}
	if d := dayIn(e.StageAt(), loc); d != "" {
		return e.Stage.String() + " (since " + d + ")"
	}
	return e.Stage.String()
}

// followUpText is the follow-up day, "" when none.
func followUpText(e Entry) string {
	if e.FollowUp.IsZero() {
		return ""
	}
	return e.FollowUp.Format(dayLayout)
}
