package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// echoOverlay records the keys it gets and closes on enter.
type echoOverlay struct{ typed *strings.Builder }

func (o echoOverlay) Update(msg tea.Msg) (overlayMsg, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	if k.Code == tea.KeyEnter {
		return cancelled{say: "echoed"}, nil
	}
	o.typed.WriteString(k.Text)
	return nil, nil
}

func (o echoOverlay) View(w, h int) string { return "tags: " + o.typed.String() }

func TestOverlayTakesKeysUntilDone(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	var typed strings.Builder
	m.OpenOverlay(echoOverlay{&typed})
	if layoutOf(m).helpH != maxOverlayLines {
		t.Errorf("overlay has %d lines", layoutOf(m).helpH)
	}
	send(t, m, kp("j"), kp("q"), kp("/"))
	if typed.String() != "jq/" || cursor(m) != 0 || hasQuit(m) || isFiltering(m) {
		t.Errorf("typed %q, cur %d, quitting %v, filtering %v", typed.String(), cursor(m), hasQuit(m), isFiltering(m))
	}
	if got := ansi.Strip(m.render()); !strings.Contains(got, "tags: jq/") {
		t.Errorf("overlay not drawn:\n%s", got)
	}
	if keysOf(m).Quit.Enabled() || !keysOf(m).ForceQuit.Enabled() {
		t.Error("keymap not in input mode")
	}
	send(t, m, kp("enter"))
	if openOverlay(m) != nil || layoutOf(m).helpH != 1 {
		t.Errorf("overlay still open (help %d lines)", layoutOf(m).helpH)
	}
	send(t, m, kp("j"))
	if cursor(m) != 1 {
		t.Error("keys do not move the list after the overlay closed")
	}
}

func TestDetailExtraUnderHeader(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	setExtra(m, func(p *model.Posting, w int) []string { return []string{"Note: call " + p.Company} })
	send(t, m, kp("j"))
	got := ansi.Strip(strings.Join(detailOf(m).lines, "\n"))
	note, sep := strings.Index(got, "Note: call Quillfeather"), strings.Index(got, "────")
	if note < 0 || sep < note {
		t.Errorf("note missing or below the body separator:\n%s", got)
	}
}

func TestArrowsMoveWhileFiltering(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("/"))
	typeText(t, m, "e")
	send(t, m, kp("down"))
	if cursor(m) != 1 || !isFiltering(m) {
		t.Errorf("down while filtering: cur %d, filtering %v", cursor(m), isFiltering(m))
	}
	send(t, m, kp("up"), kp("up"))
	if cursor(m) != 0 || filterText(m) != "e" {
		t.Errorf("up: cur %d, value %q", cursor(m), filterText(m))
	}
	if focusOf(m) != keymap.ModeList {
		t.Error("focus changed")
	}
}

func TestOverlayPinsSelection(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	var typed strings.Builder
	m.OpenOverlay(echoOverlay{&typed})
	send(t, m, batchMsg{postings: many(3)}) // newer: they sort above
	if selected(m).ID != "b" {
		t.Errorf("selection moved to %s under an open overlay", selected(m).ID)
	}
}
