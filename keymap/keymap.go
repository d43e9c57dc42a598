// Package keymap defines every key binding of the jobdeck browser in one
// place. The browser matches keys only through these bindings and builds its
// short and full help from them, so what the help shows is what the keys do.
package keymap

import "charm.land/bubbles/v2/key"

// Mode is the part of the browser that has the keyboard.
type Mode int

const (
	// ModeList: the list pane has focus.
	ModeList Mode = iota
	// ModeDetail: the detail pane has focus.
	ModeDetail
	// ModeFilter: the filter input has focus; letters are typed, not bound.
	ModeFilter
	// ModeInput: a modal editor (tags, note, export prompt) has the
	// keyboard; only its own keys and force-quit apply.
	ModeInput
)

// Context is the browser state that decides which bindings are live.
type Context struct {
	Mode       Mode
	SinglePane bool // one pane at a time (narrow terminal)
	Selection  bool // a posting is under the cursor
	Filtered   bool // a filter query is active
	Store      bool // a state store is wired (shortlist, tags, notes, export)
}

// KeyMap holds the browser's bindings. Use DefaultKeyMap to get one and
// SetContext to enable exactly the bindings that apply right now.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding

	Open        key.Binding // open the detail (single pane)
	Back        key.Binding // back to the list (single pane)
	SwitchFocus key.Binding // tab between panes (two panes)

	Filter       key.Binding // focus the filter input
	FilterAccept key.Binding // keep the filter, back to the list
	FilterCancel key.Binding // clear the filter, back to the list
	ClearFilter  key.Binding // clear an active filter from the list
	FilterPrev   key.Binding // move the cursor up while typing a filter
	FilterNext   key.Binding // move the cursor down while typing a filter
	Sort         key.Binding // cycle the sort order

	Shortlist     key.Binding // toggle ★ (state store)
	Tags          key.Binding // edit tags (state store)
	Note          key.Binding // edit the note (state store)
	ShortlistView key.Binding // shortlist-only view (state store)
	Export        key.Binding // export the shortlist (state store)

	Help      key.Binding
	Quit      key.Binding
	ForceQuit key.Binding
	Suspend   key.Binding // stop jobdeck as a shell's job (fg brings it back)

	// Editor holds the keys of the state store's modal editors; each
	// editor shows the ones it takes in its own help line.
	Editor EditorKeys
}

// DefaultKeyMap returns the standard bindings, with the context of a fresh
// browser (list focused, two panes, nothing selected, no store) applied.
func DefaultKeyMap() KeyMap {
	k := KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),

		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		SwitchFocus: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "switch pane")),

		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		FilterAccept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		FilterCancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		FilterPrev:   key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		FilterNext:   key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		Sort:         key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "sort")),

		Shortlist:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "shortlist")),
		Tags:          key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tags")),
		Note:          key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "note")),
		ShortlistView: key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "shortlist only")),
		Export:        key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export")),

		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Suspend:   key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),

		Editor: DefaultEditorKeys(),
	}
	k.SetContext(Context{})
	return k
}

// SetContext enables the bindings that act in c and disables the rest, so
// that matching and help agree with the screen.
func (k *KeyMap) SetContext(c Context) {
	browsing := c.Mode == ModeList || c.Mode == ModeDetail
	listFocus := c.Mode == ModeList
	detailFocus := c.Mode == ModeDetail

	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom} {
		b.SetEnabled(browsing)
	}
	k.Open.SetEnabled(c.SinglePane && listFocus && c.Selection)
	k.Back.SetEnabled(c.SinglePane && detailFocus)
	k.SwitchFocus.SetEnabled(!c.SinglePane && browsing)

	k.Filter.SetEnabled(browsing)
	k.FilterAccept.SetEnabled(c.Mode == ModeFilter)
	k.FilterCancel.SetEnabled(c.Mode == ModeFilter)
	k.FilterPrev.SetEnabled(c.Mode == ModeFilter)
	k.FilterNext.SetEnabled(c.Mode == ModeFilter)
	// In a single detail pane esc means back; elsewhere it clears a filter.
	k.ClearFilter.SetEnabled(browsing && c.Filtered && !k.Back.Enabled())
	k.Sort.SetEnabled(browsing)

	withPosting := browsing && c.Store && c.Selection
	k.Shortlist.SetEnabled(withPosting)
	k.Tags.SetEnabled(withPosting)
	k.Note.SetEnabled(withPosting)
	k.ShortlistView.SetEnabled(browsing && c.Store)
	k.Export.SetEnabled(browsing && c.Store)

	k.Help.SetEnabled(browsing)
	k.Quit.SetEnabled(browsing)
	k.ForceQuit.SetEnabled(!browsing)
	k.Suspend.SetEnabled(true)
	k.Editor.setEnabled(c.Mode == ModeInput)
}

// ShortHelp returns the bindings of the footer line; disabled ones are left
// out by the help renderer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		k.Up, k.Down, k.Open, k.Back, k.SwitchFocus,
		k.FilterPrev, k.FilterNext, k.Filter, k.FilterAccept, k.FilterCancel, k.ClearFilter,
		k.Sort, k.Shortlist, k.Help, k.Quit, k.ForceQuit,
	}
}

// FullHelp returns every binding, in columns: moving, panes and the
// program, filter and sort, and the user's state. Help and quit share the
// second column because bubbles' help drops the columns that do not fit the
// width, and at 60 columns the last one would be lost: the keys that close
// the help and the program must always show.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Back, k.SwitchFocus, k.Help, k.Quit, k.ForceQuit, k.Suspend},
		{k.Filter, k.FilterAccept, k.FilterCancel, k.FilterPrev, k.FilterNext, k.ClearFilter, k.Sort},
		{k.Shortlist, k.Tags, k.Note, k.ShortlistView, k.Export},
	}
}

// EditorKeys are the keys of the state store's modal editors: the tag
// input, the inline note, the export prompt and the quit question. They
// are live only while an editor has the keyboard (ModeInput); the editor
// draws the ones it takes as its help line, in place of the footer.
type EditorKeys struct {
	Accept   key.Binding // save the tags; export as Markdown
	Cancel   key.Binding // close the editor, changing nothing
	Complete key.Binding // take the suggested tag
	NextTag  key.Binding // the next suggested tag
	PrevTag  key.Binding // the previous suggested tag
	SaveNote key.Binding // save the inline note
	Markdown key.Binding // export as Markdown
	CSV      key.Binding // export as CSV
	JSON     key.Binding // export as JSON
	Yes      key.Binding // answer yes (quit anyway)
	No       key.Binding // answer no
}

// DefaultEditorKeys returns the standard editor bindings, enabled.
func DefaultEditorKeys() EditorKeys {
	return EditorKeys{
		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Complete: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete")),
		NextTag:  key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "next tag")),
		PrevTag:  key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "previous tag")),
		SaveNote: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save note")),
		Markdown: key.NewBinding(key.WithKeys("m"), key.WithHelp("m/enter", "markdown")),
		CSV:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "csv")),
		JSON:     key.NewBinding(key.WithKeys("j"), key.WithHelp("j", "json")),
		Yes:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "no")),
	}
}

func (e *EditorKeys) setEnabled(on bool) {
	for _, b := range []*key.Binding{&e.Accept, &e.Cancel, &e.Complete, &e.NextTag, &e.PrevTag, &e.SaveNote, &e.Markdown, &e.CSV, &e.JSON, &e.Yes, &e.No} {
		b.SetEnabled(on)
	}
}
