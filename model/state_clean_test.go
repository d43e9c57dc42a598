package model

import "testing"

func TestStateLineAndNote(t *testing.T) {
	cases := []struct{ in, line, note string }{
		{"plain", "plain", "plain"},
		{"  padded \n", "padded", "  padded"},
		{"two\nlines\r\nthree\rfour", "two lines  three four", "two\nlines\nthree\nfour"},
		{"tab\there", "tab here", "tab\there"},
		{"\x1b[31mred\x1b[0m", "[31mred[0m", "[31mred[0m"},
		{"osc\x1b]52;c;aGk=\x07end", "osc]52;c;aGk=end", "osc]52;c;aGk=end"},
		{"c1\u009bcsi\u0085nel", "c1csinel", "c1csinel"},
		{"bidi\u202eevil\u2066x\u2069", "bidievilx", "bidievilx"},
		{"bad\xffutf8", "bad\uFFFDutf8", "bad\uFFFDutf8"},
		{"del\x7fnul\x00", "delnul", "delnul"},
		{"Café 🚀 ünïcode", "Café 🚀 ünïcode", "Café 🚀 ünïcode"},
	}
	for _, c := range cases {
		if got := stateLine(c.in); got != c.line {
			t.Errorf("stateLine(%q) = %q, want %q", c.in, got, c.line)
		}
		if got := stateNote(c.in); got != c.note {
			t.Errorf("stateNote(%q) = %q, want %q", c.in, got, c.note)
		}
	}
}
