package ui

import (
	"strings"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// marks are the rune indexes of the matched characters of one row: into
// the posting's Title and into model.MetaLine of it.
type marks struct {
	Title, Meta []int
}

// listPane is the list of postings: the result shown, the cursor, the
// first visible row and how many rows fit. It draws only the visible
// rows, so its cost does not grow with the number of postings.
type listPane struct {
	res   model.Result   // the list on screen
	sel   *model.Posting // the posting under the cursor
	cur   int            // cursor row
	off   int            // first visible row
	rows  int            // rows that fit
	moved bool           // the user moved the cursor: keep it on sel
}

// selected is the posting under the cursor (nil: none).
func (l *listPane) selected() *model.Posting { return l.sel }

// len is the number of rows.
func (l *listPane) len() int { return l.res.Len() }

// setRows sets how many rows fit and keeps the cursor on screen.
func (l *listPane) setRows(rows int) {
	l.rows = rows
	l.scrollToCursor()
}

// setResult shows res, keeping the cursor on the selected posting when it
// is still shown, else on its row. Until the user has moved the cursor it
// stays on the first row, so the postings streaming in do not push it down.
func (l *listPane) setResult(res model.Result) {
	l.res = res
	if !l.moved {
		l.setCursor(0)
		return
	}
	if row := l.findRow(l.sel); row >= 0 {
		l.cur = row
	}
	l.setCursor(l.cur)
}

// findRow returns the row that holds p, or -1.
func (l *listPane) findRow(p *model.Posting) int {
	if p == nil {
		return -1
	}
	snap := l.res.Snapshot()
	for row, i := range l.res.Rows {
		if snap.At(int(i)) == p {
			return row
		}
	}
	return -1
}

// pin keeps the cursor on the selected posting from now on, as if the
// user had moved it.
func (l *listPane) pin() { l.moved = true }

// move puts the cursor on row i (clamped) on the user's behalf.
func (l *listPane) move(i int) {
	l.moved = true
	l.setCursor(i)
}

// setCursor puts the cursor on row i (clamped), scrolls it into view and
// selects its posting; it does not count as the user moving the cursor.
func (l *listPane) setCursor(i int) {
	n := l.res.Len()
	if n == 0 {
		l.cur, l.off, l.sel = 0, 0, nil
		return
	}
	l.cur = clampInt(i, 0, n-1)
	l.scrollToCursor()
	l.sel = l.res.Posting(l.cur)
}

// scrollToCursor moves the first visible row so the cursor is on screen.
func (l *listPane) scrollToCursor() {
	rows := max(l.rows, 1)
	if l.cur < l.off {
		l.off = l.cur
	}
	if l.cur >= l.off+rows {
		l.off = l.cur - rows + 1
	}
	l.off = clampInt(l.off, 0, max(l.res.Len()-rows, 0))
}

// scroll moves the visible rows by step and brings the cursor along when
// it went off screen.
func (l *listPane) scroll(step int) {
	n, rows := l.res.Len(), max(l.rows, 1)
	l.off = clampInt(l.off+step, 0, max(n-rows, 0))
	switch {
	case l.cur < l.off:
		l.move(l.off)
	case l.cur >= l.off+rows:
		l.move(l.off + rows - 1)
	}
}

// rowAt returns the row drawn at line y of the rows (0: the first row's
// first line), or -1 when no row is there.
func (l *listPane) rowAt(y int) int {
	row := l.off + y/rowHeight
	if y < 0 || row >= l.res.Len() || y/rowHeight >= l.rows {
		return -1
	}
	return row
}

// neighbours returns the postings next to the cursor, the ones to render
// ahead.
func (l *listPane) neighbours() []*model.Posting {
	var out []*model.Posting
	for _, d := range []int{1, -1} {
		if i := l.cur + d; i >= 0 && i < l.res.Len() {
			out = append(out, l.res.Posting(i))
		}
	}
	return out
}

// listLook is what the list draws besides its rows.
type listLook struct {
	top     string // the filter line
	focused bool   // the list has the keyboard
	empty   string // what to say when there is no row
	ann     Annotations
	now     time.Time
	marks   map[string]*model.Posting // marked for a bulk change; none: no mark column
	isNew   func(id string) bool      // the posting is new: a label says so
}

// view renders the pane: look.top, then the visible rows, each line
// exactly width cells, height lines in all.
func (l *listPane) view(st *Styles, look listLook, width, height int) []string {
	out := make([]string, 0, height)
	out = append(out, look.top)
	n := l.res.Len()
	withQuery := len(l.res.Query) > 0
	for row := l.off; row < n && len(out)+rowHeight <= height; row++ {
		p := l.res.Posting(row)
		rv := rowView{p: p, selected: row == l.cur, focused: look.focused, ann: look.ann, now: look.now, markCol: len(look.marks) > 0}
		rv.isNew = look.isNew != nil && look.isNew(p.ID)
		if rv.markCol {
			_, rv.marked = look.marks[p.ID]
		}
		if withQuery {
			rv.m.Title, rv.m.Meta = l.res.Highlights(row)
		}
		lines := renderRow(st, rv, width)
		out = append(out, lines[:]...)
	}
	if n == 0 {
		out = append(out, fit("  "+st.Dim.Render(look.empty), width))
	}
	blank := strings.Repeat(" ", width)
	for len(out) < height {
		out = append(out, blank)
	}
	return out
}
