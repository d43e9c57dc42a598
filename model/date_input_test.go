package model

import (
	"errors"
	"testing"
	"time"
)

// dateNow is a Tuesday morning.
var dateNow = time.Date(2026, 12, 1, 10, 30, 0, 0, time.UTC)

func TestParseStageDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		err  bool
	}{
		{"", dateNow, false},
		{"today", dateNow, false},
		{"Yesterday", dateNow.AddDate(0, 0, -1), false},
		{"3d ago", dateNow.AddDate(0, 0, -3), false},
		{"3d", dateNow.AddDate(0, 0, -3), false},
		{"2w ago", dateNow.AddDate(0, 0, -14), false},
		{"10 days ago", dateNow.AddDate(0, 0, -10), false},
		{"2026-11-02", time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), false},
		{"2026-12-01", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), false},
		{"2026-12-02", time.Time{}, true}, // tomorrow
		{"2026-02-30", time.Time{}, true},
		{"soon", time.Time{}, true},
		{"99999d ago", time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := ParseStageDate(tt.in, dateNow)
		if !got.Equal(tt.want) || (err != nil) != tt.err {
			t.Errorf("ParseStageDate(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
		if err != nil && !errors.Is(err, ErrBadDate) {
			t.Errorf("ParseStageDate(%q): %v does not wrap ErrBadDate", tt.in, err)
		}
	}
}

// A day typed in a time zone east of UTC is that day where the user is.
func TestParseStageDateInLocation(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	now := time.Date(2026, 12, 1, 0, 30, 0, 0, berlin) // still 30 Nov in UTC
	got, err := ParseStageDate("2026-12-01", now)
	if err != nil {
		t.Fatal(err)
	}
	if d := Day(got.In(berlin)); !d.Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("day in Berlin = %v, want 2026-12-01", d)
	}
}

func TestParseFollowUp(t *testing.T) {
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
		err  bool
	}{
		{"", time.Time{}, false}, // clears
		{"7d", day(12, 8), false},
		{"2w", day(12, 15), false},
		{"0d", day(12, 1), false},
		{"today", day(12, 1), false},
		{"tomorrow", day(12, 2), false},
		{"mon", day(12, 7), false},
		{"Monday", day(12, 7), false},
		{"tue", day(12, 8), false}, // today is Tuesday: the next one
		{"wed", day(12, 2), false},
		{"sun", day(12, 6), false},
		{"2026-12-15", day(12, 15), false},
		{"2027-01-04", time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC), false},
		{"mo", time.Time{}, true},
		{"next week", time.Time{}, true},
		{"2026-13-01", time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := ParseFollowUp(tt.in, dateNow)
		if !got.Equal(tt.want) || (err != nil) != tt.err {
			t.Errorf("ParseFollowUp(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
		if err != nil && !errors.Is(err, ErrBadDate) {
			t.Errorf("ParseFollowUp(%q): %v does not wrap ErrBadDate", tt.in, err)
		}
	}
}
