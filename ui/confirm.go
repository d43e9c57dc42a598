package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/keymap"
)

// answered is the answer to a confirmOverlay's question.
type answered struct{ yes bool }

func (answered) isOverlayMsg() {}

// confirmOverlay asks a yes/no question: y answers yes, n or esc no.
// Other keys are ignored, so a stray key never answers.
type confirmOverlay struct {
	keys     *keymap.EditorKeys
	st       *Styles
	question string
}

// newConfirmOverlay asks question with keys, drawn in st.
func newConfirmOverlay(keys *keymap.EditorKeys, st *Styles, question string) *confirmOverlay {
	return &confirmOverlay{keys: keys, st: st, question: question}
}

// Update answers the question on y, n or esc.
func (o *confirmOverlay) Update(msg tea.Msg) (overlayMsg, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	switch {
	case keyMatches(k, o.keys.Yes):
		return answered{yes: true}, nil
	case keyMatches(k, o.keys.No), keyMatches(k, o.keys.Cancel):
		return answered{yes: false}, nil
	}
	return nil, nil
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
	return question, helpLines(o.st, []key.Binding{o.keys.Yes, no}, width)
}

// View shows the question, wrapped, above its keys; on a short screen
// the end of the question gives way to the keys.
func (o *confirmOverlay) View(width, height int) string {
	question, keys := o.lines(width)
	if n := max(height-len(keys), 1); len(question) > n {
		question = question[:n]
	}
	for i, l := range question {
		question[i] = o.st.Error.Render(l)
	}
	return strings.Join(append(question, keys...), "\n")
}
