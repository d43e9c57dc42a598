package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// The bindings o, y and Y act on the posting selected on any screen: open
// its link in the browser, copy the link, copy a line about it.

// openedMsg reports how starting the browser on p's link went.
type openedMsg struct {
	p   *model.Posting
	err error
}

// link is where p is applied to: its apply URL, else its URL, cleaned of
// anything a terminal would act on.
func link(p *model.Posting) string {
	if u := clean(strings.TrimSpace(p.ApplyURL)); u != "" {
		return u
	}
	return clean(strings.TrimSpace(p.URL))
}

// onOpenURL starts the browser on the selected posting's link in a Cmd,
// or says why not: no link, or one that is not http, https or mailto.
func (m *Model) onOpenURL() tea.Cmd {
	p := m.active().Selected()
	if p == nil {
		return nil
	}
	u := link(p)
	switch {
	case u == "":
		return m.flash("this posting has no link to open", true)
	case !safeURI(u):
		return m.flash("not opened: only http, https and mailto links are opened", true)
	}
	open := m.c.open
	return func() tea.Msg { return openedMsg{p: p, err: open(u)} }
}

// onOpened says whether the browser started. On a posting with no stage
// it offers a to mark it applied today.
func (m *Model) onOpened(msg openedMsg) tea.Cmd {
	if msg.err != nil {
		return m.flash("could not open the link: "+msg.err.Error(), true)
	}
	text := "opened " + link(msg.p)
	if m.c.store != nil && m.readOnly() == nil && m.c.store.Track(msg.p.ID).Stage == model.StageNone && len(m.c.marks) == 0 {
		m.offer = msg.p
		text = "opened · " + m.c.keys.Stage.Help().Key + ": mark it applied today"
	}
	return m.flash(text, false)
}

// onCopyURL copies the selected posting's link to the clipboard.
func (m *Model) onCopyURL() tea.Cmd {
	p := m.active().Selected()
	if p == nil {
		return nil
	}
	u := link(p)
	if u == "" {
		return m.flash("this posting has no link to copy", true)
	}
	return tea.Batch(tea.SetClipboard(u), m.flash("copied "+u, false))
}

// onCopyLine copies "title — company — link" of the selected posting as
// one line, the parts it lacks left out.
func (m *Model) onCopyLine() tea.Cmd {
	p := m.active().Selected()
	if p == nil {
		return nil
	}
	var parts []string
	for _, s := range []string{p.Title, p.Company, link(p)} {
		if s = strings.Join(strings.Fields(clean(s)), " "); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return nil
	}
	line := strings.Join(parts, " — ")
	return tea.Batch(tea.SetClipboard(line), m.flash("copied "+line, false))
}
