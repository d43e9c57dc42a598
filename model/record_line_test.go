package model

import (
	"testing"
	"time"
)

func TestPostingLine(t *testing.T) {
	day := time.Date(2026, 11, 3, 15, 4, 5, 0, time.UTC)
	tests := []struct {
		p    Posting
		want string
	}{
		{Posting{Title: "Go Engineer", Company: "Acme", Location: "Lisbon", Date: day}, "Go Engineer — Acme — Lisbon — 2026-11-03"},
		{Posting{Title: "Go Engineer", Location: "Lisbon"}, "Go Engineer — Lisbon"},
		{Posting{Company: "Acme", Date: day}, "Acme — 2026-11-03"},
		{Posting{Date: day}, "2026-11-03"},
		{Posting{Location: "Remote"}, "Remote"},
		{Posting{}, ""},
	}
	for _, tt := range tests {
		if got := tt.p.Line(); got != tt.want {
			t.Errorf("Line() = %q, want %q", got, tt.want)
		}
		prefix := []byte("> ")
		if got := string(tt.p.AppendLine(prefix)); got != "> "+tt.want {
			t.Errorf("AppendLine(%q) = %q, want %q", prefix, got, "> "+tt.want)
		}
	}
}
