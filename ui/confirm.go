package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/keymap"
)

// confirmOverlay asks a yes/no question: y runs yes, n or esc runs no.
// Other keys are ignored, so a stray key never answers.
type confirmOverlay struct {
	keys     *keymap.EditorKeys
	m        *Model
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

// Lines is the wrapped question and its keys.
func (o *confirmOverlay) Lines(width int) int {
	q, k := o.lines(width)
	return len(q) + len(k)
}

// lines returns the question and its keys, each wrapped to width.
func (o *confirmOverlay) lines(width int) (question, keys []string) {
	question = strings.Split(ansi.Wrap(clean(o.question), max(width, 1), " "), "\n")
	no := o.keys.No
	no.SetHelp("n/esc", "no")
	return question, o.m.helpLines([]key.Binding{o.keys.Yes, no}, width)
}

// View shows the question, wrapped, above its keys; on a short screen
// the end of the question gives way to the keys.
func (o *confirmOverlay) View(width, height int) string {
	question, keys := o.lines(width)
	if n := max(height-len(keys), 1); len(question) > n {
		question = question[:n]
	}
	for i, l := range question {
		question[i] = o.m.st.Error.Render(l)
	}
	return strings.Join(append(question, keys...), "\n")
}
