package loader

import (
	"fmt"
	"strconv"
	"testing"
	"time"
)

// parseRFC3339Seconds must give what time.Parse gives, in UTC, for every
// text it takes, and leave every other text to it.
func TestParseRFC3339SecondsIsTimeParse(t *testing.T) {
	for _, s := range rfc3339Seeds {
		checkRFC3339Seconds(t, s)
	}
}

// FuzzParseRFC3339Seconds checks parseRFC3339Seconds against time.Parse.
func FuzzParseRFC3339Seconds(f *testing.F) {
	for _, s := range rfc3339Seeds {
		f.Add(s)
	}
	f.Fuzz(checkRFC3339Seconds)
}

var rfc3339Seeds = []string{
	"2026-10-02T09:15:00-04:00", "2026-10-02T13:15:00Z", "2026-10-02T13:15:00+00:00",
	"2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T23:59:59+23:59",
	"2026-04-31T00:00:00Z", "2026-12-31T23:59:59-23:59", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
	"2026-10-02T24:00:00Z", "2026-10-02T09:60:00Z", "2026-10-02T09:15:60Z", "2026-13-02T09:15:00Z",
	"2026-00-02T09:15:00Z", "2026-10-00T09:15:00Z", "2026-10-02t09:15:00Z", "2026-10-02T09:15:00z",
	"2026-10-02T09:15:00+24:00", "2026-10-02T09:15:00+05:60", "2026-10-02T09:15:00+0500",
	"2026-10-02T09:15:00.5Z", "2026-10-02 09:15:00Z", "2026-1a-02T09:15:00Z", "+026-10-02T09:15:00Z",
	"2026-10-02T09:15:00-04:0x", "2026-10-02T09:15:00 04:00",
}

func checkRFC3339Seconds(t *testing.T, s string) {
	got, ok := parseRFC3339Seconds(s)
	want, err := time.Parse(time.RFC3339Nano, s)
	switch {
	case ok && err != nil:
		t.Errorf("%q: got %v, time.Parse refuses it: %v", s, got, err)
	case ok && !got.Equal(want):
		t.Errorf("%q: got %v, want %v", s, got, want.UTC())
	case ok && got != want.UTC():
		t.Errorf("%q: got %#v, not time.Parse's %#v", s, got, want.UTC())
	case ok && got.Location() != time.UTC:
		t.Errorf("%q: in %v, not UTC", s, got.Location())
	}
}

// TestMemoDate checks that a memo's dates are parseDateString's, for texts
// that share slots and evict each other, texts too long to remember and
// texts repeated after their slot was taken by another.
func TestMemoDate(t *testing.T) {
	m := newRecordMemo()
	var texts []string
	for d := 1; d <= 28; d++ {
		texts = append(texts, fmt.Sprintf("2026-09-%02dT08:00:00-04:00", d), fmt.Sprintf("2026-09-%02d", d))
	}
	for s := range 200 {
		texts = append(texts, strconv.Itoa(1_700_000_000+s*86_400))
	}
	texts = append(texts, "", "  ", "not a date", " 2026-10-02T09:15:00Z ", "2026-10-02T13:15:00.123456789+02:00 and more text", "2026-13-40T99:99:99Z")
	for round := range 3 {
		for _, s := range texts {
			if got, want := m.date(s), parseDateString(s); !got.Equal(want) || got.Location() != want.Location() {
				t.Fatalf("round %d: date(%q) = %v, parseDateString gives %v", round, s, got, want)
			}
		}
	}
	var nilMemo *recordMemo
	if got, want := nilMemo.date(texts[0]), parseDateString(texts[0]); !got.Equal(want) {
		t.Errorf("nil memo: date(%q) = %v, want %v", texts[0], got, want)
	}
}
