package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// noteOverlay is the inline note editor for where no editor can run: a
// textarea prefilled with the note; SaveNote (ctrl+s) saves it, Cancel
// (esc) closes it unchanged, enter starts a new line.
type noteOverlay struct {
	keys   *keymap.EditorKeys
	st     *Styles
	p      *model.Posting
	before string
	why    string // why the inline editor is used
	area   textarea.Model
}

// noteAreaLines is the height of the inline editor's text area: the
// overlay less its title and help lines.
const noteAreaLines = maxOverlayLines - 2

// noteEdited carries the note the user wrote on p (before: the note when
// editing began).
type noteEdited struct {
	p            *model.Posting
	before, text string
}

func (noteEdited) isOverlayMsg() {}

// inlineNote opens the inline note editor for p, saying why (err: no
// editor could run).
func (m *Model) inlineNote(p *model.Posting, before string, err error) tea.Cmd {
	o := newNoteOverlay(&m.c.keys.Editor, &m.c.styles, m.lay.width, p, before, "no editor could run ("+err.Error()+")")
	m.OpenOverlay(o)
	return o.area.Focus()
}

// newNoteOverlay returns the inline editor of p's note before, width
// wide, saying why it is used.
func newNoteOverlay(keys *keymap.EditorKeys, st *Styles, width int, p *model.Posting, before, why string) *noteOverlay {
	area := textarea.New()
	area.ShowLineNumbers = false
	area.Prompt = "│ "
	area.Placeholder = "your note on this posting"
	ts := textarea.DefaultStyles(st.Dark)
	ts.Cursor.Blink = false
	if st.NoColor {
		ts.Focused, ts.Blurred = textarea.StyleState{}, textarea.StyleState{}
		ts.Cursor.Color = nil
	}
	area.SetStyles(ts)
	area.SetWidth(max(width, 10))
	area.SetHeight(noteAreaLines)
	area.SetValue(before)
	return &noteOverlay{keys: keys, st: st, p: p, before: before, area: area, why: why}
}

// Update saves on SaveNote, closes on Cancel, and edits otherwise.
func (o *noteOverlay) Update(msg tea.Msg) (overlayMsg, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case keyMatches(k, o.keys.SaveNote):
			return noteEdited{p: o.p, before: o.before, text: o.area.Value()}, nil
		case keyMatches(k, o.keys.Cancel):
			return cancelled{say: "note unchanged"}, nil
		}
	}
	var cmd tea.Cmd
	o.area, cmd = o.area.Update(msg)
	return nil, cmd
}

// View shows a title saying why the note is edited here, the text area
// and the editor's keys.
func (o *noteOverlay) View(width, height int) string {
	title := "note on " + clean(o.p.Title) + " — " + o.why
	if width != o.area.Width() {
		o.area.SetWidth(width)
	}
	help := helpLines(o.st, []key.Binding{o.keys.SaveNote, o.keys.Cancel, o.area.KeyMap.InsertNewline}, width)
	if h := max(height-1-len(help), 1); h != o.area.Height() {
		o.area.SetHeight(h) // a short terminal: a smaller area, the keys still shown
	}
	lines := []string{o.st.Label.Render(title)}
	lines = append(lines, strings.Split(o.area.View(), "\n")...)
	if n := max(height-len(help), 1); len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(append(lines, help...), "\n")
}
