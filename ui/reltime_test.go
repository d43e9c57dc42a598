package ui

import (
	"testing"
	"time"
)

func TestRelDate(t *testing.T) {
	h := time.Hour
	d := 24 * h
	tests := []struct {
		ago  time.Duration
		want string
	}{
		{0, "today"},
		{30 * time.Minute, "today"},
		{5 * h, "5h ago"},
		{3 * d, "3d ago"},
		{13 * d, "13d ago"},
		{15 * d, "2w ago"},
		{70 * d, "2mo ago"},
		{800 * d, "2y ago"},
		{-2 * d, "2026-11-22"},
	}
	for _, tt := range tests {
		if got := relDate(testNow.Add(-tt.ago), testNow); got != tt.want {
			t.Errorf("relDate(now-%v) = %q, want %q", tt.ago, got, tt.want)
		}
	}
	if got := relDate(time.Time{}, testNow); got != "" {
		t.Errorf("zero date gives %q", got)
	}
}
