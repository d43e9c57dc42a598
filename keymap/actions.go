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
	{name: "shortlist", doc: "shortlist the posting, or not", get: func(k *KeyMap) *key.Binding { return &k.Shortlist }},
	{name: "tags", doc: "edit the posting's tags", get: func(k *KeyMap) *key.Binding { return &k.Tags }},
	{name: "note", doc: "edit the posting's note", get: func(k *KeyMap) *key.Binding { return &k.Note }},
	{name: "shortlist_view", doc: "show only the shortlist, or all", get: func(k *KeyMap) *key.Binding { return &k.ShortlistView }},
	{name: "export", doc: "export the shortlist", get: func(k *KeyMap) *key.Binding { return &k.Export }},
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
