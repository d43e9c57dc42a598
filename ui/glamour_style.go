package ui

import (
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// glamourConfig returns the glamour style for name ("dark", "light",
// "notty"): the standard style with the markdown heading marks ("## ")
// removed, since a rendered heading should not look like raw markdown.
// Without colour, headings are bold instead.
func glamourConfig(name string) ansi.StyleConfig {
	var c ansi.StyleConfig
	switch name {
	case "light":
		c = styles.LightStyleConfig
	case "notty":
		c = styles.NoTTYStyleConfig
	default:
		c = styles.DarkStyleConfig
	}
	bold := true
	for _, h := range []*ansi.StyleBlock{&c.H1, &c.H2, &c.H3, &c.H4, &c.H5, &c.H6} {
		if name == "notty" || h != &c.H1 {
			h.Prefix = ""
		}
		if name == "notty" {
			h.Bold = &bold
		}
	}
	return c
}
