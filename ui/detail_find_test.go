package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// focusDetailOn selects the posting id and gives the detail pane the focus.
func focusDetailOn(t *testing.T, m *Model, id string) {
	t.Helper()
	for i := 0; selected(m) == nil || selected(m).ID != id; i++ {
		if i > 10 {
			t.Fatalf("posting %s not in the list", id)
		}
		send(t, m, kp("j"))
	}
	send(t, m, kp("tab"))
	if focusOf(m) != keymap.ModeDetail {
		t.Fatal("tab did not focus the detail pane")
	}
}

// statusOf is the status line's text.
func statusOf(m *Model) string {
	lines := strings.Split(shown(m), "\n")
	return lines[len(lines)-2]
}

func TestSearchInPosting(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	focusDetailOn(t, m, "a")
	want := 0
	for _, l := range detailOf(m).lines {
		want += strings.Count(strings.ToLower(ansi.Strip(l)), "post")
	}
	if want < 3 {
		t.Fatalf("fixture has %d matches of post; the test needs three", want)
	}
	send(t, m, kp("/"))
	if isFiltering(m) || !m.browser.finding {
		t.Fatal("/ in the detail pane did not start the search in the posting")
	}
	typeText(t, m, "POST")
	send(t, m, kp("enter"))
	total := fmt.Sprintf(" of %d", want)
	if s := statusOf(m); !strings.Contains(s, "match 1"+total) {
		t.Fatalf("status line after enter:\n%s", s)
	}
	send(t, m, kp("n"))
	if s := statusOf(m); !strings.Contains(s, "match 2"+total) {
		t.Errorf("after n:\n%s", s)
	}
	send(t, m, kp("N"), kp("N"))
	if s := statusOf(m); !strings.Contains(s, fmt.Sprintf("match %d%s", want, total)) {
		t.Errorf("N from the first match wraps to the last:\n%s", s)
	}
	if len(detailOf(m).find.marked) == 0 || !strings.Contains(strings.Join(m.browser.detail.view(), ""), "\x1b[") {
		t.Error("no line drawn with its matches")
	}
	send(t, m, kp("esc"))
	if s := statusOf(m); strings.Contains(s, "match") || detailOf(m).searching() || len(detailOf(m).find.marked) != 0 {
		t.Errorf("esc did not end the search:\n%s", s)
	}
	if keysOf(m).NextMatch.Enabled() {
		t.Error("n still jumps between matches after esc")
	}
}

func TestSearchInPostingNoMatchAndCancel(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	focusDetailOn(t, m, "a")
	send(t, m, kp("/"))
	typeText(t, m, "zebra")
	send(t, m, kp("enter"))
	if !strings.Contains(flashText(m), "no match for zebra") || !flashIsErr(m) {
		t.Errorf("message %q", flashText(m))
	}
	send(t, m, kp("/"))
	if m.browser.find.Value() != "zebra" {
		t.Errorf("the search typed again starts from %q", m.browser.find.Value())
	}
	send(t, m, kp("esc"))
	if m.browser.finding || !detailOf(m).searching() {
		t.Error("esc while typing should drop the edit and keep the search")
	}
}

func TestListSlashStillFilters(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("/"))
	if !isFiltering(m) || m.browser.finding {
		t.Fatal("/ in the list did not start the filter")
	}
}

func TestSearchFollowsThePosting(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	focusDetailOn(t, m, "a")
	send(t, m, kp("/"))
	typeText(t, m, "otters")
	send(t, m, kp("enter"))
	if s := statusOf(m); !strings.Contains(s, "match 1 of 1") {
		t.Fatalf("status:\n%s", s)
	}
	send(t, m, kp("tab"), kp("j"), kp("tab"))
	if s := statusOf(m); !strings.Contains(s, "no match for otters") {
		t.Errorf("another posting keeps the stale count:\n%s", s)
	}
}

func TestGoldenDetailMarks(t *testing.T) {
	t.Run("query_terms_120x40", func(t *testing.T) {
		m := newTestModel(t, 120, 40, fixture())
		focusDetailOn(t, m, "a")
		// The words of the query's quoted terms, in the body only (not
		// the header's "postgres"), folding case.
		detailOf(m).setTerms(&m.c.styles, []model.TextTerm{{Text: "LEDGERS for"}, {Text: "post*"}, {Text: "otters", Exclude: true}})
		marks := 0
		for i := range detailOf(m).find.marked {
			if i < detailOf(m).bodyAt {
				t.Errorf("header line %d marked", i)
			}
			marks++
		}
		if marks != 2 {
			t.Errorf("%d body lines marked, want 2 (ledgers for, Postgres)", marks)
		}
		golden(t, m, "detail_query_marks_120x40")
	})
	t.Run("search_120x40", func(t *testing.T) {
		m := newTestModel(t, 120, 40, fixture())
		focusDetailOn(t, m, "a")
		send(t, m, kp("/"))
		typeText(t, m, "post")
		send(t, m, kp("enter"), kp("n"))
		golden(t, m, "detail_search_120x40")
	})
}
