package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

// fakeText is a TextSearcher over the fixture's bodies: a term matches a
// body holding it (case-folded; a trailing '*' is a prefix); the relevance
// is how often it does. It is not ready while notReady is set.
type fakeText struct {
	mu       sync.Mutex
	bodies   map[string]string
	notReady bool
	ranked   []bool
}

func (f *fakeText) SearchText(_ context.Context, terms []model.TextTerm, ranked bool) (map[string]float64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.ranked = append(f.ranked, ranked)
	if f.notReady {
		return nil, fmt.Errorf("fake: %w", model.ErrIndexNotReady)
	}
	out := map[string]float64{}
	for id, body := range f.bodies {
		body = strings.ToLower(body)
		n := 0
		for _, t := range terms {
			k := strings.Count(body, strings.TrimSuffix(strings.ToLower(t.Text), "*"))
			if (k > 0) == t.Exclude {
				n = -1
				break
			}
			n += k
		}
		if n >= 0 {
			out[id] = float64(n)
		}
	}
	return out, nil
}

func (f *fakeText) setReady() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.notReady = false
}

func textModel(t *testing.T, text model.TextSearcher) *Model {
	t.Helper()
	m := newTestModel(t, 120, 40, fixture())
	m.c.text = text
	return m
}

func fixtureText() *fakeText {
	return &fakeText{bodies: map[string]string{
		"a": "We build ledgers for otters. Visa sponsorship offered.",
		"b": "Ship the web app. Visa sponsorship, visa sponsorship! No on-call.",
		"c": "Analyse things. Relocation package; on-call weekends.",
		"d": "Lead the platform. Kubernetes, kubectl.",
	}}
}

func TestFilterTextTerms(t *testing.T) {
	tests := []struct {
		query string
		want  []string
	}{
		{`"visa sponsorship"`, []string{"Frontend Developer", "Senior Backend Engineer"}}, // b says it twice
		{`"kube*"`, []string{"Platform Lead"}},
		{`"visa" -"on-call"`, []string{"Senior Backend Engineer"}},
		{`("relocation" OR "kube*") -lead`, []string{"Data Analyst"}},
		{`"otters" OR "relocation"`, []string{"Senior Backend Engineer", "Data Analyst"}}, // equal relevance: newest first
		{`senior OR "kubernetes"`, []string{"Senior Backend Engineer", "Platform Lead"}},
	}
	for _, tt := range tests {
		m := textModel(t, fixtureText())
		send(t, m, kp("/"))
		typeText(t, m, tt.query)
		if got := titles(m); !slices.Equal(got, tt.want) {
			t.Errorf("%s: rows %q, want %q (status %q)", tt.query, got, tt.want, flashText(m))
		}
	}
}

func TestFilterTextRanksOnlyFullText(t *testing.T) {
	ft := fixtureText()
	m := textModel(t, ft)
	send(t, m, kp("/"))
	typeText(t, m, `"visa"`)
	typeText(t, m, " sen")
	if len(ft.ranked) < 2 || !ft.ranked[0] || ft.ranked[len(ft.ranked)-1] {
		t.Errorf("ranked per call = %v, want true for the quoted term alone, then false", ft.ranked)
	}
}

func TestFilterTextNotReadyThenReady(t *testing.T) {
	ft := fixtureText()
	ft.notReady = true
	m := textModel(t, ft)
	send(t, m, kp("/"))
	typeText(t, m, "e")
	before := titles(m)
	typeText(t, m, ` "kube*"`)
	if got := titles(m); !slices.Equal(got, before) {
		t.Errorf("while the index builds the rows changed to %q, want the last result %q", got, before)
	}
	if !strings.Contains(flashText(m), "not ready") || !strings.Contains(flashText(m), "runs when it is") {
		t.Errorf("status %q", flashText(m))
	}
	ft.setReady()
	send(t, m, TextIndexReadyMsg{})
	if got := titles(m); !slices.Equal(got, []string{"Platform Lead"}) {
		t.Errorf("after the index is ready: rows %q", got)
	}
}

func TestFilterTextOff(t *testing.T) {
	m := textModel(t, nil)
	send(t, m, kp("/"))
	typeText(t, m, `"visa"`)
	if result(m).Len() != 4 || !strings.Contains(flashText(m), "full-text search is off") {
		t.Errorf("no searcher: %d rows, status %q", result(m).Len(), flashText(m))
	}
	send(t, m, TextIndexReadyMsg{}) // harmless without a searcher
}

func TestFilterBadQueryKeepsResult(t *testing.T) {
	m := textModel(t, fixtureText())
	send(t, m, kp("/"))
	typeText(t, m, "lead OR")
	if got := titles(m); !slices.Equal(got, []string{"Platform Lead"}) {
		t.Fatalf("lead OR (typing): rows %q", got)
	}
	send(t, m, tea.PasteMsg{Content: " senior"})
	if got := titles(m); !slices.Equal(got, []string{"Senior Backend Engineer", "Platform Lead"}) {
		t.Fatalf("lead OR senior: rows %q", got)
	}
	send(t, m, tea.PasteMsg{Content: " OR OR x"})
	if got := titles(m); !slices.Equal(got, []string{"Senior Backend Engineer", "Platform Lead"}) {
		t.Errorf("a query that does not parse changed the rows to %q", got)
	}
	if got := flashText(m); !strings.Contains(got, "column 19") || !flashIsErr(m) {
		t.Errorf("status %q, want the column of the second OR", got)
	}
	send(t, m, tea.PasteMsg{Content: ")"})
	if got := flashText(m); !strings.Contains(got, "column 19") {
		t.Errorf("still bad: status %q", got)
	}
	send(t, m, kp("enter"))
	clearFlash(m)
	if got := m.browser.filterLine(80); !strings.Contains(got, "column 19") {
		t.Errorf("filter line %q does not say where the query went wrong", got)
	}
	send(t, m, kp("/"))
	for range len(" OR OR x)") {
		send(t, m, kp("backspace"))
	}
	send(t, m, kp("enter"))
	if got := m.browser.filterLine(80); strings.Contains(got, "column") || queryOf(m) != "lead OR senior" {
		t.Errorf("after the query was mended: filter line %q, query %q", got, queryOf(m))
	}
}

func TestFilterFieldTermsInBrowser(t *testing.T) {
	m := textModel(t, nil)
	send(t, m, kp("/"))
	typeText(t, m, "is:remote OR type:full")
	if got := titles(m); !slices.Equal(got, []string{"Senior Backend Engineer", "Data Analyst"}) {
		t.Errorf("rows %q (status %q)", got, flashText(m))
	}
}
