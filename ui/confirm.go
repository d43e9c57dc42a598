package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/keymap"
)

// confirmOverlay asks a yes/no question: y runs yes, n or esc runs no.
// Other keys are ignored, so a stray key never answers.
type confirmOverlay struct {
	keys     *keymap.EditorKeys
	help     *help.Model
	st       *Styles
	question string
	yes, no  func() tea.Cmd
}

// Update answers the question on y, n or esc.
func (o *confirmOverlay) Update(msg tea.Msg) (bool, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, nil
	}
	switch {
	case keyMatches(k, o.keys.Yes):
		return true, o.yes()
	case keyMatches(k, o.keys.No), keyMatches(k, o.keys.Cancel):
		return true, o.no()
	}
	return false, nil
}

// Lines is the wrapped question and a line of keys.
func (o *confirmOverlay) Lines(width int) int {
	return strings.Count(ansi.Wrap(clean(o.question), max(width, 1), " "), "\n") + 2
}

// View shows the question, wrapped, above its keys.
func (o *confirmOverlay) View(width, height int) string {
	lines := strings.Split(ansi.Wrap(clean(o.question), width, " "), "\n")
	if len(lines) > height-1 {
		lines = lines[:max(height-1, 0)]
	}
	for i, l := range lines {
		lines[i] = o.st.Error.Render(l)
	}
	o.help.SetWidth(width)
	no := o.keys.No
	no.SetHelp("n/esc", "no")
	lines = append(lines, o.help.ShortHelpView([]key.Binding{o.keys.Yes, no}))
	return strings.Join(lines, "\n")
}
