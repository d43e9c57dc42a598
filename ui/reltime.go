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
