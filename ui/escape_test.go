package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// allowedSeq matches the escape sequences our styles and glamour emit: SGR
// (colours and attributes) and OSC 8 hyperlinks.
var allowedSeq = regexp.MustCompile(`\x1b\[[0-9;:]*m|\x1b\]8;[^\x07\x1b]*;[^\x07\x1b]*(\x07|\x1b\\)`)

// osc8 matches an OSC 8 hyperlink; group 2 is its address.
var osc8 = regexp.MustCompile(`\x1b\]8;([^;\x07\x1b]*);([^\x07\x1b]*)(\x07|\x1b\\)`)

// hostile returns postings whose every field tries to reach the terminal:
// CSI, OSC 52 (clipboard), DCS, C1 controls, BEL, bidi overrides.
func hostile() []*model.Posting {
	evil := "X\x1b[2J\x1b]52;c;ZXZpbA==\x07\x1bP1$r\x1b\\\u009b31m\u202eY\x07\x08Z"
	p := &model.Posting{
		ID: "evil", Path: "evil" + evil + ".md", Title: "Title " + evil, Company: "Co " + evil, Location: "Loc " + evil,
		Date: testNow.Add(-time.Hour * 30), Keywords: []string{"kw" + evil}, URL: "https://x.example/" + evil,
		ApplyURL: "https://apply.example/" + evil, Salary: evil, EmploymentType: evil,
		Body: "# Head " + evil + "\n\nText " + evil + " [link](https://l.example/" + evil + ")\n\n```\ncode " + evil + "\n```\n",
	}
	p.SetWarnings([]string{"warn " + evil})
	p.SetPaths([]string{"a" + evil, "b" + evil})
	return []*model.Posting{p}
}

// checkSafe fails when out holds anything that could act on a terminal
// other than the allowed sequences.
func checkSafe(t *testing.T, out string) {
	t.Helper()
	rest := allowedSeq.ReplaceAllString(out, "")
	for i, r := range rest {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			lo := max(i-20, 0)
			t.Fatalf("control %U reaches the output near %q", r, rest[lo:min(i+20, len(rest))])
		}
	}
	for _, m := range osc8.FindAllStringSubmatch(out, -1) {
		if m[2] != "" && !safeURI(m[2]) {
			t.Fatalf("a hyperlink to %q reaches the output", m[2])
		}
	}
	if strings.Contains(out, "\x1b]52") || strings.Contains(out, "\x1b[2J") {
		t.Fatal("a posting's escape sequence reaches the output")
	}
}

func TestPostingTextNeverReachesTerminalAsEscapes(t *testing.T) {
	for _, style := range []string{"dark", "light", "notty"} {
		for _, sz := range [][2]int{{120, 40}, {80, 24}} {
			m := newTestModel(t, sz[0], sz[1], hostile())
			m.setStyles(NewStyles(style == "dark", style == "notty"))
			send(t, m, size(sz[0], sz[1]))
			if detailOf(m).body == nil || detailOf(m).failed != "" {
				t.Fatalf("%s %v: body not rendered (%q)", style, sz, detailOf(m).failed)
			}
			checkSafe(t, m.View().Content)
			send(t, m, kp("enter")) // single pane: the detail
			checkSafe(t, m.View().Content)
			send(t, m, kp("esc"), kp("/"))
			typeText(t, m, "\x1b[2Jtitle")
			checkSafe(t, m.View().Content)
		}
	}
}

func TestCleanDropsControls(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain Zürich", "plain Zürich"},
		{"a\x1b[31mb", "a[31mb"},
		{"tab\there\nnl", "tab here nl"},
		{"c1\u009bx\u202eevil\u2066", "c1xevil"},
		{"bad\xffutf8", "badutf8"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := cleanBody("a\n\tb\x1b]0;t\x07c"); got != "a\n\tb]0;tc" {
		t.Errorf("cleanBody = %q", got)
	}
}
