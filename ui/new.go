package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// newModel builds a browser with no load running, styled per style
// ("auto", "dark", "light", "notty") and noColor.
func newModel(style string, noColor bool) *Model {
	m := &Model{
		keys:  keymap.DefaultKeyMap(),
		help:  help.New(),
		now:   time.Now,
		tick:  tea.Tick,
		coll:  model.NewCollection(),
		cache: newRenderCache(cacheSize),
		read:  func(p *model.Posting) (string, error) { return p.Body, nil },
		spin:  spinner.New(spinner.WithSpinner(spinner.MiniDot)),
		input: textinput.New(),
	}
	m.input.Prompt = "/ "
	m.input.Placeholder = "words, company:x, -word"
	switch style {
	case "dark":
		m.fixed = true
		m.setStyles(NewStyles(true, noColor))
	case "light":
		m.fixed = true
		m.setStyles(NewStyles(false, noColor))
	case "notty":
		m.fixed = true
		m.setStyles(NewStyles(true, true))
	default:
		m.fixed = noColor
		m.setStyles(NewStyles(true, noColor))
	}
	m.syncKeys()
	return m
}

// setStyles installs st everywhere it is used.
func (m *Model) setStyles(st Styles) {
	st = st.withPrefs(m.prefs)
	m.st = st
	m.help.Styles = st.Help
	m.spin.Style = st.Dim
	is := textinput.DefaultStyles(st.Dark)
	is.Cursor.Blink = false // a steady cursor: no timer while the filter has focus
	if st.NoColor {
		plain := textinput.StyleState{Text: st.Value, Placeholder: st.Dim, Suggestion: st.Dim, Prompt: st.Prompt}
		is.Focused, is.Blurred = plain, plain
		is.Cursor.Color = nil
	} else {
		is.Focused.Prompt, is.Blurred.Prompt = st.Prompt, st.Dim
		is.Focused.Placeholder, is.Blurred.Placeholder = st.Dim, st.Dim
	}
	m.input.SetStyles(is)
}

// SetAnnotations tells the browser which postings are shortlisted and
// tagged (nil: none), and redraws the detail header.
func (m *Model) SetAnnotations(a Annotations) {
	m.ann = a
	m.refreshDetail()
}
