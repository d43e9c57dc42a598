package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

func TestHeaderWrapsUnderLabels(t *testing.T) {
	st := NewStyles(true, false)
	p := &model.Posting{Title: "T", URL: "https://jobs.example.com/pebblecrest-bank/77628/apply-now-please",
		Path: "a/b", Paths: []string{"a/b", "c/d"}, Warnings: []string{"body cut at 1 MiB"}}
	lines := headerLines(&st, p, 40, nil, testNow)
	var plain []string
	for _, l := range lines {
		if w := ansi.StringWidth(l); w != 40 {
			t.Errorf("line %d cells wide: %q", w, ansi.Strip(l))
		}
		plain = append(plain, strings.TrimRight(ansi.Strip(l), " "))
	}
	got := strings.Join(plain, "\n")
	want := "T\nURL      https://jobs.example.com/pebble\n         crest-bank/77628/apply-now-plea\n         se\nFile     a/b\nAlso     c/d\n⚠ body cut at 1 MiB"
	if got != want {
		t.Errorf("header:\n%s\nwant:\n%s", got, want)
	}
}

func TestWrapPlain(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  []string
	}{
		{"a bb ccc", 4, []string{"a bb", "ccc"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"x abcdefghij", 4, []string{"x", "abcd", "efgh", "ij"}},
		{"日本語テキスト", 5, []string{"日本", "語テ", "キス", "ト"}},
		{"", 4, []string{""}},
	}
	for _, tt := range tests {
		got := wrapPlain(tt.s, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrapPlain(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}

func TestHeaderLinksOnlySafeURLs(t *testing.T) {
	st := NewStyles(true, false)
	p := &model.Posting{Title: "T", URL: "https://jobs.example.com/" + strings.Repeat("x", 40), ApplyURL: "javascript:alert(1)"}
	lines := headerLines(&st, p, 40, nil, testNow)
	out := strings.Join(lines, "\n")
	var uris []string
	for _, m := range osc8.FindAllStringSubmatch(out, -1) {
		if m[2] != "" {
			uris = append(uris, m[2])
		}
	}
	if len(uris) != 3 || uris[0] != p.URL { // the URL wraps onto three lines
		t.Errorf("hyperlinks %q", uris)
	}
	if !strings.Contains(ansi.Strip(out), "javascript:alert(1)") {
		t.Error("the unsafe apply address is not shown as text")
	}
	for _, l := range lines {
		if ansi.StringWidth(l) != 40 {
			t.Errorf("line %d cells wide", ansi.StringWidth(l))
		}
	}
}
