package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// stagePicked is the stage the user picked for ps, dated at (never zero).
type stagePicked struct {
	ps []*model.Posting
	st model.Stage
	at time.Time
}

func (stagePicked) isOverlayMsg() {}

// stagePicker asks for a stage: one key per stage (the keymap's
// EditorKeys.StageKeys), and an optional date field, reached with
// StageDate, taking what [model.ParseStageDate] reads ("3d ago",
// "2026-11-02"; empty is now). Accept leaves the date field, Cancel
// leaves it or closes the picker.
type stagePicker struct {
	keys   *keymap.EditorKeys
	st     *Styles
	ps     []*model.Posting
	what   string // what the stage is for: a posting's title, "3 marked postings"
	now    time.Time
	date   textinput.Model
	typing bool      // the date field has the keyboard
	at     time.Time // the date read from the field; zero: now
	err    string    // why the date field's text is no date
}

// newStagePicker asks for the stage of ps (what names them) as of now; is
// styles the date field.
func newStagePicker(keys *keymap.EditorKeys, st *Styles, is textinput.Styles, ps []*model.Posting, what string, now time.Time) *stagePicker {
	in := textinput.New()
	in.Prompt = "date: "
	in.Placeholder = "today (3d ago, 2026-11-02)"
	in.SetStyles(is)
	return &stagePicker{keys: keys, st: st, ps: ps, what: what, now: now, date: in}
}

// Update picks the stage of a stage key, or edits the date field.
func (o *stagePicker) Update(msg tea.Msg) (overlayMsg, tea.Cmd) {
	if o.typing {
		return o.updateDate(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	at := o.at
	if at.IsZero() {
		at = o.now
	}
	for i, st := range model.Stages() {
		if keyMatches(k, o.keys.StageKeys[i]) {
			return stagePicked{ps: o.ps, st: st, at: at}, nil
		}
	}
	switch {
	case keyMatches(k, o.keys.StageNone):
		return stagePicked{ps: o.ps, st: model.StageNone, at: at}, nil
	case keyMatches(k, o.keys.StageDate):
		o.typing = true
		return nil, o.date.Focus()
	case keyMatches(k, o.keys.Cancel):
		return cancelled{say: "stage unchanged"}, nil
	}
	return nil, nil
}

// updateDate edits the date field: Accept reads it and goes back to the
// stage keys, Cancel goes back with the date as it was.
func (o *stagePicker) updateDate(msg tea.Msg) (overlayMsg, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case keyMatches(k, o.keys.Accept):
			at, err := model.ParseStageDate(o.date.Value(), o.now)
			if err != nil {
				o.err = err.Error()
				return nil, nil
			}
			if strings.TrimSpace(o.date.Value()) == "" {
				at = time.Time{}
			}
			o.at, o.err, o.typing = at, "", false
			o.date.Blur()
			return nil, nil
		case keyMatches(k, o.keys.Cancel):
			o.err, o.typing = "", false
			o.date.Blur()
			return nil, nil
		}
	}
	var cmd tea.Cmd
	o.date, cmd = o.date.Update(msg)
	return nil, cmd
}

// bindings are the keys the picker takes now.
func (o *stagePicker) bindings() []key.Binding {
	if o.typing {
		acc := o.keys.Accept
		acc.SetHelp(acc.Help().Key, "keep the date")
		back := o.keys.Cancel
		back.SetHelp(back.Help().Key, "back")
		return []key.Binding{acc, back}
	}
	bs := append([]key.Binding{}, o.keys.StageKeys[:]...)
	return append(bs, o.keys.StageNone, o.keys.StageDate, o.keys.Cancel)
}

// Lines is the question, the date field and the keys as they wrap.
func (o *stagePicker) Lines(width int) int { return 2 + len(helpLines(o.st, o.bindings(), width)) }

// View shows what the stage is for and when, then the keys.
func (o *stagePicker) View(width, height int) string {
	when := "today"
	if !o.at.IsZero() {
		when = o.at.In(o.now.Location()).Format("Mon 2 Jan 2006")
	}
	lines := []string{o.st.Label.Render("stage of ") + o.st.Value.Render(clean(o.what))}
	switch {
	case o.typing:
		o.date.SetWidth(max(width-len(o.date.Prompt)-1, 1))
		line := o.date.View()
		if o.err != "" {
			line += "  " + o.st.Error.Render(clean(o.err))
		}
		lines = append(lines, line)
	default:
		lines = append(lines, o.st.Dim.Render(fmt.Sprintf("  dated %s · a key picks the stage; %s dates it in the past", when, o.keys.StageDate.Help().Key)))
	}
	keys := helpLines(o.st, o.bindings(), width)
	if n := max(height-len(keys), 1); len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(append(lines, keys...), "\n")
}
