package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

// View draws the filter line, then the columns on screen side by side,
// lay.bodyH lines of lay.width cells. Only the cards on screen are drawn.
func (b *board) View() []string {
	st := &b.c.styles
	w, h := b.lay.width, b.lay.bodyH
	out := make([]string, 0, h)
	out = append(out, b.filterLine(w))
	if len(b.cols) == 0 {
		out = append(out, fit("  "+st.Dim.Render("no store: nothing is tracked"), w))
	}
	n, cw := b.visible()
	var cols [][]string
	for i := b.off; i < min(b.off+n, len(b.cols)); i++ {
		cols = append(cols, b.column(i, cw, h-1))
	}
	sep := st.Separator.Render("│")
	pad := strings.Repeat(" ", max(w-len(cols)*cw-(len(cols)-1), 0)) // columns are fitted: no need to measure
	for y := 0; len(cols) > 0 && y < h-1; y++ {
		var line strings.Builder
		for i, c := range cols {
			if i > 0 {
				line.WriteString(sep)
			}
			line.WriteString(c[y])
		}
		line.WriteString(pad)
		out = append(out, line.String())
	}
	blank := strings.Repeat(" ", w)
	for len(out) < h {
		out = append(out, blank)
	}
	return out
}

// filterLine is the filter input, or "board" and how to filter.
func (b *board) filterLine(width int) string {
	if b.filtering || b.query() != "" {
		return fit(b.input.View(), width)
	}
	st := &b.c.styles
	return fit(st.Focused.Render("Board")+st.Dim.Render(" · "+b.c.keys.Filter.Help().Key+" filter"), width)
}

// column draws column i, width cells by height lines: its name and
// count, a rule, then the cards from its first on screen.
func (b *board) column(i, width, height int) []string {
	st := &b.c.styles
	c := b.cols[i]
	focused := i == b.col
	head := fmt.Sprintf("%s (%d)", c.Name(), len(c.Cards))
	hs := st.Blurred
	if focused {
		hs = st.Focused
	}
	out := make([]string, 0, height)
	out = append(out, fit(" "+hs.Render(head), width), fit(st.Separator.Render(strings.Repeat("─", width)), width))
	for j := b.top[i]; j < len(c.Cards) && len(out)+boardCardH <= height; j++ {
		out = append(out, b.cardLines(c, c.Cards[j], width, focused && j == b.card[i])...)
	}
	if len(c.Cards) == 0 {
		out = append(out, fit("  "+st.Dim.Render("none"), width))
	}
	if more := len(c.Cards) - b.top[i] - (len(out)-2)/boardCardH; more > 0 && len(out) < height {
		out = append(out, fit("  "+st.Dim.Render(fmt.Sprintf("↓ %d more", more)), width))
	}
	blank := strings.Repeat(" ", width)
	for len(out) < height {
		out = append(out, blank)
	}
	return out[:height]
}

// cardKey is what a card is drawn from besides its posting.
type cardKey struct {
	width   int
	focused bool
	stage   model.Stage
	days    int
	dated   bool
	due     bool
}

// drawnCard is a card as last drawn, and what from.
type drawnCard struct {
	key   cardKey
	lines []string
}

// cardLines returns the lines of a card, drawn again only when what it is
// drawn from changed: a key that moves the focus redraws two cards.
func (b *board) cardLines(c model.BoardColumn, cd model.BoardCard, width int, focused bool) []string {
	k := cardKey{width: width, focused: focused, stage: cd.Stage, days: cd.Days, dated: !cd.Since.IsZero(), due: cd.Due}
	if d, ok := b.drawn[cd.Posting]; ok && d.key == k {
		return d.lines
	}
	if b.drawn == nil || len(b.drawn) > 4096 {
		b.drawn = map[*model.Posting]drawnCard{}
	}
	lines := b.drawCard(c, cd, width, focused)
	b.drawn[cd.Posting] = drawnCard{key: k, lines: lines}
	return lines
}

// drawCard draws one card: the title, the company, then the days in the
// stage (the closed stage's name in the closed column) and the due mark.
func (b *board) drawCard(c model.BoardColumn, cd model.BoardCard, width int, focused bool) []string {
	st := &b.c.styles
	bar, ts := "  ", st.Title
	if focused {
		bar, ts = st.Bar.Render("┃ "), st.SelectedTitle
	}
	inner := max(width-3, 1)
	title := clean(cd.Posting.Title)
	if title == "" {
		title = "(untitled)"
	}
	var meta []string
	if c.Closed {
		meta = append(meta, cd.Stage.String())
	}
	if !cd.Since.IsZero() {
		meta = append(meta, fmt.Sprintf("%dd", cd.Days))
	}
	third := st.Meta.Render(strings.Join(meta, " · "))
	if cd.Due {
		third += " " + st.Due.Render("due")
	}
	return []string{
		fit(bar+ts.Render(ansi.Truncate(title, inner, "…")), width),
		fit(bar+st.Meta.Render(ansi.Truncate(clean(cd.Posting.Company), inner, "…")), width),
		fit(bar+third, width),
	}
}
