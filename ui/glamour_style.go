package ui

import (
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// glamourStyle names a body style: one of jobdeck's standard ones by name
// ("dark", "light", "notty"), or the user's own (custom). It is
// comparable, so renderings are cached by it.
type glamourStyle struct {
	name   string
	custom *ansi.StyleConfig
}

// isStandardGlamour reports whether name is one of jobdeck's own styles.
func isStandardGlamour(name string) bool {
	return name == "dark" || name == "light" || name == "notty"
}

// config returns the glamour style config of g.
func (g glamourStyle) config() ansi.StyleConfig {
	if g.custom != nil {
		return *g.custom
	}
	return glamourConfig(g.name)
}

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
