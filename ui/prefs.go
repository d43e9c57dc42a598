package ui

import (
	"image/color"

	"charm.land/glamour/v2/ansi"
	"charm.land/lipgloss/v2"

	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// Prefs are the user's settings from the config file, for [Config]. The
// zero Prefs is jobdeck's defaults.
type Prefs struct {
	// Keys replaces the default bindings: a keymap already rebound (see
	// keymap.KeyMap.Rebind); nil means keymap.DefaultKeyMap().
	Keys *keymap.KeyMap
	// Sort is the order the list starts in.
	Sort model.SortOrder
	// ListShare is the list's share of a two-pane screen, such as 0.4; 0
	// means jobdeck's own.
	ListShare float64
	// AbsoluteDates shows dates as "2026-11-02", not "3d ago".
	AbsoluteDates bool
	// Colors replace jobdeck's colours; nil ones stay. Without colour
	// (NO_COLOR, notty) they are not used.
	Colors Colors
	// GlamourName and Glamour are the style bodies are rendered in:
	// "dark", "light" or "notty" is jobdeck's own of that name, any other
	// name is Glamour itself. "" means jobdeck's own for the background.
	GlamourName string
	Glamour     *ansi.StyleConfig
	// FollowUps are the days of the follow-up offered when a posting
	// moves to a stage, replacing the model's defaults (applied: 7); 0
	// offers none.
	FollowUps map[model.Stage]int
	// Notice is shown in the status line, as an error, whenever no other
	// message is, until the first key press: the config file's problems.
	Notice string
}

// Colors are the user's colours.
type Colors struct {
	Accent color.Color   // the selected row, the focused pane's title, the detail's title
	Dim    color.Color   // dimmed text: a row's second line, hints, the status line
	Label  color.Color   // the detail header's field names
	Tags   []color.Color // tag label backgrounds
	// Stages colour the stage labels; a stage not in it keeps the
	// standard colour.
	Stages map[model.Stage]color.Color
}

// applyPrefs puts p into effect; New calls it once.
func (m *Model) applyPrefs(p Prefs) {
	m.c.prefs = p
	if p.Keys != nil {
		m.c.keys = *p.Keys
	}
	m.browser.sort = p.Sort
	m.status.notice = p.Notice
	m.setStyles(m.c.styles)
	m.syncKeys()
}

// withPrefs returns s with the user's colours, date format and body style.
func (s Styles) withPrefs(p Prefs) Styles {
	s.absDates = p.AbsoluteDates
	if p.GlamourName != "" {
		s.glamour = glamourStyle{name: p.GlamourName, custom: p.Glamour}
		if isStandardGlamour(p.GlamourName) {
			s.glamour.custom = nil
		}
	}
	if s.NoColor {
		return s
	}
	c := p.Colors
	if c.Accent != nil {
		for _, st := range []*lipgloss.Style{&s.SelectedTitle, &s.Bar, &s.Focused, &s.HeaderTitle, &s.Prompt} {
			*st = st.Foreground(c.Accent)
		}
	}
	if c.Dim != nil {
		for _, st := range []*lipgloss.Style{&s.Meta, &s.Blurred, &s.Dim, &s.Status} {
			*st = st.Foreground(c.Dim)
		}
	}
	if c.Label != nil {
		s.Label = s.Label.Foreground(c.Label)
	}
	if len(c.Tags) > 0 {
		s.tagColors = c.Tags
	}
	s.stageColors = c.Stages
	return s
}
