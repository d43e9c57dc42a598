package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

// BenchmarkMarkLongBody times finding and drawing the marks of a search and
// of two quoted terms over a rendered body of 5,000 styled lines: what a
// new posting or new terms cost in Update.
func BenchmarkMarkLongBody(b *testing.B) {
	st := NewStyles(true, false)
	line := "\x1b[38;5;252mWe offer visa sponsorship in München and \x1b[1mrelocation\x1b[m support for the team.\x1b[m"
	d := detailPane{width: 100, height: 40}
	d.lines = make([]string, 5000)
	for i := range d.lines {
		d.lines[i] = line
	}
	d.bodyAt, d.bodyEnd = 0, len(d.lines)
	d.find.needle = foldString("munchen")
	d.find.query = "munchen"
	d.find.words, d.find.prefix = textWords([]model.TextTerm{{Text: "visa sponsorship"}, {Text: "reloc*"}})
	b.ReportAllocs()
	for b.Loop() {
		d.mark(&st)
	}
	if len(d.find.hits) != 5000 || !strings.Contains(ansi.Strip(d.find.marked[0]), "visa") {
		b.Fatalf("%d hits", len(d.find.hits))
	}
}
