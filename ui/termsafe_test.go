package ui

import (
	"github.com/jobdeck/jobdeck/model"
	"strings"
	"testing"
)

func TestTerminalSafeKeepsOnlySGRAndSafeLinks(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Zürich\nline two", "Zürich\nline two"},
		{"sgr kept", "\x1b[1;38;5;204mbold\x1b[0m \x1b[m", "\x1b[1;38;5;204mbold\x1b[0m \x1b[m"},
		{"safe link kept", "\x1b]8;;https://a.example/x\x07a\x1b]8;;\x07", "\x1b]8;;https://a.example/x\x07a\x1b]8;;\x07"},
		{"link closed with ST kept", "\x1b]8;id=1;mailto:a@b.example\x1b\\a\x1b]8;;\x1b\\", "\x1b]8;id=1;mailto:a@b.example\x1b\\a\x1b]8;;\x1b\\"},
		{"javascript link dropped", "\x1b]8;;javascript:alert(1)\x07a\x1b]8;;\x07", "a\x1b]8;;\x07"},
		{"link with a control in it dropped", "\x1b]8;;https://a.example/\x9bx\x07a", "a"},
		{"clear screen dropped", "a\x1b[2Jb\x1b[Hc", "abc"},
		{"private CSI dropped", "a\x1b[?1049hb", "ab"},
		{"OSC 52 dropped", "a\x1b]52;c;ZXZpbA==\x07b", "ab"},
		{"title dropped", "a\x1b]0;owned\x1b\\b", "ab"},
		{"DCS dropped", "a\x1bP$qm\x1b\\b", "ab"},
		{"sixel dropped", "a\x1bPq#0;2;0;0;0~-\x1b\\b", "ab"},
		{"SOS PM APC dropped", "a\x1bXsos\x1b\\b\x1b^pm\x1b\\c\x1b_apc\x1b\\d", "abcd"},
		{"unterminated string swallowed", "a\x1b]52;c;Zm9v", "a"},
		{"single-char escapes dropped", "a\x1bcb\x1b7c\x1b(0d", "abcd"},
		{"lone ESC dropped", "a\x1b", "a"},
		{"C0 dropped, tab to space", "a\x07b\x08c\td\re", "abc de"},
		{"C1 runes dropped", "a\u009db\u009bc\u0085d", "abcd"},
		{"raw C1 bytes dropped", "a\x9db\x9bc", "abc"},
		{"bidi dropped", "a\u202eb\u2066c\u200fd\u061ce", "abcde"},
		{"invalid UTF-8 dropped", "a\xffb\xc3", "ab"},
	}
	for _, tt := range tests {
		if got := terminalSafe(tt.in); got != tt.want {
			t.Errorf("%s: terminalSafe(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestGlamourOutputIsTerminalSafe renders bodies whose escape sequences are
// built by the markdown renderer itself — numeric character references,
// raw HTML blocks, code — and checks what would reach the terminal.
func TestGlamourOutputIsTerminalSafe(t *testing.T) {
	bodies := []string{
		"DCS &#27;P$qm&#27;\\ and sixel &#27;Pq#0;2;0;0;0~-&#27;\\ end",
		"SOS &#27;Xhidden&#27;\\ PM &#x1b;^hidden&#x1b;\\ APC &#x1B;_x&#x1B;\\",
		"C1 OSC &#x9d;52;c;ZXZpbA==&#7; and CSI &#155;2J and &#x9b;H",
		"clear &#27;[2J&#27;[H and OSC 52 &#27;]52;c;ZXZpbA==&#7;",
		"bidi &#x202e;desrever&#x202c; &#8294;iso&#8297;",
		"<div>raw &#27;]0;title&#7; html</div>\n\n<p>&#27;[31m</p>",
		"`&#27;[2J` in code, and a fence:\n\n```\n&#27;]52;c;eA==&#7;\n```\n",
		"[link](javascript:&#27;[2J) [ok](https://a.example/&#27;[2J) <https://b.example/&#x9d;>",
		"| a | &#27;[2J |\n|---|---|\n| &#x9b;H | &#27;]52;c;eA==&#7; |\n",
		"# Heading &#27;P1$r&#27;\\\n\n> quote &#27;[5n\n\n- item &#27;[6n",
	}
	read := func(p *model.Posting) (string, error) { return p.Body, nil }
	for _, style := range []string{"dark", "light", "notty"} {
		for _, body := range bodies {
			msg := renderBody(t.Context(), renderKey{p: &model.Posting{Body: body}, width: 60, style: glamourStyle{name: style}}, read)
			if msg.err != nil {
				t.Fatalf("%s %q: %v", style, body, msg.err)
			}
			checkSafe(t, strings.Join(msg.lines, "\n"))
		}
	}
}
