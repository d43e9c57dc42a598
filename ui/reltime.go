package ui

import (
	"strconv"
	"time"
)

// relDate says how long ago t was from now, in the largest whole unit:
// "today", "3d ago", "2w ago", "5mo ago", "2y ago". A zero t gives "", a
// date in the future its date.
func relDate(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := now.Sub(t)
	switch {
	case d < -24*time.Hour:
		return t.Format("2006-01-02")
	case d < time.Hour:
		return "today"
	case d < 24*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + "h ago"
	case d < 14*24*time.Hour:
		return strconv.Itoa(int(d/(24*time.Hour))) + "d ago"
	case d < 60*24*time.Hour:
		return strconv.Itoa(int(d/(7*24*time.Hour))) + "w ago"
	case d < 365*24*time.Hour:
		return strconv.Itoa(int(d/(30*24*time.Hour))) + "mo ago"
	default:
		return strconv.Itoa(int(d/(365*24*time.Hour))) + "y ago"
	}
}

// rowDate is a row's date: relDate, or the date with absolute dates.
func (s *Styles) rowDate(t, now time.Time) string {
	if s.absDates && !t.IsZero() {
		return t.Format(time.DateOnly)
	}
	return relDate(t, now)
}

// postedDate is the detail header's date: "2026-11-02 (3d ago)", or the
// date alone with absolute dates.
func (s *Styles) postedDate(t, now time.Time) string {
	if s.absDates {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.DateOnly) + " (" + relDate(t, now) + ")"
}
