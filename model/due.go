package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// DueFollowUp is a posting whose follow-up day has come.
type DueFollowUp struct {
	ID       string
	Title    string
	Company  string
	URL      string
	Stage    Stage
	FollowUp time.Time // the day, as Day returns it
}

// DueFollowUps returns the entries whose follow-up is on the day of now
// (in now's location) or earlier, soonest first, then by title and id:
// what `jobdeck due` prints and the status line counts.
func DueFollowUps(entries map[string]Entry, now time.Time) []DueFollowUp {
	var out []DueFollowUp
	for id, e := range entries {
		if e.FollowUpDue(now) {
			out = append(out, DueFollowUp{ID: id, Title: e.Title, Company: e.Company, URL: e.URL, Stage: e.Stage, FollowUp: e.FollowUp})
		}
	}
	slices.SortFunc(out, func(a, b DueFollowUp) int {
		return cmp.Or(a.FollowUp.Compare(b.FollowUp), strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)), strings.Compare(a.ID, b.ID))
	})
	return out
}

// Line is the one-line form `jobdeck due` prints: "2026-12-01  title —
// company (stage)  url", missing parts left out.
func (d DueFollowUp) Line() string {
	s := d.FollowUp.Format(dayLayout) + "  " + titleLine(d.Title, d.Company)
	if d.Stage != StageNone {
		s += fmt.Sprintf(" (%s)", d.Stage)
	}
	if u := stateLine(d.URL); u != "" {
		s += "  " + u
	}
	return s
}

// DueCount returns how many follow-ups are due on the day of now or
// earlier: "2 follow-ups due" in the status line.
func (s *Store) DueCount(now time.Time) int {
	if s == nil {
		return 0
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	n := 0
	for _, e := range s.entries {
		if e.FollowUpDue(now) {
			n++
		}
	}
	return n
}
