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
		Path: "a/b"}
	p.SetPaths([]string{"a/b", "c/d"})
	p.SetWarnings([]string{"body cut at 1 MiB"})
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

// TestShortPaneCompactsHeader: at 60x15 the header of a rich posting is
// its title and one line of company · location · date, the body shows at
// once and the other fields follow it; a taller pane keeps the full
// header.
func TestShortPaneCompactsHeader(t *testing.T) {
	m := newTestModel(t, 60, 15, fixture())
	send(t, m, kp("j"), kp("enter"))
	got := ansi.Strip(m.render())
	if !strings.Contains(got, "Quillfeather Labs · Zürich · 2026-11-17 (3d ago)") || !strings.Contains(got, "otters") || strings.Contains(got, "Company") {
		t.Errorf("short pane: header not compact or body not shown:\n%s", got)
	}
	all := stripAll(detailOf(m).lines)
	if body, rest := strings.Index(all, "otters"), strings.Index(all, "Salary"); body < 0 || rest < body {
		t.Errorf("the rest of the header is not below the body:\n%s", all)
	}
	send(t, m, size(60, 24))
	if got := ansi.Strip(m.render()); !strings.Contains(got, "Company  Quillfeather Labs") {
		t.Errorf("a 60x24 pane lost the full header:\n%s", got)
	}
}
