package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// followUpSet is the follow-up day the user gave ps; zero clears it.
type followUpSet struct {
	ps  []*model.Posting
	day time.Time
}

func (followUpSet) isOverlayMsg() {}

// followUpOverlay asks for a follow-up day, read by
// [model.ParseFollowUp] ("7d", "2w", "mon", "2026-12-15"; empty clears
// it). A text that is no day says why and stays open.
type followUpOverlay struct {
	keys  *keymap.EditorKeys
	st    *Styles
	ps    []*model.Posting
	what  string
	now   time.Time
	input textinput.Model
	err   string
}

// newFollowUpOverlay asks for the follow-up of ps (what names them) as of
// now, the input holding value.
func newFollowUpOverlay(keys *keymap.EditorKeys, st *Styles, is textinput.Styles, ps []*model.Posting, what, value string, now time.Time) *followUpOverlay {
	in := textinput.New()
	in.Prompt = "follow up: "
	in.Placeholder = "7d, 2w, mon, 2026-12-15; empty clears"
	in.SetStyles(is)
	in.SetValue(value)
	in.CursorEnd()
	return &followUpOverlay{keys: keys, st: st, ps: ps, what: what, now: now, input: in}
}

// Update sets the day on Accept, closes on Cancel, else edits the input.
func (o *followUpOverlay) Update(msg tea.Msg) (overlayMsg, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case keyMatches(k, o.keys.Accept):
			day, err := model.ParseFollowUp(o.input.Value(), o.now)
			if err != nil {
				o.err = err.Error()
				return nil, nil
			}
			return followUpSet{ps: o.ps, day: day}, nil
		case keyMatches(k, o.keys.Cancel):
			return cancelled{say: "follow-up unchanged"}, nil
		}
	}
	var cmd tea.Cmd
	o.input, cmd = o.input.Update(msg)
	return nil, cmd
}

// bindings are the keys the overlay takes.
func (o *followUpOverlay) bindings() []key.Binding {
	return []key.Binding{acceptAs(o.keys, "set"), o.keys.Cancel}
}

// Lines is what the follow-up is for, the input and the keys.
func (o *followUpOverlay) Lines(width int) int { return 2 + len(helpLines(o.st, o.bindings(), width)) }

// View shows what it is for (or why the text is no day), the input and
// the keys.
func (o *followUpOverlay) View(width, height int) string {
	head := o.st.Label.Render("follow-up of ") + o.st.Value.Render(clean(o.what))
	if o.err != "" {
		head = o.st.Error.Render(clean(o.err))
	}
	o.input.SetWidth(max(width-len(o.input.Prompt)-1, 1))
	lines := []string{head, o.input.View()}
	keys := helpLines(o.st, o.bindings(), width)
	if n := max(height-len(keys), 1); len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(append(lines, keys...), "\n")
}
