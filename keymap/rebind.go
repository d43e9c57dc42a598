package keymap

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
)

// The kinds of [BindError].
var (
	ErrUnknownAction = errors.New("not an action")
	ErrBadKey        = errors.New("not a key")
	ErrTypingKey     = errors.New("a key that is typed")
	ErrConflict      = errors.New("key bound twice")
)

// BindError is a rebinding [KeyMap.Rebind] refused: Action keeps its
// default keys.
type BindError struct {
	Action string // the action rebound
	Key    string // the key at fault, if one is
	Other  string // ErrConflict: the other action on Key
	Mode   Mode   // ErrConflict: where both act
	Err    error  // ErrUnknownAction, ErrBadKey, ErrTypingKey or ErrConflict
}

func (e *BindError) Error() string {
	switch e.Err {
	case ErrUnknownAction:
		names := make([]string, len(actions))
		for i, a := range actions {
			names[i] = a.name
		}
		return fmt.Sprintf("%q is not an action; the actions are %s", e.Action, strings.Join(names, ", "))
	case ErrBadKey:
		if e.Key == "" {
			return e.Action + " needs at least one key"
		}
		return fmt.Sprintf("%q is not a key (keys look like \"s\", \"*\", \"G\", \"ctrl+s\", \"alt+enter\", \"f5\", \"space\", \"pgdown\")", e.Key)
	case ErrTypingKey:
		return fmt.Sprintf("%q is a typed character, and %s acts while text is typed: use a key with ctrl or alt, or a named key", e.Key, e.Action)
	case ErrConflict:
		return fmt.Sprintf("%q is bound to both %s and %s in the %s", e.Key, e.Action, e.Other, modeNames[e.Mode])
	}
	return e.Action + ": " + e.Err.Error()
}

// Unwrap returns the kind of the error.
func (e *BindError) Unwrap() error { return e.Err }

var modeNames = map[Mode]string{ModeList: "list", ModeDetail: "detail pane", ModeFilter: "filter", ModeInput: "editors", ModeBoard: "board", ModeStats: "stats screen"}

// Rebind gives the actions named in binds (see [Actions]) the keys listed
// for them, and their help shows those keys. A rebinding that names no
// action, has a key that is not a key ([ValidKey]), puts a typed character
// on an action that acts while text is typed, or puts a key on two actions
// live at once in one mode is refused: the action keeps its defaults and
// the refusal comes back, naming what is wrong. Conflicts are settled by
// undoing rebindings until none is left, so the result never has one.
func (k *KeyMap) Rebind(binds map[string][]string) []*BindError {
	var errs []*BindError
	defaults := DefaultKeyMap()
	rebound := map[string]bool{}
	for _, name := range sortedNames(binds) {
		a, ok := findAction(name)
		if !ok {
			errs = append(errs, &BindError{Action: name, Err: ErrUnknownAction})
			continue
		}
		if e := checkKeys(a, binds[name]); e != nil {
			errs = append(errs, e)
			continue
		}
		setKeys(a.get(k), binds[name])
		rebound[name] = true
	}
	for {
		c := k.conflict(rebound)
		if c == nil {
			return errs
		}
		errs = append(errs, c)
		for _, name := range []string{c.Action, c.Other} {
			if rebound[name] {
				a, _ := findAction(name)
				*a.get(k) = *a.get(&defaults)
				delete(rebound, name)
			}
		}
	}
}

// sortedNames returns the keys of binds, sorted, so errors come in the
// same order on every run.
func sortedNames(binds map[string][]string) []string {
	names := make([]string, 0, len(binds))
	for n := range binds {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// checkKeys returns why keys cannot be a's, or nil.
func checkKeys(a action, keys []string) *BindError {
	if len(keys) == 0 {
		return &BindError{Action: a.name, Err: ErrBadKey}
	}
	for _, s := range keys {
		if !ValidKey(s) {
			return &BindError{Action: a.name, Key: s, Err: ErrBadKey}
		}
		if a.typing && types(s) {
			return &BindError{Action: a.name, Key: s, Err: ErrTypingKey}
		}
	}
	return nil
}

// setKeys puts keys on b, and shows them in its help, keeping its
// description and whether it is enabled.
func setKeys(b *key.Binding, keys []string) {
	b.SetKeys(keys...)
	shown := make([]string, len(keys))
	for i, s := range keys {
		shown[i] = keyLabel(s)
	}
	b.SetHelp(strings.Join(shown, "/"), b.Help().Desc)
}

// keyLabel is how the help shows key s: arrows as arrows.
func keyLabel(s string) string {
	switch s {
	case "up":
		return "↑"
	case "down":
		return "↓"
	case "left":
		return "←"
	case "right":
		return "→"
	}
	return s
}

// conflict returns the first key that two live bindings share, one of
// them rebound, in any context of any mode; nil if there is none.
func (k *KeyMap) conflict(rebound map[string]bool) *BindError {
	if len(rebound) == 0 {
		return nil // the defaults share no key within a mode
	}
	for _, c := range allContexts() {
		t := *k
		t.SetContext(c)
		owner := map[string]string{}
		for _, a := range actions {
			b := a.get(&t)
			if !b.Enabled() {
				continue
			}
			for _, s := range b.Keys() {
				other, taken := owner[s]
				if taken && other != a.name && (rebound[a.name] || rebound[other]) {
					first, second := other, a.name
					if !rebound[first] {
						first, second = second, first
					}
					return &BindError{Action: first, Other: second, Key: s, Mode: c.Mode, Err: ErrConflict}
				}
				owner[s] = a.name
			}
		}
	}
	return nil
}

// allContexts lists every context the browser can be in.
func allContexts() []Context {
	var cs []Context
	for _, m := range []Mode{ModeList, ModeDetail, ModeFilter, ModeInput, ModeBoard, ModeStats} {
		for i := range 32 {
			cs = append(cs, Context{Mode: m, SinglePane: i&1 != 0, Selection: i&2 != 0, Filtered: i&4 != 0, Store: i&8 != 0, Marks: i&16 != 0})
		}
	}
	return cs
}
