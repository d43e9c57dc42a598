package keymap

import "charm.land/bubbles/v2/key"

// action is one binding of a [KeyMap] under its stable name, the name the
// config file's [keys] table uses.
type action struct {
	name string
	get  func(*KeyMap) *key.Binding
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
	{name: "open", get: func(k *KeyMap) *key.Binding { return &k.Open }},
	{name: "back", get: func(k *KeyMap) *key.Binding { return &k.Back }},
	{name: "switch_focus", get: func(k *KeyMap) *key.Binding { return &k.SwitchFocus }},
	{name: "help", get: func(k *KeyMap) *key.Binding { return &k.Help }},
	{name: "quit", get: func(k *KeyMap) *key.Binding { return &k.Quit }},
	{name: "force_quit", get: func(k *KeyMap) *key.Binding { return &k.ForceQuit }, typing: true},
	{name: "filter", get: func(k *KeyMap) *key.Binding { return &k.Filter }},
	{name: "filter_accept", get: func(k *KeyMap) *key.Binding { return &k.FilterAccept }, typing: true},
	{name: "filter_cancel", get: func(k *KeyMap) *key.Binding { return &k.FilterCancel }, typing: true},
	{name: "filter_prev", get: func(k *KeyMap) *key.Binding { return &k.FilterPrev }, typing: true},
	{name: "filter_next", get: func(k *KeyMap) *key.Binding { return &k.FilterNext }, typing: true},
	{name: "clear_filter", get: func(k *KeyMap) *key.Binding { return &k.ClearFilter }},
	{name: "sort", get: func(k *KeyMap) *key.Binding { return &k.Sort }},
	{name: "shortlist", get: func(k *KeyMap) *key.Binding { return &k.Shortlist }},
	{name: "tags", get: func(k *KeyMap) *key.Binding { return &k.Tags }},
	{name: "note", get: func(k *KeyMap) *key.Binding { return &k.Note }},
	{name: "shortlist_view", get: func(k *KeyMap) *key.Binding { return &k.ShortlistView }},
	{name: "export", get: func(k *KeyMap) *key.Binding { return &k.Export }},
	{name: "editor_accept", get: func(k *KeyMap) *key.Binding { return &k.Editor.Accept }, typing: true},
	{name: "editor_cancel", get: func(k *KeyMap) *key.Binding { return &k.Editor.Cancel }, typing: true},
	{name: "editor_complete", get: func(k *KeyMap) *key.Binding { return &k.Editor.Complete }, typing: true},
	{name: "editor_next_tag", get: func(k *KeyMap) *key.Binding { return &k.Editor.NextTag }, typing: true},
	{name: "editor_prev_tag", get: func(k *KeyMap) *key.Binding { return &k.Editor.PrevTag }, typing: true},
	{name: "editor_save_note", get: func(k *KeyMap) *key.Binding { return &k.Editor.SaveNote }, typing: true},
	{name: "editor_markdown", get: func(k *KeyMap) *key.Binding { return &k.Editor.Markdown }},
	{name: "editor_csv", get: func(k *KeyMap) *key.Binding { return &k.Editor.CSV }},
	{name: "editor_json", get: func(k *KeyMap) *key.Binding { return &k.Editor.JSON }},
	{name: "editor_yes", get: func(k *KeyMap) *key.Binding { return &k.Editor.Yes }},
	{name: "editor_no", get: func(k *KeyMap) *key.Binding { return &k.Editor.No }},
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
	Help string   // what it does, as the help says it
}

// Actions returns every binding's name, default keys and help, in the
// order of the help.
func Actions() []Action {
	k := DefaultKeyMap()
	out := make([]Action, len(actions))
	for i, a := range actions {
		b := a.get(&k)
		out[i] = Action{Name: a.name, Keys: b.Keys(), Help: b.Help().Desc}
	}
	return out
}
