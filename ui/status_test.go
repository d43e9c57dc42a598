package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestStatusLine(t *testing.T) {
	m := newTestModel(t, 120, 40, nil)
	setLoading(m, true, progress{})
	send(t, m, batchMsg{postings: fixture(), progress: progress{Seen: 4, Loaded: 4, Files: 4}, done: true})
	got := ansi.Strip(m.statusLine(120))
	if !strings.HasPrefix(got, "4/4 · sort newest") || !strings.Contains(got, "loaded 4 postings from 4 files (0 skipped)") {
		t.Errorf("status %q", got)
	}
	setLoading(m, true, progress{Seen: 10, Loaded: 8, Skipped: 2})
	clearFlash(m)
	setFilterText(m, "backend")
	got = ansi.Strip(m.statusLine(120))
	if !strings.Contains(got, "query backend") || !strings.Contains(got, "10 seen, 8 loaded, 2 skipped") {
		t.Errorf("status while loading %q", got)
	}
	m.flash(strings.Repeat("a long failure ", 10), true)
	for _, w := range []int{40, 80, 120} {
		line := m.statusLine(w)
		if ansi.StringWidth(line) != w {
			t.Errorf("status at %d is %d cells", w, ansi.StringWidth(line))
		}
		if !strings.Contains(ansi.Strip(line), "a long failure") {
			t.Errorf("message lost at %d: %q", w, ansi.Strip(line))
		}
	}
	send(t, m, clearMsg{seq: flashSeq(m) - 1})
	if flashText(m) == "" {
		t.Error("an older clear removed a newer message")
	}
	send(t, m, clearMsg{seq: flashSeq(m)})
	if flashText(m) != "" {
		t.Error("the message was not cleared")
	}
}

func TestStatusShowsDetailPosition(t *testing.T) {
	m := newTestModel(t, 120, 12, fixture())
	send(t, m, kp("j"), kp("tab"), kp("j"), kp("j"))
	want := fmt.Sprintf("lines 3–%d of %d", 2+layoutOf(m).bodyH, len(detailOf(m).lines))
	if got := ansi.Strip(m.statusLine(120)); !strings.Contains(got, want) {
		t.Errorf("status %q, want %q in it", got, want)
	}
	send(t, m, kp("tab"))
	if got := ansi.Strip(m.statusLine(120)); strings.Contains(got, "lines") {
		t.Errorf("position shown with the list focused: %q", got)
	}
}
