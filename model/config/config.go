// Package config reads jobdeck's config file, a TOML file at
// $XDG_CONFIG_HOME/jobdeck/config.toml. It knows the file's keys, their
// types and their bounds; it knows nothing of the terminal. A file with
// problems still gives a usable [Config]: each setting that is wrong keeps
// its default, and each problem comes back as a [Problem] that says what
// and where (file:line).
package config

import (
	"image/color"

	"charm.land/glamour/v2/ansi"

	"github.com/jobdeck/jobdeck/model"
)

// DateFormat is how dates show in the list and the detail header.
type DateFormat int

const (
	// DateRelative: "3d ago", and the date with it in the header.
	DateRelative DateFormat = iota
	// DateAbsolute: "2026-11-02".
	DateAbsolute
)

// List width bounds: the list's share of a two-pane screen.
const (
	DefaultListWidth = 0.4
	MinListWidth     = 0.2
	MaxListWidth     = 0.8
)

// Config is what a config file sets. [Default] is the config of an empty
// file.
type Config struct {
	// Paths are the folders (or files) jobdeck, list and export open when
	// given no PATH, with ~ expanded; nil means the current folder.
	Paths []string
	// Inbox is the folder `jobdeck add` writes to, with ~ expanded; ""
	// means unset.
	Inbox string
	// Sort is the order the list starts in.
	Sort model.SortOrder
	// ListWidth is the list's share of a two-pane screen, in
	// [MinListWidth, MaxListWidth].
	ListWidth float64
	// DateFormat is how dates show.
	DateFormat DateFormat
	// Keys are the [keys] table's rebindings, in file order, unchecked:
	// the keymap package knows the actions and the keys.
	Keys []KeyBinding
	// Theme is the [theme] table.
	Theme Theme
	// Searches are the saved searches, in file order.
	Searches []Search
	// Fields maps canonical field names (loader.FieldNames) to extra
	// frontmatter keys for them.
	Fields map[string][]string
	// Stages maps stage names ([Stages]) to their default follow-up, in
	// days.
	Stages map[string]int
}

// KeyBinding is one line of the [keys] table: an action and its keys.
type KeyBinding struct {
	Action string
	Keys   []string
	Line   int
}

// Search is one saved search: a name and a filter query.
type Search struct {
	Name  string
	Query string
}

// Theme is how the browser looks. A nil colour or an empty name means
// jobdeck's own.
type Theme struct {
	// Style is "auto", "dark", "light" or "notty"; the --style flag wins.
	Style string
	// Accent colours the selected row, the focused pane's title and the
	// detail's title; Dim the dimmed text (a row's second line, hints,
	// the status line); Label the detail header's field names.
	Accent, Dim, Label color.Color
	// Tags are the background colours of tag labels, picked by tag name.
	Tags []color.Color
	// Stages colour each stage's label, by stage name.
	Stages map[string]color.Color
	// Glamour is the body style as written: a built-in glamour style name
	// or a JSON style file (~ expanded); "" means jobdeck's own.
	Glamour string
	// GlamourStyle is the style Glamour names, read and parsed; nil for
	// "" and "auto" (jobdeck's own style, following the background).
	GlamourStyle *ansi.StyleConfig
}

// Default returns the config of an empty file.
func Default() Config {
	return Config{Sort: model.SortNewest, ListWidth: DefaultListWidth, DateFormat: DateRelative, Theme: Theme{Style: "auto"}}
}

// KeyMap returns the [keys] table as action → keys.
func (c Config) KeyMap() map[string][]string {
	if len(c.Keys) == 0 {
		return nil
	}
	m := make(map[string][]string, len(c.Keys))
	for _, b := range c.Keys {
		m[b.Action] = b.Keys
	}
	return m
}

// KeyProblem returns a problem of kind err about the binding of action, at
// its line in file, for the errors the keymap reports.
func (c Config) KeyProblem(file, action string, err error) Problem {
	p := Problem{File: file, Key: "keys." + action, Msg: err.Error(), Kind: err}
	for _, b := range c.Keys {
		if b.Action == action {
			p.Line = b.Line
		}
	}
	return p
}
