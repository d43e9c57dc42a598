package ui

import (
	"hash/fnv"
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/jobdeck/jobdeck/model"
)

// Styles is every lipgloss style the browser draws with. Build it with
// NewStyles; the browser rebuilds it when it learns the terminal background.
type Styles struct {
	Dark    bool // built for a dark background
	NoColor bool // built without any colour

	Title         lipgloss.Style // a row's title
	SelectedTitle lipgloss.Style // the title of the row under the cursor
	Meta          lipgloss.Style // a row's dimmed second line
	Match         lipgloss.Style // matched characters of the filter
	Bar           lipgloss.Style // the cursor bar left of the selected row
	Star          lipgloss.Style // ★ of a shortlisted posting
	Stage         lipgloss.Style // a posting's stage label
	Due           lipgloss.Style // the mark of a follow-up that is due
	Mark          lipgloss.Style // the mark of a posting marked for a bulk change
	tagColors     []color.Color  // label backgrounds, picked by tag name
	tagBase       lipgloss.Style

	Separator lipgloss.Style // the column between the panes
	Focused   lipgloss.Style // pane title when the pane has focus
	Blurred   lipgloss.Style // pane title when it has not

	HeaderTitle lipgloss.Style // the detail header's title
	Label       lipgloss.Style // "Company", "Salary", ... in the header
	Value       lipgloss.Style // header values
	Warning     lipgloss.Style // loader warnings
	Dim         lipgloss.Style // placeholders, hints

	Prompt  lipgloss.Style // the filter prompt
	Status  lipgloss.Style // the status line
	Message lipgloss.Style // a passing message in the status line
	Error   lipgloss.Style // an error message in the status line

	Help help.Styles

	stageColors map[model.Stage]color.Color // the user's colours of the stage labels

	absDates bool         // dates as "2026-11-02", not "3d ago"
	glamour  glamourStyle // the user's body style; zero: the standard one
}

// NewStyles returns the styles for a dark (or light) background; with
// noColor set no style carries a colour, only bold, faint, underline and
// reverse.
func NewStyles(dark, noColor bool) Styles {
	s := Styles{Dark: dark, NoColor: noColor}
	if noColor {
		plain := lipgloss.NewStyle()
		s.Title = plain
		s.SelectedTitle = plain.Bold(true)
		s.Meta = plain.Faint(true)
		s.Match = plain.Underline(true)
		s.Bar = plain.Bold(true)
		s.Star = plain.Bold(true)
		s.Stage = plain.Italic(true)
		s.Due = plain.Bold(true).Reverse(true)
		s.Mark = plain.Bold(true)
		s.tagBase = plain.Reverse(true).Padding(0, 1)
		s.Separator = plain.Faint(true)
		s.Focused = plain.Bold(true).Underline(true)
		s.Blurred = plain.Faint(true)
		s.HeaderTitle = plain.Bold(true)
		s.Label = plain.Faint(true)
		s.Value = plain
		s.Warning = plain.Bold(true)
		s.Dim = plain.Faint(true)
		s.Prompt = plain.Bold(true)
		s.Status = plain.Faint(true)
		s.Message = plain.Bold(true)
		s.Error = plain.Bold(true).Reverse(true)
		s.Help = help.Styles{
			Ellipsis: plain.Faint(true), ShortKey: plain.Bold(true), ShortDesc: plain.Faint(true),
			ShortSeparator: plain.Faint(true), FullKey: plain.Bold(true), FullDesc: plain.Faint(true),
			FullSeparator: plain.Faint(true),
		}
		return s
	}
	ld := lipgloss.LightDark(dark)
	c := lipgloss.Color
	accent := ld(c("#5A3FD6"), c("#A48BFF"))
	text := ld(c("#1A1A1A"), c("#E4E4E4"))
	dim := ld(c("#6B6B6B"), c("#8A8A8A"))
	match := ld(c("#B3261E"), c("#FFB454"))

	s.Title = lipgloss.NewStyle().Foreground(text)
	s.SelectedTitle = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Meta = lipgloss.NewStyle().Foreground(dim)
	s.Match = lipgloss.NewStyle().Foreground(match).Underline(true)
	s.Bar = lipgloss.NewStyle().Foreground(accent)
	s.Star = lipgloss.NewStyle().Foreground(ld(c("#B8860B"), c("#FFD75F")))
	s.Stage = lipgloss.NewStyle().Foreground(ld(c("#00695C"), c("#4DD0E1"))).Italic(true)
	s.Due = lipgloss.NewStyle().Foreground(ld(c("#B3261E"), c("#FF8787"))).Bold(true)
	s.Mark = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.tagBase = lipgloss.NewStyle().Foreground(ld(c("#FFFFFF"), c("#101010"))).Padding(0, 1)
	s.tagColors = []color.Color{
		ld(c("#2E7D32"), c("#81C784")), ld(c("#1565C0"), c("#64B5F6")), ld(c("#AD1457"), c("#F48FB1")),
		ld(c("#6A1B9A"), c("#CE93D8")), ld(c("#00838F"), c("#4DD0E1")), ld(c("#E65100"), c("#FFB74D")),
	}
	s.Separator = lipgloss.NewStyle().Foreground(ld(c("#D0D0D0"), c("#3A3A3A")))
	s.Focused = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Blurred = lipgloss.NewStyle().Foreground(dim)
	s.HeaderTitle = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Label = lipgloss.NewStyle().Foreground(dim)
	s.Value = lipgloss.NewStyle().Foreground(text)
	s.Warning = lipgloss.NewStyle().Foreground(ld(c("#A15C00"), c("#FFAF5F")))
	s.Dim = lipgloss.NewStyle().Foreground(dim)
	s.Prompt = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Status = lipgloss.NewStyle().Foreground(dim)
	s.Message = lipgloss.NewStyle().Foreground(ld(c("#2E7D32"), c("#87D787")))
	s.Error = lipgloss.NewStyle().Foreground(ld(c("#B3261E"), c("#FF8787"))).Bold(true)
	s.Help = help.DefaultStyles(dark)
	return s
}

// Tag returns the style of the label of tag: the same tag always gets the
// same colour.
func (s Styles) Tag(tag string) lipgloss.Style {
	if len(s.tagColors) == 0 {
		return s.tagBase
	}
	h := fnv.New32a()
	h.Write([]byte(tag))
	return s.tagBase.Background(s.tagColors[h.Sum32()%uint32(len(s.tagColors))])
}

// StageStyle returns the style of the label of stage st: Stage, in the
// user's colour for st when there is one.
func (s Styles) StageStyle(st model.Stage) lipgloss.Style {
	if c, ok := s.stageColors[st]; ok && !s.NoColor {
		return s.Stage.Foreground(c)
	}
	return s.Stage
}

// glamourStyle returns the body style that matches the styles: the
// user's, else the standard one for the background; without colour
// always notty.
func (s Styles) glamourStyle() glamourStyle {
	switch {
	case s.NoColor:
		return glamourStyle{name: "notty"}
	case s.glamour.name != "":
		return s.glamour
	case s.Dark:
		return glamourStyle{name: "dark"}
	default:
		return glamourStyle{name: "light"}
	}
}
