package ui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// tagsEdited carries the tags the user gave p.
type tagsEdited struct {
	p    *model.Posting
	tags []string
}

func (tagsEdited) isOverlayMsg() {}

// tagsOverlay edits the tags of one posting: an input prefilled with its
// tags, comma- or space-separated, completing the word being typed from
// the tags already in use. Accept reports tagsEdited, Cancel closes.
type tagsOverlay struct {
	p     *model.Posting
	bulk  []*model.Posting // marked postings: the input adds tags, and removes those written -tag
	keys  *keymap.EditorKeys
	st    *Styles
	input textinput.Model
	all   []string // every tag in use, for completion
}

// newTagsOverlay returns the tag editor for p, which has tags; all are
// the tags in use. The input is styled with is, like the filter's.
func newTagsOverlay(keys *keymap.EditorKeys, st *Styles, is textinput.Styles, p *model.Posting, tags, all []string) *tagsOverlay {
	in := textinput.New()
	in.Prompt = "tags: "
	in.Placeholder = "comma or space separated"
	in.SetStyles(is)
	in.ShowSuggestions = true
	o := &tagsOverlay{p: p, keys: keys, st: st, all: all}
	if len(tags) > 0 {
		in.SetValue(strings.Join(tags, ", "))
	}
	in.CursorEnd()
	o.input = in
	o.suggest()
	return o
}

// Update saves on Accept, closes on Cancel, and edits the input otherwise.
func (o *tagsOverlay) Update(msg tea.Msg) (overlayMsg, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case keyMatches(k, o.keys.Accept) && o.bulk != nil:
			add, remove := splitTagEdits(o.input.Value())
			return bulkTagsEdited{ps: o.bulk, add: add, remove: remove}, nil
		case keyMatches(k, o.keys.Accept):
			return tagsEdited{p: o.p, tags: model.ParseTags(o.input.Value())}, nil
		case keyMatches(k, o.keys.Cancel):
			return cancelled{say: "tags unchanged"}, nil
		}
	}
	// The input completes with the keymap's bindings, as they are now
	// (enabled: the editor has the keyboard).
	o.input.KeyMap.AcceptSuggestion = o.keys.Complete
	o.input.KeyMap.NextSuggestion = o.keys.NextTag
	o.input.KeyMap.PrevSuggestion = o.keys.PrevTag
	var cmd tea.Cmd
	o.input, cmd = o.input.Update(msg)
	o.suggest()
	return nil, cmd
}

// suggest offers, for the word being typed, every tag in use that the
// input does not hold yet: the input completes the whole value, so each
// suggestion is the text before that word plus the tag.
func (o *tagsOverlay) suggest() {
	v := o.input.Value()
	cut := strings.LastIndexAny(v, ", \t") + 1
	head := v[:cut]
	have := map[string]bool{}
	for _, t := range model.ParseTags(head) {
		have[strings.ToLower(t)] = true
	}
	sugs := make([]string, 0, len(o.all))
	for _, t := range o.all {
		if !have[strings.ToLower(t)] {
			sugs = append(sugs, head+t)
		}
	}
	o.input.SetSuggestions(sugs)
}

// matching returns the tags the word being typed may complete to.
func (o *tagsOverlay) matching() []string {
	head := len(o.input.Value()) - len(lastWord(o.input.Value()))
	var out []string
	for _, s := range o.input.MatchedSuggestions() {
		if head <= len(s) {
			out = append(out, s[head:])
		}
	}
	return out
}

// lastWord returns the word of v after its last separator.
func lastWord(v string) string { return v[strings.LastIndexAny(v, ", \t")+1:] }

// Lines is the input, the completions, and the keys as they wrap.
func (o *tagsOverlay) Lines(width int) int { return 2 + len(helpLines(o.st, o.bindings(), width)) }

// bindings are the keys the tag editor takes.
func (o *tagsOverlay) bindings() []key.Binding {
	return []key.Binding{o.keys.Accept, o.keys.Cancel, o.keys.Complete, o.keys.NextTag, o.keys.PrevTag}
}

// View shows the input, the tags it may complete to, and its keys.
func (o *tagsOverlay) View(width, height int) string {
	o.input.SetWidth(max(width-len(o.input.Prompt)-1, 1))
	lines := []string{o.input.View()}
	keys := helpLines(o.st, o.bindings(), width)
	if height-len(keys) >= 2 {
		var ms []string
		if lastWord(o.input.Value()) != "" {
			ms = o.matching()
		}
		lines = append(lines, o.st.Dim.Render("  "+clean(strings.Join(ms, "  "))))
	}
	if n := max(height-len(keys), 1); len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(append(lines, keys...), "\n")
}

// setTags gives p the tags and saves, unless they are what p has.
func (m *Model) setTags(p *model.Posting, tags []string) tea.Cmd {
	if p == nil {
		return nil
	}
	store := m.c.store
	if slices.Equal(tags, store.Tags(p.ID)) {
		return m.flash("tags unchanged", false)
	}
	if err := store.SetTags(p, tags); err != nil {
		return m.flash("tags not changed: "+err.Error(), true)
	}
	return m.changed()
}

// bulkTagsEdited carries the tags to add to and remove from ps.
type bulkTagsEdited struct {
	ps          []*model.Posting
	add, remove []string
}

func (bulkTagsEdited) isOverlayMsg() {}

// newBulkTagsOverlay returns the tag editor for the marked postings ps:
// "go -remote" adds go and removes remote; all are the tags in use.
func newBulkTagsOverlay(keys *keymap.EditorKeys, st *Styles, is textinput.Styles, ps []*model.Posting, all []string) *tagsOverlay {
	o := newTagsOverlay(keys, st, is, nil, nil, all)
	o.bulk = ps
	o.input.Prompt = "tags of " + strconv.Itoa(len(ps)) + " marked: "
	o.input.Placeholder = "go -remote adds go, removes remote"
	return o
}

// splitTagEdits reads "go, -remote" as tags to add and to remove.
func splitTagEdits(v string) (add, remove []string) {
	for _, w := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		if t, ok := strings.CutPrefix(w, "-"); ok {
			remove = append(remove, model.ParseTags(t)...)
		} else {
			add = append(add, model.ParseTags(w)...)
		}
	}
	return add, remove
}

// editTags adds and removes the tags of msg on its postings and saves:
// one undo step for each of the two.
func (m *Model) editTags(msg bulkTagsEdited) tea.Cmd {
	store := m.c.store
	if len(msg.add) > 0 {
		if err := store.AddTags(msg.ps, msg.add); err != nil {
			return m.flash("tags not changed: "+err.Error(), true)
		}
	}
	if len(msg.remove) > 0 {
		if err := store.RemoveTags(msg.ps, msg.remove); err != nil {
			return tea.Batch(m.flash("tags not removed: "+err.Error(), true), m.changed())
		}
	}
	if len(msg.add)+len(msg.remove) == 0 {
		return m.flash("tags unchanged", false)
	}
	return tea.Batch(m.flash("tags changed → "+describe(msg.ps), false), m.changed())
}
