package ui

// Layout limits, in terminal cells.
const (
	minWidth       = 40 // below this: "terminal too small"
	minHeight      = 10
	twoPaneWidth   = 90 // from this width on, list and detail side by side
	listPercent    = 40 // the list's share of a two-pane screen
	rowHeight      = 2  // lines a list row takes
	filterLines    = 1  // the filter line above the rows
	statusLines    = 1  // the status line
	separatorWidth = 1  // the column between the panes
)

// layout is where everything goes for one terminal size.
type layout struct {
	width, height int
	tooSmall      bool
	single        bool // one pane at a time
	listW         int  // list pane width
	detailW       int  // detail pane width
	bodyH         int  // height of the panes
	rows          int  // list rows that fit
	helpH         int  // lines the help footer takes
}

// computeLayout lays out a width×height screen with helpH lines of help;
// the list takes share of a two-pane screen (0: listPercent).
func computeLayout(width, height, helpH int, share float64) layout {
	l := layout{width: width, height: height}
	if width < minWidth || height < minHeight {
		l.tooSmall = true
		return l
	}
	// Full help may not eat the panes: keep at least four lines for them.
	l.helpH = min(helpH, height-statusLines-4)
	l.bodyH = height - statusLines - l.helpH
	l.single = width < twoPaneWidth
	if l.single {
		l.listW, l.detailW = width, width
	} else {
		l.listW = width * listPercent / 100
		if share > 0 {
			// The nudge keeps exact products exact: 0.4 of 95 is 38,
			// as listPercent gives, not 37.99….
			l.listW = int(float64(width)*share + 1e-9)
		}
		l.detailW = width - l.listW - separatorWidth
	}
	l.rows = max(1, (l.bodyH-filterLines)/rowHeight)
	return l
}
