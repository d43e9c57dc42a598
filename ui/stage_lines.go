package ui

import (
	"strings"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// stageLines are the detail header's lines about the application to p:
// its stage and follow-up, then its history as a timeline ("applied 12
// Nov · interviewing 20 Nov"), width wide; none for an untracked posting.
func stageLines(st *Styles, trk model.Tracking, p *model.Posting, width int, now time.Time) []string {
	tr := trk.Track(p.ID)
	var out []string
	if tr.Stage != model.StageNone {
		v := tr.Stage.String()
		if at := tr.StageAt(); !at.IsZero() {
			v += " since " + shortDay(at, now)
		}
		out = append(out, labelled(st, "Stage   ", v, width)...)
	}
	if !tr.FollowUp.IsZero() {
		line := st.Label.Render("Follow   ") + st.Value.Render(tr.FollowUp.Format("Mon 2 Jan 2006"))
		if tr.Due(now) {
			line += " " + st.Due.Render("due")
		}
		out = append(out, fit(line, width))
	}
	if len(tr.History) > 0 {
		steps := make([]string, len(tr.History))
		for i, h := range tr.History {
			steps[i] = h.Stage.String() + " " + shortDay(h.At, now)
		}
		out = append(out, labelled(st, "History ", strings.Join(steps, " · "), width)...)
	}
	return out
}

// shortDay is t's day in now's location: "12 Nov", with the year when it
// is not now's.
func shortDay(t, now time.Time) string {
	t = t.In(now.Location())
	if t.Year() != now.Year() {
		return t.Format("2 Jan 2006")
	}
	return t.Format("2 Jan")
}
