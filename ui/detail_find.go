package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/jobdeck/jobdeck/model"
)

// detailFind is what the detail pane highlights: the matches of the
// search in the posting (the current one stands out) and, in the body,
// the words the list query's quoted terms look for. Matches are found
// when the pane's lines, the search or the terms change, never per key;
// the marked lines are drawn then too.
type detailFind struct {
	query    string // the search in the posting ("" none)
	needle   []rune // query folded
	hits     []hit  // its matches, top to bottom
	cur      int    // the current match
	words    [][]rune
	prefix   []bool
	termsKey string             // the terms words came from
	spans    map[int][]markSpan // the marks of each marked line
	marked   map[int]string     // lines drawn with their marks
	wraps    markWraps          // how the marks are drawn
}

// hit is one match of the search in the posting: line of the pane's lines.
type hit struct {
	line int
	sp   span
}

// markSpan is a mark on a line: a search match (hit its number) or a word
// of the query's terms (hit -1).
type markSpan struct {
	span
	hit int
}

// setSearch starts a search of the posting for query ("" ends it) and
// shows its first match at or below the top of the pane.
func (d *detailPane) setSearch(st *Styles, query string) {
	f := &d.find
	f.query = strings.TrimSpace(query)
	f.needle = nil
	if f.query != "" {
		f.needle = foldString(f.query)
	}
	d.mark(st)
	for i, h := range f.hits {
		if h.line >= d.off {
			f.cur = i
			break
		}
	}
	d.showHit(st, f.cur)
}

// setTerms highlights the words of terms in the body (nil: none).
func (d *detailPane) setTerms(st *Styles, terms []model.TextTerm) {
	var b strings.Builder
	for _, t := range terms {
		if !t.Exclude {
			b.WriteString(t.Text + "\x00")
		}
	}
	if b.String() == d.find.termsKey {
		return
	}
	d.find.termsKey = b.String()
	d.find.words, d.find.prefix = textWords(terms)
	if d.lines != nil {
		d.mark(st)
	}
}

// searching reports whether a search of the posting is active.
func (d *detailPane) searching() bool { return d.find.query != "" }

// mark finds the search's matches and the terms' words in the pane's
// lines (the words only in the body) and draws the lines they are on.
func (d *detailPane) mark(st *Styles) {
	f := &d.find
	f.hits, f.spans, f.marked = nil, nil, nil
	if f.needle == nil && f.words == nil {
		return
	}
	f.wraps = markWraps{word: wrapperOf(st.Match), match: wrapperOf(st.Match.Reverse(true)), current: wrapperOf(st.Match.Reverse(true).Bold(true))}
	f.spans = map[int][]markSpan{}
	for i, line := range d.lines {
		var spans []markSpan
		fl := foldLine(line)
		if f.needle != nil {
			for _, sp := range fl.find(f.needle) {
				spans = append(spans, markSpan{sp, len(f.hits)})
				f.hits = append(f.hits, hit{line: i, sp: sp})
			}
		}
		if i >= d.bodyAt && i < d.bodyEnd {
			for w, word := range f.words {
				for _, sp := range fl.findWord(word, f.prefix[w]) {
					spans = addSpan(spans, markSpan{sp, -1})
				}
			}
		}
		if len(spans) > 0 {
			f.spans[i] = spans
		}
	}
	f.cur = min(f.cur, max(len(f.hits)-1, 0))
	f.marked = make(map[int]string, len(f.spans))
	for i := range f.spans {
		d.drawMarked(st, i)
	}
}

// addSpan adds s to spans (sorted by start) unless it overlaps one.
func addSpan(spans []markSpan, s markSpan) []markSpan {
	at := len(spans)
	for i, o := range spans {
		if s.from < o.to && o.from < s.to {
			return spans
		}
		if s.from < o.from {
			at = i
			break
		}
	}
	spans = append(spans, markSpan{})
	copy(spans[at+1:], spans[at:])
	spans[at] = s
	return spans
}

// drawMarked draws line i with its marks.
func (d *detailPane) drawMarked(st *Styles, i int) {
	spans := d.find.spans[i]
	plain := make([]span, len(spans))
	for k, s := range spans {
		plain[k] = s.span
	}
	cur, w := d.find.cur, &d.find.wraps
	d.find.marked[i] = markSpans(d.lines[i], plain, func(k int, s string) string {
		switch h := spans[k].hit; {
		case h < 0:
			return w.word.wrap(s)
		case h == cur:
			return w.current.wrap(s)
		}
		return w.match.wrap(s)
	})
}

// wrapper is a style as the sequences that open and close it, so that
// drawing a mark is two string copies, not a lipgloss render.
type wrapper struct{ open, close string }

// wrapperOf returns the wrapper of style.
func wrapperOf(style lipgloss.Style) wrapper {
	r := style.Render("\x00")
	i := strings.IndexByte(r, 0)
	if i < 0 {
		return wrapper{}
	}
	return wrapper{open: r[:i], close: r[i+1:]}
}

func (w wrapper) wrap(s string) string { return w.open + s + w.close }

// markWraps are the wrappers of the three kinds of mark.
type markWraps struct{ word, match, current wrapper }

// nextHit makes the match by matches on from the current one current,
// wrapping around, and scrolls to it.
func (d *detailPane) nextHit(st *Styles, by int) {
	n := len(d.find.hits)
	if n == 0 {
		return
	}
	d.showHit(st, ((d.find.cur+by)%n+n)%n)
}

// showHit makes match i current, redraws the lines of the old and new
// current matches and scrolls so that the new one is on screen.
func (d *detailPane) showHit(st *Styles, i int) {
	f := &d.find
	if i >= len(f.hits) {
		return
	}
	old := f.hits[min(f.cur, len(f.hits)-1)].line
	f.cur = i
	d.drawMarked(st, old)
	line := f.hits[i].line
	d.drawMarked(st, line)
	if line < d.off || line >= d.off+d.height {
		d.off = clampInt(line-d.height/3, 0, max(len(d.lines)-d.height, 0))
	}
}

// matchStatus is what the status line says of the search in the posting:
// "match 3 of 11", or that nothing matches.
func (d *detailPane) matchStatus() string {
	switch {
	case !d.searching():
		return ""
	case len(d.find.hits) == 0:
		return "no match for " + clean(d.find.query)
	}
	return "match " + groupDigits(d.find.cur+1) + " of " + groupDigits(len(d.find.hits))
}
