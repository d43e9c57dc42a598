package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// noteOverlay is the inline note editor for where no editor can run: a
// textarea prefilled with the note; SaveNote (ctrl+s) saves it, Cancel
// (esc) closes it unchanged, enter starts a new line.
type noteOverlay struct {
	m      *Model
	p      *model.Posting
	before string
	why    string // why the inline editor is used
	area   textarea.Model
}

// noteAreaLines is the height of the inline editor's text area: the
// overlay less its title and help lines.
const noteAreaLines = maxOverlayLines - 2

// inlineNote opens the inline note editor for p, saying why (err: no
// editor could run).
func (m *Model) inlineNote(p *model.Posting, before string, err error) tea.Cmd {
	area := textarea.New()
	area.ShowLineNumbers = false
	area.Prompt = "│ "
	area.Placeholder = "your note on this posting"
	st := textarea.DefaultStyles(m.st.Dark)
	st.Cursor.Blink = false
	if m.st.NoColor {
		st.Focused, st.Blurred = textarea.StyleState{}, textarea.StyleState{}
		st.Cursor.Color = nil
	}
	area.SetStyles(st)
	area.SetWidth(max(m.lay.width, 10))
	area.SetHeight(noteAreaLines)
	area.SetValue(before)
	o := &noteOverlay{m: m, p: p, before: before, area: area, why: "no editor could run (" + err.Error() + ")"}
	m.OpenOverlay(o)
	return o.area.Focus()
}

// Update saves on SaveNote, closes on Cancel, and edits otherwise.
func (o *noteOverlay) Update(msg tea.Msg) (bool, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		keys := &o.m.keys.Editor
		switch {
		case keyMatches(k, keys.SaveNote):
			return true, o.m.setNote(o.p, o.before, o.area.Value())
		case keyMatches(k, keys.Cancel):
			return true, o.m.flash("note unchanged", false)
		}
	}
	var cmd tea.Cmd
	o.area, cmd = o.area.Update(msg)
	return false, cmd
}

// View shows a title saying why the note is edited here, the text area
// and the editor's keys.
func (o *noteOverlay) View(width, height int) string {
	title := "note on " + clean(o.p.Title) + " — " + o.why
	if width != o.area.Width() {
		o.area.SetWidth(width)
	}
	keys := &o.m.keys.Editor
	help := o.m.helpLines([]key.Binding{keys.SaveNote, keys.Cancel, o.area.KeyMap.InsertNewline}, width)
	if h := max(height-1-len(help), 1); h != o.area.Height() {
		o.area.SetHeight(h) // a short terminal: a smaller area, the keys still shown
	}
	lines := []string{o.m.st.Label.Render(title)}
	lines = append(lines, strings.Split(o.area.View(), "\n")...)
	if n := max(height-len(help), 1); len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(append(lines, help...), "\n")
}
