package model

import (
	"errors"
	"fmt"
	"testing"
)

func TestParseQueryGrammar(t *testing.T) {
	tests := []struct {
		in    string
		terms []Term
		expr  string // canonical expression; "" for a plain conjunction
	}{
		{`"visa"`, []Term{{Scope: ScopeText, Text: "visa"}}, ""},
		{`"visa  sponsorship"`, []Term{{Scope: ScopeText, Text: "visa sponsorship"}}, ""},
		{`"kube*"`, []Term{{Scope: ScopeText, Text: "kube*"}}, ""},
		{`-"on-call" rust`, []Term{{Scope: ScopeText, Text: "on-call", Negate: true}, {Text: "rust"}}, ""},
		{`"visa spo`, []Term{{Scope: ScopeText, Text: "visa spo*"}}, ""}, // typing: the last word is a prefix
		{`"visa `, []Term{{Scope: ScopeText, Text: "visa"}}, ""},
		{`"`, nil, ""},
		{`-"`, nil, ""},
		{`rust OR go`, []Term{{Text: "rust"}, {Text: "go"}}, `(OR 0:"rust" 0:"go")`},
		{`rust or go`, []Term{{Text: "rust"}, {Text: "or"}, {Text: "go"}}, ""},
		{`(rust OR go) is:remote -"on-call"`,
			[]Term{{Text: "rust"}, {Text: "go"}, {Scope: ScopeRemote}, {Scope: ScopeText, Text: "on-call", Negate: true}},
			fmt.Sprintf(`(AND (OR 0:"rust" 0:"go") %d:"" %d-:"on-call")`, ScopeRemote, ScopeText)},
		{`a b OR c`, []Term{{Text: "a"}, {Text: "b"}, {Text: "c"}}, `(OR (AND 0:"a" 0:"b") 0:"c")`},
		{`(a b)`, []Term{{Text: "a"}, {Text: "b"}}, ""},
		{`(a OR (b OR c))`, []Term{{Text: "a"}, {Text: "b"}, {Text: "c"}}, `(OR 0:"a" 0:"b" 0:"c")`},
		{`-(a OR b)`, []Term{{Text: "a"}, {Text: "b"}}, `-(OR 0:"a" 0:"b")`},
		{`-(a)`, []Term{{Text: "a", Negate: true}}, ""},
		{`(rust OR go`, []Term{{Text: "rust"}, {Text: "go"}}, `(OR 0:"rust" 0:"go")`}, // closes at the end
		{`rust OR`, []Term{{Text: "rust"}}, ""},
		{`OR`, nil, ""},                            // typing "ORacle"
		{`rust OR OR`, []Term{{Text: "rust"}}, ""}, // typing "rust OR ORacle"
		{`(a OR`, []Term{{Text: "a"}}, ""},
		{`rust OR title:`, []Term{{Text: "rust"}}, ""},
		{`(`, nil, ""},
		{`x (title:)`, []Term{{Text: "x"}}, ""},
		{`salary:>=120k`, []Term{{Scope: ScopeSalary, Text: ">=120k"}}, ""},
		{`salary:>=100k:EUR`, []Term{{Scope: ScopeSalary, Text: ">=100k:EUR"}}, ""},
		{`salary:>=`, nil, ""},
		{`posted:<7d`, []Term{{Scope: ScopePosted, Text: "<7d"}}, ""},
		{`posted:>2026-11-01`, []Term{{Scope: ScopePosted, Text: ">2026-11-01"}}, ""},
		{`posted:<7`, nil, ""},
		{`posted:2026-1`, nil, ""},
		{`is:remote`, []Term{{Scope: ScopeRemote}}, ""},
		{`-is:rem`, []Term{{Scope: ScopeRemote, Negate: true}}, ""},
		{`type:contract`, []Term{{Scope: ScopeType, Text: "contract"}}, ""},
		{`type:`, nil, ""},
		{`applied:<14d`, []Term{{Scope: ScopeStageDate, Text: "applied:<14d"}}, ""},
		{`applied:<1`, nil, ""},
		{`c++ node.js`, []Term{{Text: "c++"}, {Text: "node.js"}}, ""},
		{`foo"bar`, []Term{{Text: `foo"bar`}}, ""},
		{`- x`, []Term{{Text: "x"}}, ""},
	}
	for _, tt := range tests {
		q := ParseQuery(tt.in)
		if q.Err != nil {
			t.Errorf("ParseQuery(%q): %v", tt.in, q.Err)
			continue
		}
		if got := termsOf(q); !equalTerms(got, tt.terms) {
			t.Errorf("ParseQuery(%q) terms = %+v, want %+v", tt.in, got, tt.terms)
		}
		got := ""
		if q.expr != nil {
			got = q.canon(q.expr)
		}
		if got != tt.expr {
			t.Errorf("ParseQuery(%q) expr = %s, want %s", tt.in, got, tt.expr)
		}
	}
}

func equalTerms(a, b []Term) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Scope != b[i].Scope || a[i].Text != b[i].Text || a[i].Negate != b[i].Negate {
			return false
		}
	}
	return true
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct {
		in  string
		pos int
	}{
		{`OR rust`, 0},
		{`rust OR OR go`, 8},
		{`(rust OR ) go`, 9},
		{`()`, 0},
		{`rust)`, 4},
		{`(a) b) c`, 5},
		{`""`, 0},
		{`x -""`, 2},
		{`"ku*be"`, 3},
		{`"*"`, 0},
		{`salary:>=lots`, 0},
		{`go salary:>=1k:EURO`, 3},
		{`posted:<7x`, 0},
		{`posted:2026-13-45`, 0},
		{`über OR OR x`, 8}, // columns count characters, not bytes
		{`(OR a)`, 1},
	}
	for _, tt := range tests {
		q := ParseQuery(tt.in)
		var qe *QueryError
		if !errors.As(q.Err, &qe) || !errors.Is(q.Err, ErrBadQuery) {
			t.Errorf("ParseQuery(%q).Err = %v, want a *QueryError", tt.in, q.Err)
			continue
		}
		if qe.Pos != tt.pos || qe.Msg == "" {
			t.Errorf("ParseQuery(%q): error at %d (%q), want at %d", tt.in, qe.Pos, qe.Msg, tt.pos)
		}
		if len(q.Terms) != 0 {
			t.Errorf("ParseQuery(%q) kept terms %v", tt.in, q.Terms)
		}
	}
}

func TestQueryErrorMessage(t *testing.T) {
	err := ParseQuery("a )").Err
	if err == nil || err.Error() != "column 3: ')' without a '(' before it" {
		t.Errorf("error = %v", err)
	}
}
