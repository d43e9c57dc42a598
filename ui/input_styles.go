package ui

import "charm.land/bubbles/v2/textinput"

// inputStyles are the styles of a one-line input (the filter, the tag
// editor) drawn in st: a steady cursor, the prompt and placeholder in
// st's colours, or none at all without colour.
func inputStyles(st *Styles) textinput.Styles {
	is := textinput.DefaultStyles(st.Dark)
	is.Cursor.Blink = false // a steady cursor: no timer while the input has focus
	if st.NoColor {
		plain := textinput.StyleState{Text: st.Value, Placeholder: st.Dim, Suggestion: st.Dim, Prompt: st.Prompt}
		is.Focused, is.Blurred = plain, plain
		is.Cursor.Color = nil
	} else {
		is.Focused.Prompt, is.Blurred.Prompt = st.Prompt, st.Dim
		is.Focused.Placeholder, is.Blurred.Placeholder = st.Dim, st.Dim
	}
	return is
}
