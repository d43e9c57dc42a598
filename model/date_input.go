package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrBadDate is wrapped by ParseStageDate's and ParseFollowUp's errors.
var ErrBadDate = errors.New("bad date")

// maxDateSpan bounds the "Nd"/"Nw" forms: ten years is more than any job
// search needs, and keeps the arithmetic far from overflow.
const maxDateSpan = 3650

// dayLayout is how days are written in the state file, exports and input.
const dayLayout = "2006-01-02"

// Day returns the calendar day t falls on in t's location, as midnight UTC
// of that date: the form follow-ups are kept in, and what date terms and
// stats compare.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// daysBetween returns how many calendar days b lies after a (both days as
// Day returns them).
func daysBetween(a, b time.Time) int {
	return int(b.Sub(a) / (24 * time.Hour))
}

// ParseStageDate reads when a stage change happened, as the user types it,
// against the clock reading now (whose location names the user's days):
// "" , "today" or "now" is now; "yesterday" is a day before now; "3d ago",
// "2w ago" (or "3d", "2w") that many days or weeks before now; "2026-11-02"
// the start of that day. A day after now's day is refused. The result is
// UTC. Errors wrap ErrBadDate.
func ParseStageDate(s string, now time.Time) (time.Time, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	var t time.Time
	switch in {
	case "", "today", "now":
		t = now
	case "yesterday":
		t = now.AddDate(0, 0, -1)
	default:
		span := strings.TrimSpace(strings.TrimSuffix(in, "ago"))
		if days, ok, err := parseSpan(span); ok {
			if err != nil {
				return time.Time{}, fmt.Errorf("%w %q: %v", ErrBadDate, s, err)
			}
			t = now.AddDate(0, 0, -days)
			break
		}
		d, err := time.ParseInLocation(dayLayout, in, now.Location())
		if err != nil {
			return time.Time{}, fmt.Errorf("%w %q: use today, yesterday, 3d ago, 2w ago or 2026-11-02", ErrBadDate, s)
		}
		t = d
	}
	if Day(t).After(Day(now)) {
		return time.Time{}, fmt.Errorf("%w %q: it is in the future", ErrBadDate, s)
	}
	return t.UTC(), nil
}

// ParseFollowUp reads a follow-up day as the user types it, against the
// clock reading now: "7d" or "2w" is that many days or weeks after today;
// "mon" or "monday" (any weekday, three letters or whole) the next such
// day after today; "today", "tomorrow"; "2026-12-15" that day. "" clears
// the follow-up: the zero time. A day is returned as Day does. Errors wrap
// ErrBadDate.
func ParseFollowUp(s string, now time.Time) (time.Time, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	today := Day(now)
	switch in {
	case "":
		return time.Time{}, nil
	case "today":
		return today, nil
	case "tomorrow":
		return today.AddDate(0, 0, 1), nil
	}
	if days, ok, err := parseSpan(in); ok {
		if err != nil {
			return time.Time{}, fmt.Errorf("%w %q: %v", ErrBadDate, s, err)
		}
		return today.AddDate(0, 0, days), nil
	}
	if wd, ok := parseWeekday(in); ok {
		ahead := (int(wd)-int(today.Weekday())+6)%7 + 1 // 1..7: never today
		return today.AddDate(0, 0, ahead), nil
	}
	d, err := time.Parse(dayLayout, in)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w %q: use 7d, 2w, mon, tomorrow or 2026-12-15 (empty clears it)", ErrBadDate, s)
	}
	return d, nil
}

// parseSpan reads "7d" or "2w" (also "7 days", "2 weeks") as a number of
// days; ok is false when s is not of that form at all.
func parseSpan(s string) (days int, ok bool, err error) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false, nil
	}
	unit := strings.TrimSpace(s[i:])
	per := 0
	switch unit {
	case "d", "day", "days":
		per = 1
	case "w", "week", "weeks":
		per = 7
	default:
		return 0, false, nil
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil || n*per > maxDateSpan {
		return 0, true, fmt.Errorf("at most %d days", maxDateSpan)
	}
	return n * per, true, nil
}

// parseWeekday reads a weekday as its English name or its first three
// letters.
func parseWeekday(s string) (time.Weekday, bool) {
	if len(s) < 3 {
		return 0, false
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		name := strings.ToLower(wd.String())
		if s == name || s == name[:3] {
			return wd, true
		}
	}
	return 0, false
}
