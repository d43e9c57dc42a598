package model

import (
	"reflect"
	"testing"
	"time"
	"unsafe"
)

// TestPostingSize checks that a posting and the one-element slice the
// parse cache decodes it with fit the 288-byte size class together: a
// million postings are held at once, and the next class is 320 bytes.
func TestPostingSize(t *testing.T) {
	if s := unsafe.Sizeof(Posting{}) + unsafe.Sizeof(&Posting{}); s > 288 {
		t.Errorf("a Posting and its pointer take %d bytes, more than 288", s)
	}
}

func TestRareFieldsSetAndCleared(t *testing.T) {
	p := &Posting{ID: "a"}
	applied := time.Date(2025, 6, 7, 0, 0, 0, 0, time.UTC)
	p.SetPaths([]string{"a.md", "b.md"})
	p.AddWarnings("w1")
	p.AddWarnings("w2")
	p.SetCompanyURL("https://acme.example")
	p.SetApplied(applied)
	if got := p.Paths(); !reflect.DeepEqual(got, []string{"a.md", "b.md"}) {
		t.Errorf("Paths() = %q", got)
	}
	if got := p.Warnings(); !reflect.DeepEqual(got, []string{"w1", "w2"}) {
		t.Errorf("Warnings() = %q", got)
	}
	if p.CompanyURL() != "https://acme.example" || !p.Applied().Equal(applied) {
		t.Errorf("CompanyURL() = %q, Applied() = %v", p.CompanyURL(), p.Applied())
	}
	p.SetPaths(nil)
	p.SetWarnings(nil)
	p.SetCompanyURL("")
	p.SetApplied(time.Time{})
	if !reflect.DeepEqual(p, &Posting{ID: "a"}) {
		t.Errorf("with every rare field cleared the posting is %#v, not a posting that never had them", p)
	}
	p.AddWarnings()
	if p.Warnings() != nil {
		t.Errorf("AddWarnings() with nothing set Warnings to %q", p.Warnings())
	}
}

// TestRareFieldsCopyOnWrite checks that a setter never changes what a copy
// of the posting taken before it sees.
func TestRareFieldsCopyOnWrite(t *testing.T) {
	p := &Posting{}
	p.SetWarnings([]string{"w"})
	before := *p
	p.SetCompanyURL("https://acme.example")
	p.SetPaths([]string{"x"})
	if before.CompanyURL() != "" || before.Paths() != nil || !reflect.DeepEqual(before.Warnings(), []string{"w"}) {
		t.Errorf("the copy now has CompanyURL %q, Paths %q, Warnings %q", before.CompanyURL(), before.Paths(), before.Warnings())
	}
}

func TestCurrencyOf(t *testing.T) {
	for code, want := range map[string]string{"USD": "USD", "eur": "EUR", "Chf": "CHF", "": "", "US": "", "USDX": "",
		"U$D": "", "ÜSD": ""} {
		c, ok := CurrencyOf(code)
		if c.String() != want || ok != (want != "") {
			t.Errorf("CurrencyOf(%q) = %q, %v; want %q", code, c, ok, want)
		}
	}
}

func TestPeriodOf(t *testing.T) {
	for p := PeriodNone; p <= PeriodHour; p++ {
		got, ok := PeriodOf(p.String())
		if got != p || ok != (p != PeriodNone) {
			t.Errorf("PeriodOf(%q) = %v, %v; want %v", p.String(), got, ok, p)
		}
	}
	if got, ok := PeriodOf("fortnight"); ok || got != PeriodNone {
		t.Errorf("PeriodOf(fortnight) = %v, %v", got, ok)
	}
	if s := Period(99).String(); s != "" {
		t.Errorf("Period(99) = %q", s)
	}
}
