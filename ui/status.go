package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// statusBar is the status line: marks, what the screen says, the load's
// spinner and progress, and a passing message on the right.
type statusBar struct {
	notice   string // shown, as an error, when no message is: the config's problems, until the first key
	msg      string
	msgErr   bool
	msgSeq   int
	spin     spinner.Model
	progress progress
}

// clearMsg clears the passing message numbered seq.
type clearMsg struct{ seq int }

// newStatusBar returns a status line with no message and no load.
func newStatusBar() statusBar {
	return statusBar{spin: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
}

// flash shows text for a few seconds: tick schedules its clearMsg.
func (s *statusBar) flash(text string, isErr bool, tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd) tea.Cmd {
	s.say(text, isErr)
	seq := s.msgSeq
	return tick(4*time.Second, func(time.Time) tea.Msg { return clearMsg{seq} })
}

// say shows text until the next message.
func (s *statusBar) say(text string, isErr bool) {
	s.msg, s.msgErr = clean(text), isErr
	s.msgSeq++
}

// onClear clears the message msg names, unless a newer one replaced it.
func (s *statusBar) onClear(msg clearMsg) {
	if msg.seq == s.msgSeq {
		s.msg = ""
	}
}

// spinTick starts the spinner.
func (s *statusBar) spinTick() tea.Cmd { return s.spin.Tick }

// setProgress records the loader's counts.
func (s *statusBar) setProgress(p progress) { s.progress = p }

// onSpin turns the spinner while loading.
func (s *statusBar) onSpin(msg spinner.TickMsg, loading bool) tea.Cmd {
	if !loading {
		return nil
	}
	var cmd tea.Cmd
	s.spin, cmd = s.spin.Update(msg)
	return cmd
}

// view renders the status line, width cells: marks, the spinner and load
// progress while loading, info, and the passing message on the right.
// Marks take at most half the width.
func (s *statusBar) view(st *Styles, width int, marks []string, info string, loading bool) string {
	var prefix string
	for _, mk := range marks {
		prefix += mk + st.Status.Render(" · ")
	}
	if pw := ansi.StringWidth(prefix); pw > 0 && pw <= width/2 {
		return prefix + s.line(st, width-pw, info, loading)
	}
	return s.line(st, width, info, loading)
}

// line is the status line without marks.
func (s *statusBar) line(st *Styles, width int, info string, loading bool) string {
	var left strings.Builder
	if loading {
		left.WriteString(s.spin.View() + " ")
	}
	left.WriteString(info)
	if loading {
		p := s.progress
		fmt.Fprintf(&left, " · loading: %d seen, %d loaded, %d skipped", p.Seen, p.Loaded, p.Skipped)
	}
	l := st.Status.Render(left.String())
	msg, isErr := s.msg, s.msgErr
	if msg == "" {
		msg, isErr = s.notice, true
	}
	if msg == "" {
		return fit(l, width)
	}
	style := st.Message
	if isErr {
		style = st.Error
	}
	r := style.Render(msg)
	lw, rw := ansi.StringWidth(l), ansi.StringWidth(r)
	if lw+2+rw > width {
		if rw > width/2 {
			r = style.Render(ansi.Truncate(msg, width/2, "…"))
			rw = ansi.StringWidth(r)
		}
		l = ansi.Truncate(l, max(width-rw-2, 0), "…")
		lw = ansi.StringWidth(l)
	}
	return fit(l+strings.Repeat(" ", max(width-lw-rw, 1))+r, width)
}
