package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// statsTwoColumns is the width from which the stats screen puts the
// applications per week beside the other figures.
const statsTwoColumns = 72

// statsScreen is the [screen] that sums up the job search
// ([model.ComputeStats]): postings per stage, applications per week as a
// bar chart, the response rate, the median days to an answer and the
// oldest applications with none. It is computed when it shows and when
// the store changes, and drawn again only then or on a resize.
type statsScreen struct {
	c     *common
	lay   layout
	stale bool
	last  model.Stats // the figures as last computed
	lines []string    // the screen as last drawn; nil: to draw
}

var _ screen = (*statsScreen)(nil)

// newStatsScreen returns the stats screen over c's store.
func newStatsScreen(c *common) *statsScreen { return &statsScreen{c: c, stale: true} }

// SetSize lays the screen out for l, and has the figures computed again:
// the root sizes a screen when it shows it, and the figures are as of now.
func (s *statsScreen) SetSize(l layout) {
	s.lay = l
	s.lines, s.stale = nil, true
}

// Update does nothing: the screen has no keys of its own.
func (s *statsScreen) Update(tea.Msg) tea.Cmd { return nil }

// Changed marks the figures stale when the store or the styles change.
func (s *statsScreen) Changed(c change) tea.Cmd {
	switch c {
	case storeChanged, annotationsSet, postingsAdded, stylesChanged:
		s.stale = true
	}
	return nil
}

// Reconcile computes and draws the figures again when they are stale.
func (s *statsScreen) Reconcile() tea.Cmd {
	if s.stale {
		s.stale = false
		s.last = model.ComputeStats(s.c.store.Entries(), s.c.now())
		s.lines = nil
	}
	return nil
}

// View returns the lines last drawn, drawing them when the figures or the
// size changed.
func (s *statsScreen) View() []string {
	if s.lines == nil {
		s.lines = s.draw(s.last)
	}
	return s.lines
}

// draw lays st out in lay.bodyH lines of lay.width cells: the figures on
// the left and the weeks on the right, or one under the other on a narrow
// screen.
func (s *statsScreen) draw(st model.Stats) []string {
	w, h := s.lay.width, s.lay.bodyH
	sty := &s.c.styles
	out := []string{fit(sty.Focused.Render("Stats")+sty.Dim.Render(" · as of "+s.c.now().Format("Mon 2 Jan 2006")), w), ""}
	if w >= statsTwoColumns {
		lw := min(w/2, 44)
		left, right := s.figures(st, lw-2), s.weeks(st, w-lw-1)
		for i := range max(len(left), len(right)) {
			l, r := "", ""
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				r = right[i]
			}
			out = append(out, fit(l, lw)+" "+fit(r, w-lw-1))
		}
	} else {
		out = append(out, s.narrow(st, w)...)
	}
	blank := strings.Repeat(" ", w)
	for i := range out {
		out[i] = fit(out[i], w)
	}
	for len(out) < h {
		out = append(out, blank)
	}
	return out[:h]
}

// narrow is the screen for a narrow terminal: the rates, the weeks as
// one line of bars, the stages two a line, then the unanswered.
func (s *statsScreen) narrow(st model.Stats, width int) []string {
	sty := &s.c.styles
	out := s.rates(st)
	out = append(out, sty.Label.Render("Per week          ")+sty.Bar.Render(sparkline(st.Weeks))+sty.Dim.Render(fmt.Sprintf(" %d weeks", len(st.Weeks))), "", sty.Label.Render("Postings per stage"))
	half := max(width/2, 1)
	for i := 0; i < len(st.Stages); i += 2 {
		line := fit(stageCount(sty, st.Stages[i]), half)
		if i+1 < len(st.Stages) {
			line += stageCount(sty, st.Stages[i+1])
		}
		out = append(out, line)
	}
	return append(append(out, ""), s.waiting(st, width)...)
}

// sparkline draws one bar a week, its height scaled to the busiest week.
func sparkline(weeks []model.WeekCount) string {
	bars := []rune("·▁▂▃▄▅▆▇█") // a dot for a week with none
	top := 1
	for _, wk := range weeks {
		top = max(top, wk.Count)
	}
	var b strings.Builder
	for _, wk := range weeks {
		b.WriteRune(bars[(wk.Count*(len(bars)-1)+top-1)/top])
	}
	return b.String()
}

// stageCount is "  applied         3": a stage and its count.
func stageCount(sty *Styles, c model.StageCount) string {
	n := sty.Value.Render(fmt.Sprintf("%4d", c.Count))
	if c.Count == 0 {
		n = sty.Dim.Render(fmt.Sprintf("%4d", c.Count))
	}
	return "  " + sty.StageStyle(c.Stage).Render(fmt.Sprintf("%-13s", c.Stage.String())) + n
}

// figures are the per-stage counts, the rates and the oldest unanswered
// applications, width wide.
func (s *statsScreen) figures(st model.Stats, width int) []string {
	sty := &s.c.styles
	out := []string{sty.Label.Render("Postings per stage")}
	for _, c := range st.Stages {
		out = append(out, stageCount(sty, c))
	}
	out = append(append(out, ""), s.rates(st)...)
	return append(append(out, ""), s.waiting(st, width)...)
}

// rates are the response rate and the median days to an answer.
func (s *statsScreen) rates(st model.Stats) []string {
	sty := &s.c.styles
	rate := "—"
	if st.Applied > 0 {
		rate = fmt.Sprintf("%.0f%% (%d of %d)", st.ResponseRate*100, st.Responded, st.Applied)
	}
	median := "—"
	if st.Answered > 0 {
		median = fmt.Sprintf("%s days (%d answered)", trimFloat(st.MedianDaysToResponse), st.Answered)
	}
	return []string{
		sty.Label.Render("Response rate     ") + sty.Value.Render(rate),
		sty.Label.Render("Median to answer  ") + sty.Value.Render(median),
	}
}

// waiting lists the oldest applications with no answer, width wide.
func (s *statsScreen) waiting(st model.Stats, width int) []string {
	sty := &s.c.styles
	out := []string{sty.Label.Render("Oldest unanswered")}
	if len(st.Waiting) == 0 {
		out = append(out, "  "+sty.Dim.Render("none"))
	}
	for _, a := range st.Waiting {
		what := clean(a.Title)
		if c := clean(a.Company); c != "" {
			what += " — " + c
		}
		out = append(out, "  "+sty.Warning.Render(fmt.Sprintf("%3dd", a.Days))+" "+sty.Value.Render(ansi.Truncate(what, max(width-7, 1), "…")))
	}
	return out
}

// trimFloat writes f with one decimal, none when it is whole.
func trimFloat(f float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", f), ".0")
}

// weeks is the bar chart of applications per week, width wide: a line a
// week, oldest first, the bar scaled to the busiest week.
func (s *statsScreen) weeks(st model.Stats, width int) []string {
	sty := &s.c.styles
	out := []string{sty.Label.Render(fmt.Sprintf("Applications per week (%d weeks)", len(st.Weeks)))}
	top := 1
	for _, wk := range st.Weeks {
		top = max(top, wk.Count)
	}
	room := max(width-14, 1)
	for _, wk := range st.Weeks {
		bar := sty.Bar.Render(strings.Repeat("█", wk.Count*room/top))
		if wk.Count > 0 && wk.Count*room/top == 0 {
			bar = sty.Bar.Render("▏")
		}
		out = append(out, sty.Dim.Render(wk.Start.Format("02 Jan")+" ")+fmt.Sprintf("%3d ", wk.Count)+bar)
	}
	return out
}

// Selected is none: the stats screen shows no posting.
func (s *statsScreen) Selected() *model.Posting { return nil }

// Pin does nothing.
func (s *statsScreen) Pin() {}

// Context is the stats screen's mode.
func (s *statsScreen) Context() keymap.Context { return keymap.Context{Mode: keymap.ModeStats} }

// Status says what the screen sums up.
func (s *statsScreen) Status() (marks []string, info string) {
	return nil, "stats of the state file"
}

// ShortHelp is the stats screen's help.
func (s *statsScreen) ShortHelp() []key.Binding { return s.c.keys.StatsShortHelp() }

// FullHelp is the stats screen's help, in one column.
func (s *statsScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.c.keys.StatsShortHelp()} }
