package model

import (
	"testing"
)

// termsOf returns the exported view of q's terms for comparison.
func termsOf(q Query) []Term {
	out := make([]Term, len(q.Terms))
	for i, t := range q.Terms {
		out[i] = Term{Scope: t.Scope, Text: t.Text, Negate: t.Negate}
	}
	return out
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want []Term
	}{
		{"", nil},
		{"  \t ", nil},
		{"senior", []Term{{Text: "senior"}}},
		{"backend  senior", []Term{{Text: "backend"}, {Text: "senior"}}},
		{"company:acme", []Term{{Scope: ScopeCompany, Text: "acme"}}},
		{"Company:Acme", []Term{{Scope: ScopeCompany, Text: "Acme"}}},
		{"title:lead", []Term{{Scope: ScopeTitle, Text: "lead"}}},
		{"loc:berlin location:wien", []Term{{Scope: ScopeLocation, Text: "berlin"}, {Scope: ScopeLocation, Text: "wien"}}},
		{"tag:remote", []Term{{Scope: ScopeTag, Text: "remote"}}},
		{"is:shortlisted", []Term{{Scope: ScopeShortlisted}}},
		{"is:starred", []Term{{Scope: ScopeShortlisted}}},
		{"IS:S", []Term{{Scope: ScopeShortlisted}}},
		{"is:applied", []Term{{Text: "is:applied"}}}, // unknown is: value: plain text
		{"foo:bar", []Term{{Text: "foo:bar"}}},
		{":x", []Term{{Text: ":x"}}},
		{"-junior", []Term{{Text: "junior", Negate: true}}},
		{"-company:acme", []Term{{Scope: ScopeCompany, Text: "acme", Negate: true}}},
		{"-tag:x", []Term{{Scope: ScopeTag, Text: "x", Negate: true}}},
		{"-is:shortlisted", []Term{{Scope: ScopeShortlisted, Negate: true}}},
		{"--x", []Term{{Text: "-x", Negate: true}}},
		{"company:a:b", []Term{{Scope: ScopeCompany, Text: "a:b"}}},
		// Terms with nothing to match yet are dropped.
		{"-", nil},
		{"title:", nil},
		{"-tag:", nil},
		{"is:", nil},
		{"go -", []Term{{Text: "go"}}},
		{"zürich 😀", []Term{{Text: "zürich"}, {Text: "😀"}}},
	}
	for _, tc := range tests {
		q := ParseQuery(tc.in)
		if q.Raw != tc.in {
			t.Errorf("ParseQuery(%q).Raw = %q", tc.in, q.Raw)
		}
		got := termsOf(q)
		if len(got) != len(tc.want) {
			t.Errorf("ParseQuery(%q) = %+v, want %+v", tc.in, got, tc.want)
			continue
		}
		for i := range got {
			if g, w := got[i], tc.want[i]; g.Scope != w.Scope || g.Text != w.Text || g.Negate != w.Negate {
				t.Errorf("ParseQuery(%q) term %d = %+v, want %+v", tc.in, i, got[i], tc.want[i])
			}
		}
	}
}

func TestQueryNarrows(t *testing.T) {
	tests := []struct {
		old, new string
		want     bool
	}{
		{"s", "se", true},
		{"se", "s", false},
		{"sen", "senior b", true},
		{"senior", "senior backend", true},
		{"backend", "senior backend", true},
		{"ab", "axb", true}, // a subsequence is enough
		{"ab", "ba", false},
		{"acme", "company:acme", true},
		{"company:acme", "acme", false},
		{"company:ac", "company:acme", true},
		{"title:a", "company:a", false},
		{"-junior", "-junior x", true},
		{"-junior", "-junio", true}, // excludes more
		{"-jun", "-junior", false},  // excludes less
		{"x", "-x", false},
		{"", "anything", false}, // nothing to narrow from: the caller filters fresh
		{"tag:re", "tag:remote", false},
		{"is:s", "is:s go", false},
		{"go", "go tag:x", false},
		{"Zür", "zürich", true},
	}
	for _, tc := range tests {
		got := ParseQuery(tc.new).narrows(ParseQuery(tc.old))
		if tc.old == "" {
			// An empty old query is implied by anything; Filter itself
			// refuses to narrow from a query without terms.
			got = got && len(ParseQuery(tc.old).Terms) > 0
		}
		if got != tc.want {
			t.Errorf("%q narrows %q = %v, want %v", tc.new, tc.old, got, tc.want)
		}
	}
}

func TestPreparedHandBuiltQuery(t *testing.T) {
	c := fixture()
	q := Query{Terms: []Term{{Text: "backend"}, {Text: ""}, {Scope: Scope(99), Text: "senior"}}}
	r := mustFilterQ(t, c, q)
	if got := ids(r); len(got) != 1 || got[0] != "a" {
		t.Errorf("hand-built query: got %v, want [a]", got)
	}
}

func TestPreparedAfterTextChanged(t *testing.T) {
	c := fixture()
	q := ParseQuery("backend")
	q.Terms[0].Text = "scientist"
	if got := ids(mustFilterQ(t, c, q)); len(got) != 1 || got[0] != "d" {
		t.Errorf("changed term text: got %v, want [d]", got)
	}
}
