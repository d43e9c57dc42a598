package keymap

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// modifiers are the modifier prefixes of a key, in the order a key press
// names them ("ctrl+alt+x", never "alt+ctrl+x").
var modifiers = []string{"ctrl", "alt", "shift", "meta", "hyper", "super"}

// namedKeys is the set of key names a key press can have ("enter", "f5",
// "pgdown", ...), read from Bubble Tea itself: the name of every key code.
var namedKeys = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	add := func(code rune) {
		if s := (tea.Key{Code: code}).String(); utf8.RuneCountInString(s) > 1 {
			names[s] = true
		}
	}
	for _, c := range []rune{tea.KeyEnter, tea.KeyTab, tea.KeyBackspace, tea.KeyEscape, tea.KeySpace} {
		add(c)
	}
	for c := tea.KeyUp; c <= tea.KeyIsoLevel5Shift; c++ {
		add(c)
	}
	return names
})

// ValidKey reports whether s is a key as a key press names it, and so as
// a binding can match it: a printable character ("a", "*", "?"), a key name
// ("enter", "space", "f5"), either after modifiers in their order
// ("ctrl+x", "alt+enter", "ctrl+shift+up"). A shifted character is the
// character itself: "A", not "shift+a".
func ValidKey(s string) bool {
	base, mods := s, []string(nil)
	if i := strings.LastIndex(s[:max(len(s)-1, 0)], "+"); i >= 0 {
		base, mods = s[i+1:], strings.Split(s[:i], "+")
	}
	if !inOrder(mods) {
		return false
	}
	if namedKeys()[base] {
		return true
	}
	r, n := utf8.DecodeRuneInString(base)
	if n != len(base) || r == utf8.RuneError || !unicode.IsPrint(r) || r == ' ' {
		return false
	}
	return !slices.Equal(mods, []string{"shift"})
}

// inOrder reports whether mods are modifiers, each once, in their order.
func inOrder(mods []string) bool {
	last := -1
	for _, m := range mods {
		i := slices.Index(modifiers, m)
		if i <= last {
			return false
		}
		last = i
	}
	return true
}

// types reports whether key s, when pressed, is text a text input takes:
// a printable character without ctrl or alt, or space.
func types(s string) bool {
	if s == "space" {
		return true
	}
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && unicode.IsPrint(r)
}
