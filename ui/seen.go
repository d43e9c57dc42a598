package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// SeenLog remembers when each posting was first seen (model/seen's Log):
// is:new, the rows' new label and the status line's count ask it.
type SeenLog interface {
	model.NewSet
	// Record notes the ids not seen before as first seen now.
	Record(ids []string) error
}

// seenMsg ends the recording of the postings loaded: how many are new.
type seenMsg struct {
	fresh int
	err   error
}

// recordSeen returns the Cmd that records the postings loaded in the
// log and counts the new ones, off the UI goroutine; nil without a log.
func (m *Model) recordSeen() tea.Cmd {
	log := m.c.seen
	if log == nil {
		return nil
	}
	coll := m.c.coll
	ids := make([]string, coll.Len())
	for i := range ids {
		ids[i] = coll.At(i).ID
	}
	return func() tea.Msg {
		err := log.Record(ids)
		n := 0
		for _, id := range ids {
			if log.IsNew(id) {
				n++
			}
		}
		return seenMsg{fresh: n, err: err}
	}
}

// onSeen keeps the count of new postings for the status line and reruns
// an is:new query, whose answer the log may have changed (a log read off
// the first frame calls nothing new until it has been read).
func (m *Model) onSeen(msg seenMsg) tea.Cmd {
	m.c.fresh = msg.fresh
	cmd := m.browser.seenChanged()
	if msg.err != nil {
		return tea.Batch(cmd, m.flash(msg.err.Error(), true))
	}
	return cmd
}

// isNew reports whether posting id is new; false without a log.
func (c *common) isNew(id string) bool { return c.seen != nil && c.seen.IsNew(id) }

// filterAnn is what the filter asks about the user's state: the
// annotations, answering is:new from the log too when there is one.
func (c *common) filterAnn() Annotations {
	if c.seen == nil {
		return c.ann
	}
	return model.WithNew(c.ann, c.seen)
}
