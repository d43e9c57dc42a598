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
	// ModeBoard: the board screen has the keyboard.
	ModeBoard
	// ModeStats: the stats screen has the keyboard.
	ModeStats
	// ModeSearch: the search in the posting is typed; letters are typed,
	// not bound.
	ModeSearch
)

// Context is the browser state that decides which bindings are live.
type Context struct {
	Mode       Mode
	SinglePane bool // one pane at a time (narrow terminal)
	Selection  bool // a posting is under the cursor
	Filtered   bool // a filter query is active
	Store      bool // a state store is wired (shortlist, tags, notes, export)
	Marks      bool // postings are marked for a bulk change
	Add        bool // a folder to add postings to is set
	Searching  bool // a search in the posting is active (its matches highlighted)
	Searches   bool // there are saved searches
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

	Search       key.Binding // search the text of the posting shown (detail focus)
	SearchAccept key.Binding // keep the search typed, to jump between its matches
	SearchCancel key.Binding // drop the search typed
	NextMatch    key.Binding // the next match of the search in the posting
	PrevMatch    key.Binding // the previous match
	EndSearch    key.Binding // end the search in the posting

	SaveSearch    key.Binding // save the query typed under a name (while filtering)
	SavedSearches key.Binding // the picker of saved searches
	RecallSearch  key.Binding // its keys recall the first saved searches, in order

	Shortlist     key.Binding // toggle ★ (state store)
	Tags          key.Binding // edit tags (state store)
	Note          key.Binding // edit the note (state store)
	ShortlistView key.Binding // shortlist-only view (state store)
	Export        key.Binding // export the shortlist (state store)
	AddPosting    key.Binding // add a posting from a pasted URL or text

	OpenURL  key.Binding // open the posting's link in the browser
	CopyURL  key.Binding // copy the link (OSC 52)
	CopyLine key.Binding // copy title — company — link

	Stage     key.Binding // pick the stage (state store)
	NextStage key.Binding // the next active stage (state store)
	PrevStage key.Binding // the previous active stage (state store)
	FollowUp  key.Binding // set the follow-up day (state store)

	Mark       key.Binding // mark the posting for a bulk change
	MarkAll    key.Binding // mark every posting shown
	ClearMarks key.Binding // clear the marks
	Undo       key.Binding // undo the last change (state store)
	Redo       key.Binding // redo what was undone (state store)

	Board      key.Binding // the board screen, or back from it
	Stats      key.Binding // the stats screen, or back from it
	BoardLeft  key.Binding // the board's column to the left
	BoardRight key.Binding // the board's column to the right
	CloseView  key.Binding // back from the board or stats screen

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

		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search posting")),
		SearchAccept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep search")),
		SearchCancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel search")),
		NextMatch:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch:    key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		EndSearch:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "end search")),

		SaveSearch:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save search")),
		SavedSearches: key.NewBinding(key.WithKeys("'"), key.WithHelp("'", "saved searches")),
		RecallSearch:  key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1–9", "saved search")),

		Shortlist:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "shortlist")),
		Tags:          key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tags")),
		Note:          key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "note")),
		ShortlistView: key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "shortlist only")),
		Export:        key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export")),
		AddPosting:    key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "add posting")),

		OpenURL:  key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open link")),
		CopyURL:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy link")),
		CopyLine: key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy line")),

		Stage:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "stage")),
		NextStage: key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "next stage")),
		PrevStage: key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "previous stage")),
		FollowUp:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "follow-up")),

		Mark:       key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "mark")),
		MarkAll:    key.NewBinding(key.WithKeys("V"), key.WithHelp("V", "mark all")),
		ClearMarks: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear marks")),
		Undo:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Redo:       key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "redo")),

		Board:      key.NewBinding(key.WithKeys("B"), key.WithHelp("B", "board")),
		Stats:      key.NewBinding(key.WithKeys("I"), key.WithHelp("I", "stats")),
		BoardLeft:  key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("←/h", "column left")),
		BoardRight: key.NewBinding(key.WithKeys("l", "right"), key.WithHelp("→/l", "column right")),
		CloseView:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),

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
	board := c.Mode == ModeBoard
	screen := browsing || board || c.Mode == ModeStats

	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom} {
		b.SetEnabled(browsing || board)
	}
	k.Open.SetEnabled((c.SinglePane && listFocus || board) && c.Selection)
	k.Back.SetEnabled(c.SinglePane && detailFocus && !c.Searching)
	k.SwitchFocus.SetEnabled(!c.SinglePane && browsing)

	// In the detail pane / searches the posting; elsewhere it filters.
	k.Filter.SetEnabled(listFocus || board)
	k.Search.SetEnabled(detailFocus && c.Selection)
	k.SearchAccept.SetEnabled(c.Mode == ModeSearch)
	k.SearchCancel.SetEnabled(c.Mode == ModeSearch)
	finding := detailFocus && c.Searching
	k.NextMatch.SetEnabled(finding)
	k.PrevMatch.SetEnabled(finding)
	k.EndSearch.SetEnabled(finding)
	k.SaveSearch.SetEnabled(c.Mode == ModeFilter && c.Filtered)
	k.SavedSearches.SetEnabled(browsing && c.Searches)
	k.RecallSearch.SetEnabled(browsing && c.Searches)
	k.FilterAccept.SetEnabled(c.Mode == ModeFilter)
	k.FilterCancel.SetEnabled(c.Mode == ModeFilter)
	k.FilterPrev.SetEnabled(c.Mode == ModeFilter)
	k.FilterNext.SetEnabled(c.Mode == ModeFilter)
	// In a single detail pane esc means back; elsewhere it clears a filter.
	// Marks are cleared before the filter.
	k.ClearFilter.SetEnabled((browsing || board) && c.Filtered && !k.Back.Enabled() && !c.Marks && !(detailFocus && c.Searching))
	k.Sort.SetEnabled(browsing)

	k.Note.SetEnabled(browsing && c.Store && c.Selection && !(detailFocus && c.Searching))
	k.ShortlistView.SetEnabled(browsing && c.Store)
	k.Export.SetEnabled(browsing && c.Store)
	k.AddPosting.SetEnabled(browsing && c.Add)

	k.OpenURL.SetEnabled((browsing || board) && c.Selection)
	k.CopyURL.SetEnabled((browsing || board) && c.Selection)
	k.CopyLine.SetEnabled((browsing || board) && c.Selection)
	targets := (browsing || board) && c.Store && (c.Selection || c.Marks)
	k.Stage.SetEnabled(targets && !board)
	k.NextStage.SetEnabled(targets)
	k.PrevStage.SetEnabled(targets)
	k.FollowUp.SetEnabled(targets)
	k.Shortlist.SetEnabled(browsing && c.Store && (c.Selection || c.Marks))
	k.Tags.SetEnabled(browsing && c.Store && (c.Selection || c.Marks))

	k.Mark.SetEnabled(listFocus && c.Store && c.Selection)
	k.MarkAll.SetEnabled(listFocus && c.Store)
	k.ClearMarks.SetEnabled(browsing && c.Marks && !k.Back.Enabled() && !(detailFocus && c.Searching))
	k.Undo.SetEnabled(screen && c.Store)
	k.Redo.SetEnabled(screen && c.Store)

	k.Board.SetEnabled((browsing || board) && c.Store)
	k.Stats.SetEnabled((browsing || c.Mode == ModeStats) && c.Store)
	k.BoardLeft.SetEnabled(board)
	k.BoardRight.SetEnabled(board)
	k.CloseView.SetEnabled((board && !c.Filtered) || c.Mode == ModeStats)

	k.Help.SetEnabled(screen)
	k.Quit.SetEnabled(screen)
	k.ForceQuit.SetEnabled(!screen)
	k.Suspend.SetEnabled(true)
	k.Editor.setEnabled(c.Mode == ModeInput)
}

// ShortHelp returns the bindings of the footer line; disabled ones are left
// out by the help renderer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		k.Up, k.Down, k.Open, k.Back, k.SwitchFocus,
		k.FilterPrev, k.FilterNext, k.Filter, k.FilterAccept, k.FilterCancel, k.ClearFilter,
		k.Sort, k.Search, k.SearchAccept, k.SearchCancel, k.NextMatch, k.PrevMatch, k.EndSearch,
		k.Shortlist, k.ClearMarks, k.Help, k.Quit, k.ForceQuit,
	}
}

// BoardShortHelp returns the bindings of the board screen's footer line.
func (k KeyMap) BoardShortHelp() []key.Binding {
	return []key.Binding{
		k.BoardLeft, k.BoardRight, k.Up, k.Down, k.NextStage, k.PrevStage, k.Open,
		k.FilterAccept, k.FilterCancel, k.Filter, k.ClearFilter, k.CloseView, k.Help, k.Quit, k.ForceQuit,
	}
}

// BoardFullHelp returns every binding of the board screen, in columns.
func (k KeyMap) BoardFullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.BoardLeft, k.BoardRight, k.Up, k.Down, k.Top, k.Bottom},
		{k.NextStage, k.PrevStage, k.FollowUp, k.Open, k.OpenURL, k.CopyURL, k.CopyLine},
		{k.Filter, k.FilterAccept, k.FilterCancel, k.ClearFilter, k.Undo, k.Redo},
		{k.Board, k.CloseView, k.Help, k.Quit, k.ForceQuit},
	}
}

// StatsShortHelp returns the bindings of the stats screen's footer line.
func (k KeyMap) StatsShortHelp() []key.Binding {
	return []key.Binding{k.Stats, k.CloseView, k.Undo, k.Help, k.Quit}
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
		{k.Search, k.SearchAccept, k.SearchCancel, k.NextMatch, k.PrevMatch, k.EndSearch},
		{k.SaveSearch, k.SavedSearches, k.RecallSearch},
		{k.Shortlist, k.Tags, k.Note, k.ShortlistView, k.Export, k.AddPosting, k.Undo, k.Redo},
		{k.OpenURL, k.CopyURL, k.CopyLine, k.Stage, k.NextStage, k.PrevStage, k.FollowUp},
		{k.Mark, k.MarkAll, k.ClearMarks, k.Board, k.Stats, k.BoardLeft, k.BoardRight, k.CloseView},
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
	// StageKeys pick a stage in the stage picker, one per stage in
	// pipeline order (model.Stages()): interested … ghosted.
	StageKeys [8]key.Binding
	StageNone key.Binding // the stage picker: stop tracking
	StageDate key.Binding // the stage picker: to the date field and back
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
		StageKeys: [8]key.Binding{
			key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "interested")),
			key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "applied")),
			key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "interviewing")),
			key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "offer")),
			key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "accepted")),
			key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rejected")),
			key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "withdrawn")),
			key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "ghosted")),
		},
		StageNone: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "no stage")),
		StageDate: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "date")),
	}
}

func (e *EditorKeys) setEnabled(on bool) {
	for _, b := range []*key.Binding{&e.Accept, &e.Cancel, &e.Complete, &e.NextTag, &e.PrevTag, &e.SaveNote, &e.Markdown, &e.CSV, &e.JSON, &e.Yes, &e.No, &e.StageNone, &e.StageDate} {
		b.SetEnabled(on)
	}
	for i := range e.StageKeys {
		e.StageKeys[i].SetEnabled(on)
	}
}
