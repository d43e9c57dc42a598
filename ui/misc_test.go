package ui

import (
	"github.com/charmbracelet/x/ansi"
	"regexp"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func size(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func click(x, y int) tea.MouseClickMsg {
	return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
}

func wheel(x, y int, up bool) tea.MouseWheelMsg {
	b := tea.MouseWheelDown
	if up {
		b = tea.MouseWheelUp
	}
	return tea.MouseWheelMsg{X: x, Y: y, Button: b}
}

// colorWhite is a white terminal background.
type colorWhite struct{}

func (colorWhite) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

type time_ = time.Time

// sgrColour matches an SGR sequence that sets a colour (30–49, 90–107,
// 38/48 extended).
var sgrColour = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:[;:][0-9;:]*)?m`)

// stripAll joins lines without their escape sequences.
func stripAll(lines []string) string { return ansi.Strip(strings.Join(lines, "\n")) }
