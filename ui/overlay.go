package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
)

// acceptAs is the editors' Accept binding with its help naming what it
// does in one overlay ("set", "add").
func acceptAs(keys *keymap.EditorKeys, word string) key.Binding {
	acc := keys.Accept
	acc.SetHelp(acc.Help().Key, word)
	return acc
}

// Overlay is a modal editor or question (tags, note, export format,
// confirm) drawn at the bottom of the screen in place of the help. While
// one is open it gets every key but force-quit, and the keymap is in
// ModeInput. An overlay is given what it needs when it opens and holds
// no pointer to the root: what the user chose is its reply.
type Overlay interface {
	// Update handles msg. A non-nil reply closes the overlay: the root
	// acts on it in the same Update, so a key typed right after cannot
	// overtake it.
	Update(msg tea.Msg) (reply overlayMsg, cmd tea.Cmd)
	// View renders the overlay: at most height lines of width cells.
	View(width, height int) string
}

// overlayMsg is an overlay's reply: the root's onOverlayMsg acts on it.
type overlayMsg interface{ isOverlayMsg() }

// maxOverlayLines caps the height an overlay takes from the panes.
const maxOverlayLines = 6

// overlaySizer is an Overlay that knows how many lines it needs at a
// width, so a one-line question does not take maxOverlayLines from the
// panes.
type overlaySizer interface{ Lines(width int) int }

// overlayLines is the height of o at width: what it asks for (between 1
// and maxOverlayLines), else maxOverlayLines.
func overlayLines(o Overlay, width int) int {
	if s, ok := o.(overlaySizer); ok {
		return clampInt(s.Lines(width), 1, maxOverlayLines)
	}
	return maxOverlayLines
}

// OpenOverlay opens o (replacing any open one). The cursor stays on the
// selected posting from then on, even while postings stream in.
func (m *Model) OpenOverlay(o Overlay) {
	m.overlay = o
	m.active().Pin()
	m.syncKeys()
}

// updateOverlay passes msg to the open overlay; when it replies, it
// closes and the reply is acted on.
func (m *Model) updateOverlay(msg tea.Msg) tea.Cmd {
	reply, cmd := m.overlay.Update(msg)
	if reply == nil {
		return cmd
	}
	m.overlay = nil
	return tea.Batch(cmd, m.onOverlayMsg(reply))
}

// onOverlayMsg acts on what an overlay reported.
func (m *Model) onOverlayMsg(msg overlayMsg) tea.Cmd {
	switch msg := msg.(type) {
	case tagsEdited:
		return m.setTags(msg.p, msg.tags)
	case noteEdited:
		return m.setNote(msg.p, msg.before, msg.text)
	case exportChosen:
		return m.export(msg.format)
	case addRequested:
		return m.addPosting(msg.text)
	case bulkTagsEdited:
		return m.editTags(msg)
	case stagePicked:
		return m.setStage(msg)
	case followUpSet:
		return m.setFollowUp(msg)
	case answered:
		return m.onAnswered(msg)
	case searchNamed:
		return m.saveSearch(msg)
	case searchPicked:
		return m.runSearch(msg.s)
	case cancelled:
		if msg.say == "" {
			return nil
		}
		return m.flash(msg.say, false)
	}
	return nil
}

// cancelled reports that the user closed an overlay without a change;
// say is what the status line tells them ("tags unchanged").
type cancelled struct{ say string }

func (cancelled) isOverlayMsg() {}
