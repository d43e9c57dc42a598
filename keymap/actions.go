package keymap

import (
	"cmp"

	"charm.land/bubbles/v2/key"
)

// action is one binding of a [KeyMap] under its stable name, the name the
// config file's [keys] table uses.
type action struct {
	name string
	get  func(*KeyMap) *key.Binding
	// doc says what it does where the help's word is too short for the
	// config file ("" means the help's).
	doc string
	// typing: the binding is live while text is typed (the filter, the
	// tag and note editors), so a printable key there would stop that
	// character from being typed.
	typing bool
}

// actions lists every binding, in the order of the help.
var actions = []action{
	{name: "up", get: func(k *KeyMap) *key.Binding { return &k.Up }},
	{name: "down", get: func(k *KeyMap) *key.Binding { return &k.Down }},
	{name: "page_up", get: func(k *KeyMap) *key.Binding { return &k.PageUp }},
	{name: "page_down", get: func(k *KeyMap) *key.Binding { return &k.PageDown }},
	{name: "top", get: func(k *KeyMap) *key.Binding { return &k.Top }},
	{name: "bottom", get: func(k *KeyMap) *key.Binding { return &k.Bottom }},
	{name: "open", doc: "open the detail (narrow terminal)", get: func(k *KeyMap) *key.Binding { return &k.Open }},
	{name: "back", doc: "back to the list (narrow terminal)", get: func(k *KeyMap) *key.Binding { return &k.Back }},
	{name: "switch_focus", doc: "move focus between the panes", get: func(k *KeyMap) *key.Binding { return &k.SwitchFocus }},
	{name: "help", doc: "full help", get: func(k *KeyMap) *key.Binding { return &k.Help }},
	{name: "quit", get: func(k *KeyMap) *key.Binding { return &k.Quit }},
	{name: "force_quit", doc: "quit while filtering or in an editor", get: func(k *KeyMap) *key.Binding { return &k.ForceQuit }, typing: true},
	{name: "suspend", doc: "stop jobdeck as a shell job; fg brings it back", get: func(k *KeyMap) *key.Binding { return &k.Suspend }, typing: true},
	{name: "filter", doc: "filter the list", get: func(k *KeyMap) *key.Binding { return &k.Filter }},
	{name: "filter_accept", doc: "keep the filter", get: func(k *KeyMap) *key.Binding { return &k.FilterAccept }, typing: true},
	{name: "filter_cancel", doc: "clear the filter while filtering", get: func(k *KeyMap) *key.Binding { return &k.FilterCancel }, typing: true},
	{name: "filter_prev", doc: "up while filtering", get: func(k *KeyMap) *key.Binding { return &k.FilterPrev }, typing: true},
	{name: "filter_next", doc: "down while filtering", get: func(k *KeyMap) *key.Binding { return &k.FilterNext }, typing: true},
	{name: "clear_filter", doc: "clear an active filter", get: func(k *KeyMap) *key.Binding { return &k.ClearFilter }},
	{name: "sort", doc: "cycle the sort", get: func(k *KeyMap) *key.Binding { return &k.Sort }},
	{name: "search_posting", doc: "search the text of the posting shown (detail pane)", get: func(k *KeyMap) *key.Binding { return &k.Search }},
	{name: "search_accept", doc: "keep the search in the posting", get: func(k *KeyMap) *key.Binding { return &k.SearchAccept }, typing: true},
	{name: "search_cancel", doc: "drop the search in the posting while typing it", get: func(k *KeyMap) *key.Binding { return &k.SearchCancel }, typing: true},
	{name: "next_match", doc: "the next match of the search in the posting", get: func(k *KeyMap) *key.Binding { return &k.NextMatch }},
	{name: "prev_match", doc: "the previous match of the search in the posting", get: func(k *KeyMap) *key.Binding { return &k.PrevMatch }},
	{name: "end_search", doc: "end the search in the posting", get: func(k *KeyMap) *key.Binding { return &k.EndSearch }},
	{name: "save_search", doc: "save the query typed under a name", get: func(k *KeyMap) *key.Binding { return &k.SaveSearch }, typing: true},
	{name: "saved_searches", doc: "pick a saved search", get: func(k *KeyMap) *key.Binding { return &k.SavedSearches }},
	{name: "recall_search", doc: "run the first nine saved searches, by their place", get: func(k *KeyMap) *key.Binding { return &k.RecallSearch }},
	{name: "shortlist", doc: "shortlist the posting, or not", get: func(k *KeyMap) *key.Binding { return &k.Shortlist }},
	{name: "tags", doc: "edit the posting's tags", get: func(k *KeyMap) *key.Binding { return &k.Tags }},
	{name: "note", doc: "edit the posting's note", get: func(k *KeyMap) *key.Binding { return &k.Note }},
	{name: "shortlist_view", doc: "show only the shortlist, or all", get: func(k *KeyMap) *key.Binding { return &k.ShortlistView }},
	{name: "export", doc: "export the shortlist", get: func(k *KeyMap) *key.Binding { return &k.Export }},
	{name: "add_posting", doc: "add a posting from a pasted URL or text", get: func(k *KeyMap) *key.Binding { return &k.AddPosting }},
	{name: "open_url", doc: "open the posting's apply link (else its link) in the browser", get: func(k *KeyMap) *key.Binding { return &k.OpenURL }},
	{name: "copy_url", doc: "copy the posting's link (OSC 52)", get: func(k *KeyMap) *key.Binding { return &k.CopyURL }},
	{name: "copy_line", doc: "copy title — company — link as one line", get: func(k *KeyMap) *key.Binding { return &k.CopyLine }},
	{name: "stage", doc: "pick the posting's stage", get: func(k *KeyMap) *key.Binding { return &k.Stage }},
	{name: "next_stage", doc: "move to the next active stage", get: func(k *KeyMap) *key.Binding { return &k.NextStage }},
	{name: "prev_stage", doc: "move to the previous active stage", get: func(k *KeyMap) *key.Binding { return &k.PrevStage }},
	{name: "follow_up", doc: "set or clear the follow-up day", get: func(k *KeyMap) *key.Binding { return &k.FollowUp }},
	{name: "mark", doc: "mark the posting for a bulk change, or unmark it", get: func(k *KeyMap) *key.Binding { return &k.Mark }},
	{name: "mark_all", doc: "mark every posting shown", get: func(k *KeyMap) *key.Binding { return &k.MarkAll }},
	{name: "clear_marks", doc: "clear the marks", get: func(k *KeyMap) *key.Binding { return &k.ClearMarks }},
	{name: "undo", doc: "undo the last change", get: func(k *KeyMap) *key.Binding { return &k.Undo }},
	{name: "redo", doc: "redo what undo took back", get: func(k *KeyMap) *key.Binding { return &k.Redo }},
	{name: "board", doc: "the board of stages, or back from it", get: func(k *KeyMap) *key.Binding { return &k.Board }},
	{name: "stats", doc: "the stats screen, or back from it", get: func(k *KeyMap) *key.Binding { return &k.Stats }},
	{name: "board_left", doc: "the board's column to the left", get: func(k *KeyMap) *key.Binding { return &k.BoardLeft }},
	{name: "board_right", doc: "the board's column to the right", get: func(k *KeyMap) *key.Binding { return &k.BoardRight }},
	{name: "close_view", doc: "back from the board or the stats screen", get: func(k *KeyMap) *key.Binding { return &k.CloseView }},
	{name: "editor_accept", doc: "save the tags; export as Markdown", get: func(k *KeyMap) *key.Binding { return &k.Editor.Accept }, typing: true},
	{name: "editor_cancel", doc: "close an editor", get: func(k *KeyMap) *key.Binding { return &k.Editor.Cancel }, typing: true},
	{name: "editor_complete", doc: "take the suggested tag", get: func(k *KeyMap) *key.Binding { return &k.Editor.Complete }, typing: true},
	{name: "editor_next_tag", doc: "the next suggested tag", get: func(k *KeyMap) *key.Binding { return &k.Editor.NextTag }, typing: true},
	{name: "editor_prev_tag", doc: "the previous suggested tag", get: func(k *KeyMap) *key.Binding { return &k.Editor.PrevTag }, typing: true},
	{name: "editor_save_note", doc: "save the inline note", get: func(k *KeyMap) *key.Binding { return &k.Editor.SaveNote }, typing: true},
	{name: "editor_markdown", doc: "export as Markdown", get: func(k *KeyMap) *key.Binding { return &k.Editor.Markdown }},
	{name: "editor_csv", doc: "export as CSV", get: func(k *KeyMap) *key.Binding { return &k.Editor.CSV }},
	{name: "editor_json", doc: "export as JSON", get: func(k *KeyMap) *key.Binding { return &k.Editor.JSON }},
	{name: "editor_yes", doc: "yes (quit anyway)", get: func(k *KeyMap) *key.Binding { return &k.Editor.Yes }},
	{name: "editor_no", doc: "no", get: func(k *KeyMap) *key.Binding { return &k.Editor.No }},
	{name: "editor_stage_date", doc: "stage picker: date the change in the past", get: func(k *KeyMap) *key.Binding { return &k.Editor.StageDate }},
	{name: "editor_stage_none", doc: "stage picker: stop tracking", get: func(k *KeyMap) *key.Binding { return &k.Editor.StageNone }},
	{name: "editor_stage_interested", doc: "stage picker: interested", get: func(k *KeyMap) *key.Binding { return &k.Editor.StageKeys[0] }},
	{name: "editor_stage_applied", doc: "stage picker: applied", get: func(k *KeyMap) *key.Binding { return &k.Editor.StageKeys[1] }},
	{name: "editor_stage_interviewing", doc: "stage picker: interviewing", get: func(k *KeyMap) *key.Binding { return &k.Editor.StageKeys[2] }},
	{name: "editor_stage_offer", doc: "stage picker: offer", get: func(k *KeyMap) *key.Binding { return &k.Editor.StageKeys[3] }},
	{name: "editor_stage_accepted", doc: "stage picker: accepted", get: func(k *KeyMap) *key.Binding { return &k.Editor.StageKeys[4] }},
	{name: "editor_stage_rejected", doc: "stage picker: rejected", get: func(k *KeyMap) *key.Binding { return &k.Editor.StageKeys[5] }},
	{name: "editor_stage_withdrawn", doc: "stage picker: withdrawn", get: func(k *KeyMap) *key.Binding { return &k.Editor.StageKeys[6] }},
	{name: "editor_stage_ghosted", doc: "stage picker: ghosted", get: func(k *KeyMap) *key.Binding { return &k.Editor.StageKeys[7] }},
}

// findAction returns the action called name.
func findAction(name string) (action, bool) {
	for _, a := range actions {
		if a.name == name {
			return a, true
		}
	}
	return action{}, false
}

// Action describes one rebindable binding for documentation.
type Action struct {
	Name string   // the name in the config file's [keys] table
	Keys []string // the default keys
	Help string   // what it does
}

// Actions returns every binding's name, default keys and help, in the
// order of the help.
func Actions() []Action {
	k := DefaultKeyMap()
	out := make([]Action, len(actions))
	for i, a := range actions {
		b := a.get(&k)
		out[i] = Action{Name: a.name, Keys: b.Keys(), Help: cmp.Or(a.doc, b.Help().Desc)}
	}
	return out
}
