package ui

import (
	"os"
	"os/exec"
	"runtime"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// newModel builds a browser with no load running, styled per style
// ("auto", "dark", "light", "notty") and noColor.
func newModel(style string, noColor bool) *Model {
	c := &common{
		keys: keymap.DefaultKeyMap(),
		now:  time.Now,
		tick: tea.Tick,
		coll: model.NewCollection(),
		read: func(p *model.Posting) (string, error) { return p.Body, nil },
		open: opener{browser: os.Getenv("BROWSER"), goos: runtime.GOOS, start: startDetached, look: exec.LookPath}.open,
	}
	m := &Model{c: c, help: helpBar{Model: help.New()}, status: newStatusBar()}
	c.flash = m.flash
	m.browser = newBrowser(c)
	m.board = newBoard(c)
	m.stats = newStatsScreen(c)
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
	st = st.withPrefs(m.c.prefs)
	m.c.styles = st
	m.help.Styles = st.Help
	m.status.spin.Style = st.Dim
	m.tell(stylesChanged)
}

// SetAnnotations tells the browser which postings are shortlisted and
// tagged (nil: none), and redraws the detail header.
func (m *Model) SetAnnotations(a Annotations) {
	m.c.ann = a
	m.tell(annotationsSet)
}
