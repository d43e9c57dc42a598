package ui

import "testing"

func TestStyles(t *testing.T) {
	dark, light := NewStyles(true, false), NewStyles(false, false)
	if dark.Title.GetForeground() == light.Title.GetForeground() {
		t.Error("dark and light titles share a colour")
	}
	if dark.Tag("remote").GetBackground() != dark.Tag("remote").GetBackground() {
		t.Error("a tag's colour is not stable")
	}
	plain := NewStyles(true, true)
	for _, out := range []string{plain.Title.Render("x"), plain.Match.Render("x"), plain.Tag("go").Render("go"), plain.Error.Render("x")} {
		if sgrColour.MatchString(out) {
			t.Errorf("no-colour style emits colour: %q", out)
		}
	}
	for _, tt := range []struct {
		s    Styles
		want string
	}{{dark, "dark"}, {light, "light"}, {plain, "notty"}} {
		if got := tt.s.glamourStyle(); got != (glamourStyle{name: tt.want}) {
			t.Errorf("glamourStyle = %+v, want %q", got, tt.want)
		}
	}
}
