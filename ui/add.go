package ui

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
)

// adding is what the add key needs: the folder postings are written to
// ("" turns the key off), how a URL or a text is read, and the loader's
// options, to read the written file back as a load would.
type adding struct {
	dir   string
	adder loader.Adder
	opts  loader.Options
}

// addRequested carries what the user pasted or typed into the add prompt.
type addRequested struct{ text string }

func (addRequested) isOverlayMsg() {}

// addedMsg reports a posting added: the posting as the loader read the
// file written, and that file's path; or why nothing was added.
type addedMsg struct {
	p    *model.Posting
	path string
	err  error
}

// addOverlay asks for a posting to add: a URL typed or pasted into its
// input, or a posting's text pasted whole. A paste of several lines is
// the posting itself and is taken at once; Accept takes the input's line;
// Cancel closes.
type addOverlay struct {
	keys  *keymap.EditorKeys
	st    *Styles
	input textinput.Model
}

// addPrompt is the add overlay's prompt.
const addPrompt = "add: "

// newAddOverlay returns the add prompt, its input styled with is.
func newAddOverlay(keys *keymap.EditorKeys, st *Styles, is textinput.Styles) *addOverlay {
	in := textinput.New()
	in.Prompt = addPrompt
	in.Placeholder = "paste a posting's URL or its text"
	in.SetStyles(is)
	return &addOverlay{keys: keys, st: st, input: in}
}

// Update takes a paste of several lines whole, the input's line on
// Accept, and edits the input otherwise.
func (o *addOverlay) Update(msg tea.Msg) (overlayMsg, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if strings.Contains(strings.TrimSpace(msg.Content), "\n") {
			return addRequested{text: msg.Content}, nil
		}
	case tea.KeyPressMsg:
		switch {
		case keyMatches(msg, o.keys.Accept):
			if strings.TrimSpace(o.input.Value()) == "" {
				return cancelled{say: "nothing to add"}, nil
			}
			return addRequested{text: o.input.Value()}, nil
		case keyMatches(msg, o.keys.Cancel):
			return cancelled{say: "nothing added"}, nil
		}
	}
	var cmd tea.Cmd
	o.input, cmd = o.input.Update(msg)
	return nil, cmd
}

// bindings are the keys the prompt takes, Accept named for what it does
// here.
func (o *addOverlay) bindings() []key.Binding {
	return []key.Binding{acceptAs(o.keys, "add"), o.keys.Cancel}
}

// Lines is the input and its keys as they wrap.
func (o *addOverlay) Lines(width int) int { return 1 + len(helpLines(o.st, o.bindings(), width)) }

// View shows the input over its keys.
func (o *addOverlay) View(width, height int) string {
	o.input.SetWidth(max(width-len(o.input.Prompt)-1, 1))
	keys := helpLines(o.st, o.bindings(), width)
	lines := append([]string{o.input.View()}, keys...)
	if len(lines) > height {
		lines = lines[:max(height, 1)]
	}
	return strings.Join(lines, "\n")
}

// onAddPosting opens the add prompt.
func (m *Model) onAddPosting() tea.Cmd {
	if m.add.dir == "" {
		return nil
	}
	o := newAddOverlay(&m.c.keys.Editor, &m.c.styles, inputStyles(&m.c.styles))
	m.OpenOverlay(o)
	return tea.Batch(o.input.Focus(), m.flash("paste a posting's URL or text, then enter", false))
}

// addPosting returns a Cmd that reads text (a URL is fetched), writes the
// posting into the add folder and reads that file back.
func (m *Model) addPosting(text string) tea.Cmd {
	a, now := m.add, m.c.now()
	what := "reading the posting…"
	if isAddURL(text) {
		what = "fetching " + clean(strings.TrimSpace(text)) + "…"
	}
	return tea.Batch(m.flash(what, false), func() tea.Msg { return a.run(context.Background(), text, now) })
}

// isAddURL reports whether text is one line naming a URL, as `jobdeck
// add` tells a URL from a file.
func isAddURL(text string) bool {
	t := strings.TrimSpace(text)
	return t != "" && !strings.ContainsAny(t, " \t\r\n") && strings.Contains(t, "://")
}

// run reads text as `jobdeck add` reads its argument (a URL) or stdin (a
// text, plain or HTML), writes the posting into a.dir (made when missing)
// and reads the file written with the loader, so the posting is what a
// load of the folder will give.
func (a adding) run(ctx context.Context, text string, now time.Time) addedMsg {
	arg := "-"
	if isAddURL(text) {
		arg = strings.TrimSpace(text)
	} else {
		a.adder.Stdin = strings.NewReader(text)
	}
	p, err := a.adder.Read(ctx, arg)
	if err != nil {
		return addedMsg{err: fmt.Errorf("not added: %w", err)}
	}
	if err := os.MkdirAll(a.dir, 0o755); err != nil {
		return addedMsg{err: fmt.Errorf("not added: %w", err)}
	}
	path, err := loader.WriteAdded(a.dir, p, now)
	if err != nil {
		return addedMsg{err: fmt.Errorf("not added: %w", err)}
	}
	srcs, err := loader.SourcesFromPaths([]string{path})
	if err != nil {
		return addedMsg{err: fmt.Errorf("added %s, but: %w", loader.SafePath(path), err)}
	}
	ps, _, err := loader.Load(ctx, srcs, a.opts)
	if err != nil || len(ps) == 0 {
		return addedMsg{err: fmt.Errorf("added %s, but it does not load back: %v", loader.SafePath(path), err)}
	}
	return addedMsg{p: ps[0], path: path}
}

// onAdded puts the added posting into the collection and shows it, or
// says why nothing was added. A posting the collection holds already (the
// same link) is shown as it is.
func (m *Model) onAdded(msg addedMsg) tea.Cmd {
	if msg.err != nil {
		return m.flash(msg.err.Error(), true)
	}
	m.on = browserScreen
	m.relayout()
	where := loader.SafePath(msg.path)
	if old, ok := m.c.coll.ByID(msg.p.ID); ok {
		return tea.Batch(m.flash("already listed; written to "+where, false), m.browser.reveal(old))
	}
	m.c.coll.Add(msg.p)
	return tea.Batch(m.tell(postingsAdded), m.browser.reveal(msg.p), m.flash("added "+where, false))
}
