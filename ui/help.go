package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// helpLines renders the enabled bindings of bs as short help in st's help
// styles, wrapped to width: as many bindings a line as fit, so a narrow
// terminal still shows every key an editor takes. A single binding wider
// than width is cut by the caller's fit.
func helpLines(st *Styles, bs []key.Binding, width int) []string {
	h := help.New()
	h.Styles = st.Help
	h.SetWidth(0) // no ellipsis: we wrap instead
	var lines []string
	var cur []key.Binding
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		next := append(cur[:len(cur):len(cur)], b)
		if len(cur) > 0 && ansi.StringWidth(h.ShortHelpView(next)) > width {
			lines = append(lines, h.ShortHelpView(cur))
			next = []key.Binding{b}
		}
		cur = next
	}
	if len(cur) > 0 {
		lines = append(lines, h.ShortHelpView(cur))
	}
	return lines
}
