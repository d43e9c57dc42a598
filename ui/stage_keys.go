package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// The bindings a, >, < and f change where applications stand, through
// the root: on the marked postings when there are marks, else on the one
// selected. Each change is one undo step and one save.

// targets are the postings a change applies to: the marked ones (in id
// order) when there are marks and the browser shows, else the selected
// one; none when the store
// takes no change (cmd says why).
func (m *Model) targets() (ps []*model.Posting, cmd tea.Cmd) {
	if cmd, ok := m.refuse(); !ok {
		return nil, cmd
	}
	if len(m.c.marks) > 0 && m.on == browserScreen { // on the board a key moves the card
		for _, p := range m.c.marks {
			ps = append(ps, p)
		}
		slices.SortFunc(ps, func(a, b *model.Posting) int { return cmp.Compare(a.ID, b.ID) })
		return ps, nil
	}
	if p := m.active().Selected(); p != nil {
		return []*model.Posting{p}, nil
	}
	return nil, nil
}

// describe names ps for the status line and the overlays.
func describe(ps []*model.Posting) string {
	if len(ps) != 1 {
		return fmt.Sprintf("%d marked postings", len(ps))
	}
	p := ps[0]
	s := strings.TrimSpace(clean(p.Title))
	if c := clean(p.Company); c != "" {
		s += " — " + c
	}
	return cmp.Or(s, "(untitled)")
}

// onStage opens the stage picker for the targets. Right after o offered
// it on an untracked posting, it marks that posting applied today.
func (m *Model) onStage(offered *model.Posting) tea.Cmd {
	ps, cmd := m.targets()
	if len(ps) == 0 {
		return cmd
	}
	now := m.c.now()
	if offered != nil && len(ps) == 1 && ps[0] == offered {
		return m.setStage(stagePicked{ps: ps, st: model.StageApplied, at: now})
	}
	what := describe(ps)
	if len(ps) == 1 {
		if st := m.c.store.Track(ps[0].ID).Stage; st != model.StageNone {
			what += " (now " + st.String() + ")"
		}
	}
	o := newStagePicker(&m.c.keys.Editor, &m.c.styles, inputStyles(&m.c.styles), ps, what, now)
	m.OpenOverlay(o)
	return nil
}

// setStage moves the postings of msg to its stage, saves, and offers the
// stage's default follow-up.
func (m *Model) setStage(msg stagePicked) tea.Cmd {
	if err := m.c.store.SetStageAll(msg.ps, msg.st, msg.at); err != nil {
		return m.flash("stage not changed: "+err.Error(), true)
	}
	name := msg.st.String()
	if msg.st == model.StageNone {
		name = "no stage"
	}
	return tea.Batch(m.flash(name+" → "+describe(msg.ps), false), m.changed(), m.offerFollowUp(msg.ps, msg.st))
}

// onStep moves the targets to their next (forward) or previous active
// stage, dated now.
func (m *Model) onStep(forward bool) tea.Cmd {
	ps, cmd := m.targets()
	if len(ps) == 0 {
		return cmd
	}
	n, err := m.c.store.StepStage(ps, forward, m.c.now())
	switch {
	case err != nil:
		return m.flash("stage not changed: "+err.Error(), true)
	case n == 0:
		return m.flash("no stage to move to", false)
	}
	text := fmt.Sprintf("%d postings moved", n)
	var offer tea.Cmd
	if len(ps) == 1 {
		st := m.c.store.Track(ps[0].ID).Stage
		text = st.String() + " → " + describe(ps)
		offer = m.offerFollowUp(ps, st)
	}
	return tea.Batch(m.flash(text, false), m.changed(), offer)
}

// followUpDays is how many days ahead a move to st offers a follow-up:
// the config's [stages], else the model's default; 0 means none.
func (m *Model) followUpDays(st model.Stage) int {
	if d, ok := m.c.prefs.FollowUps[st]; ok {
		return d
	}
	d, _ := st.DefaultFollowUp()
	return d
}

// offerFollowUp opens the follow-up editor holding st's default for ps
// (enter takes it, esc leaves it), when st has one.
func (m *Model) offerFollowUp(ps []*model.Posting, st model.Stage) tea.Cmd {
	d := m.followUpDays(st)
	if d <= 0 {
		return nil
	}
	return m.openFollowUp(ps, fmt.Sprintf("%dd", d))
}

// onFollowUp opens an empty follow-up editor for the targets (enter on it
// clears the follow-up); it names the one posting's day when it has one.
func (m *Model) onFollowUp() tea.Cmd {
	ps, cmd := m.targets()
	if len(ps) == 0 {
		return cmd
	}
	return m.openFollowUp(ps, "")
}

// openFollowUp opens the follow-up editor for ps holding value.
func (m *Model) openFollowUp(ps []*model.Posting, value string) tea.Cmd {
	what := describe(ps)
	if len(ps) == 1 {
		if d := m.c.store.Track(ps[0].ID).FollowUp; !d.IsZero() {
			what += " (now " + d.Format(time.DateOnly) + ")"
		}
	}
	o := newFollowUpOverlay(&m.c.keys.Editor, &m.c.styles, inputStyles(&m.c.styles), ps, what, value, m.c.now())
	m.OpenOverlay(o)
	return o.input.Focus()
}

// setFollowUp gives the postings of msg its day and saves.
func (m *Model) setFollowUp(msg followUpSet) tea.Cmd {
	if err := m.c.store.SetFollowUpAll(msg.ps, msg.day); err != nil {
		return m.flash("follow-up not changed: "+err.Error(), true)
	}
	text := "follow-up cleared → " + describe(msg.ps)
	if !msg.day.IsZero() {
		text = "follow up " + msg.day.Format("Mon 2 Jan") + " → " + describe(msg.ps)
	}
	return tea.Batch(m.flash(text, false), m.changed())
}
