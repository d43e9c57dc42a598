package ui

import (
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

// rowView is what renderRow needs to draw one posting.
type rowView struct {
	p        *model.Posting
	m        marks
	selected bool // under the cursor
	focused  bool // the list has focus (the bar is bright)
	ann      Annotations
	now      time.Time
	markCol  bool // postings are marked: draw the mark column
	marked   bool // this one is marked
	isNew    bool // first seen since the previous launch: labelled new
}

// renderRow draws r as rowHeight lines, each exactly width cells: the title
// with ★ and tag labels, then company · location · relative date dimmed,
// or, when the posting has none of them, the folder it came from.
// Matched characters are highlighted by rune index.
func renderRow(st *Styles, r rowView, width int) [rowHeight]string {
	bar := "  "
	if r.selected {
		if r.focused {
			bar = st.Bar.Render("┃ ")
		} else {
			bar = st.Dim.Render("│ ")
		}
	}
	inner := width - 3    // the bar, and a blank column before the separator
	mark, under := "", "" // the mark column on line 1, and blank under it
	if r.markCol {
		mark, under = "  ", "  "
		if r.marked {
			mark = st.Mark.Render("●") + " "
		}
		inner -= 2
	}
	titleStyle := st.Title
	if r.selected {
		titleStyle = st.SelectedTitle
	}

	// Line 1: [★ ]title [tag] [tag]
	var prefix, suffix string
	pw := 0
	if r.ann != nil && r.p.ID != "" {
		if r.ann.Shortlisted(r.p.ID) {
			prefix = st.Star.Render("★") + " "
			pw = 2
		}
		var tags strings.Builder
		tags.WriteString(stageLabels(st, r.ann, r.p.ID, r.now))
		for _, t := range r.ann.Tags(r.p.ID) {
			t = clean(t)
			if t == "" {
				continue
			}
			tags.WriteString(" " + st.Tag(t).Render(t))
		}
		suffix = tags.String()
	}
	if r.isNew {
		suffix = " " + st.Message.Render("new") + suffix
	}
	title, titleMarks := clean(r.p.Title), r.m.Title
	if title != r.p.Title {
		titleMarks = nil
	}
	if title == "" {
		title = "(untitled)"
	}
	sw := ansi.StringWidth(suffix)
	tw := ansi.StringWidth(title)
	// Labels only take what the title leaves, and never more than half.
	if sw > 0 && (tw+pw+sw > inner) {
		room := max(inner-pw-tw, inner/2)
		if sw > room {
			suffix = ansi.Truncate(suffix, max(room-1, 0), "…")
			sw = ansi.StringWidth(suffix)
		}
	}
	line1 := bar + mark + prefix + highlight(title, titleMarks, inner-pw-sw, titleStyle, st.Match) + suffix

	// Line 2: company · location (highlighted), then · 3d ago.
	meta := model.MetaLine(r.p)
	metaMarks := r.m.Meta
	if c := clean(meta); c != meta {
		meta, metaMarks = c, nil // marks index the raw text; never misplace them
	}
	date := st.rowDate(r.p.Date, r.now)
	var line2 strings.Builder
	line2.WriteString(bar + under)
	left := inner
	if meta != "" {
		mw := ansi.StringWidth(meta)
		if date != "" && mw+3+ansi.StringWidth(date) > inner {
			mw = max(inner-3-ansi.StringWidth(date), inner/2)
		}
		line2.WriteString(highlight(meta, metaMarks, min(mw, inner), st.Meta, st.Match))
		left -= min(mw, inner)
		if date != "" && left > 3 {
			line2.WriteString(st.Meta.Render(" · "))
			left -= 3
		}
	}
	if date != "" && left > 0 {
		line2.WriteString(st.Meta.Render(ansi.Truncate(date, left, "")))
	}
	if meta == "" && date == "" {
		line2.WriteString(st.Dim.Render(folderOf(r.p.Path, inner)))
	}
	return [rowHeight]string{fit(line1, width), fit(line2.String(), width)}
}

// stageLabels are the stage label and the due mark of posting id, each
// after a space; "" when ann tracks no stages or the posting has none.
func stageLabels(st *Styles, ann Annotations, id string, now time.Time) string {
	trk, ok := ann.(model.Tracking)
	if !ok {
		return ""
	}
	tr := trk.Track(id)
	var s string
	if tr.Stage != model.StageNone {
		s = " " + st.StageStyle(tr.Stage).Render(tr.Stage.String())
	}
	if tr.Due(now) {
		s += " " + st.Due.Render("due")
	}
	return s
}

// folderOf is the folder of the slash-separated path, with a trailing
// slash ("./" for a file given at the top), in at most width cells: a
// long folder keeps its end, where the name nearest the file is. An empty
// path gives "".
func folderOf(p string, width int) string {
	if p == "" || width <= 0 {
		return ""
	}
	dir := clean(path.Dir(p))
	if !strings.HasSuffix(dir, "/") {
		dir += "/"
	}
	if w := ansi.StringWidth(dir); w > width {
		dir = ansi.TruncateLeft(dir, w-width+1, "…")
	}
	return dir
}

// tooSmallView is the whole screen of a terminal below the minimum size:
// a short message, cut to the width, on as many lines as fit.
func tooSmallView(st *Styles, w, h int) string {
	lines := []string{"terminal too small", fmt.Sprintf("need %d×%d, have %d×%d", minWidth, minHeight, w, h)}
	if h < len(lines) {
		lines = lines[:max(h, 0)]
	}
	for i, l := range lines {
		lines[i] = st.Warning.Render(ansi.Truncate(l, max(w, 0), ""))
	}
	return strings.Join(lines, "\n")
}
