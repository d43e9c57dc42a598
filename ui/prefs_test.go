package ui

import (
	"image/color"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/lipgloss/v2"
	xansi "github.com/charmbracelet/x/ansi"

	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// withPrefs puts p into effect on a test browser and lays it out again.
func withPrefs(t *testing.T, m *Model, p Prefs) *Model {
	t.Helper()
	m.applyPrefs(p)
	send(t, m, tea.WindowSizeMsg{Width: layoutOf(m).width, Height: layoutOf(m).height}, batchMsg{done: true})
	return m
}

func TestPrefsReboundKeysWorkAndShowInHelp(t *testing.T) {
	k := keymap.DefaultKeyMap()
	if errs := k.Rebind(map[string][]string{"shortlist": {"*"}, "help": {"H"}}); errs != nil {
		t.Fatal(errs)
	}
	m, st, _ := newStoreModel(t)
	withPrefs(t, m, Prefs{Keys: &k})
	if s := shown(m); !contains(s, "* shortlist") || contains(s, "s shortlist") {
		t.Errorf("footer does not show the rebound key alone:\n%s", s)
	}
	send(t, m, kp("s"))
	if st.Shortlisted(selected(m).ID) {
		t.Error("the old key still shortlists")
	}
	send(t, m, kp("*"))
	if !st.Shortlisted(selected(m).ID) {
		t.Error("the new key does not shortlist")
	}
	send(t, m, kp("?"))
	if contains(shown(m), "shortlist only") {
		t.Error("the old help key opened the full help")
	}
	send(t, m, kp("H"))
	s := shown(m)
	if !contains(s, "shortlist only") {
		t.Fatalf("the new help key did not open the full help:\n%s", s)
	}
	for re, want := range map[string]bool{`\*\s+shortlist`: true, `\bH\s+help`: true, `\bs\s+shortlist`: false, `\?\s+help`: false} {
		if regexp.MustCompile(re).MatchString(s) != want {
			t.Errorf("full help: %s matches: %v, want %v\n%s", re, !want, want, s)
		}
	}
}

func TestPrefsAbsoluteDates(t *testing.T) {
	m := withPrefs(t, newTestModel(t, 120, 30, fixture()), Prefs{AbsoluteDates: true})
	send(t, m, kp("j")) // Senior Backend Engineer, 3 days before testNow
	s := shown(m)
	if !contains(s, "Zürich · 2026-11-17") || !contains(s, "2026-11-19") {
		t.Errorf("rows do not show absolute dates:\n%s", s)
	}
	if contains(s, "ago") {
		t.Errorf("relative dates remain:\n%s", s)
	}
	rel := newTestModel(t, 120, 30, fixture())
	send(t, rel, kp("j"))
	if s := shown(rel); !contains(s, "3d ago") || !contains(s, "2026-11-17 (3d ago)") {
		t.Errorf("default dates are not relative:\n%s", s)
	}
}

func TestPrefsListShare(t *testing.T) {
	m := withPrefs(t, newTestModel(t, 120, 30, fixture()), Prefs{ListShare: 0.6})
	if layoutOf(m).listW != 72 || layoutOf(m).detailW != 120-72-separatorWidth {
		t.Errorf("list share 0.6 of 120: list %d, detail %d", layoutOf(m).listW, layoutOf(m).detailW)
	}
	if d := newTestModel(t, 120, 30, fixture()); d.lay.listW != 48 {
		t.Errorf("default list width %d, want 48", d.lay.listW)
	}
}

func TestPrefsSort(t *testing.T) {
	m := newModel("dark", false)
	m.applyPrefs(Prefs{Sort: model.SortCompany})
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 30}, batchMsg{postings: fixture(), done: true})
	want := []string{"Platform Lead", "Frontend Developer", "Senior Backend Engineer", "Data Analyst"}
	if got := titles(m); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("titles %v, want %v", got, want)
	}
	if !contains(shown(m), "sort company") {
		t.Errorf("status line does not say the sort:\n%s", shown(m))
	}
}

func TestPrefsColors(t *testing.T) {
	accent, dim, label := color.RGBA{1, 2, 3, 255}, color.RGBA{4, 5, 6, 255}, color.RGBA{7, 8, 9, 255}
	tag := color.RGBA{10, 11, 12, 255}
	p := Prefs{Colors: Colors{Accent: accent, Dim: dim, Label: label, Tags: []color.Color{tag}}}
	m := withPrefs(t, newTestModel(t, 120, 30, fixture()), p)
	st := *stylesOf(m)
	if st.SelectedTitle.GetForeground() != accent || st.HeaderTitle.GetForeground() != accent || st.Meta.GetForeground() != dim ||
		st.Status.GetForeground() != dim || st.Label.GetForeground() != label || st.Tag("go").GetBackground() != tag {
		t.Errorf("colours not applied: %+v", st)
	}
	auto := newModel("auto", false)
	auto.applyPrefs(p)
	send(t, auto, tea.BackgroundColorMsg{Color: color.White})
	if stylesOf(auto).Dark || stylesOf(auto).SelectedTitle.GetForeground() != accent {
		t.Error("a new background lost the user's colours")
	}
	plain := newModel("notty", false)
	plain.applyPrefs(p)
	if stylesOf(plain).SelectedTitle.GetForeground() == accent {
		t.Error("colours applied without colour")
	}
}

func TestPrefsGlamour(t *testing.T) {
	h2 := "§§ "
	custom := &ansi.StyleConfig{H2: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Prefix: h2}}}
	m := withPrefs(t, newTestModel(t, 120, 30, fixture()), Prefs{GlamourName: "mine.json", Glamour: custom})
	if g := stylesOf(m).glamourStyle(); g.custom != custom {
		t.Fatalf("glamour style %+v, want the custom one", g)
	}
	send(t, m, kp("j"))
	if s := shown(m); !contains(s, "§§ About us") {
		t.Errorf("body not rendered in the custom style:\n%s", s)
	}
	light := withPrefs(t, newTestModel(t, 120, 30, fixture()), Prefs{GlamourName: "light", Glamour: custom})
	if g := stylesOf(light).glamourStyle(); g != (glamourStyle{name: "light"}) {
		t.Errorf("glamour = \"light\" on a dark terminal: %+v, want jobdeck's light", g)
	}
	plain := newModel("notty", false)
	plain.applyPrefs(Prefs{GlamourName: "mine.json", Glamour: custom})
	if g := stylesOf(plain).glamourStyle(); g != (glamourStyle{name: "notty"}) {
		t.Errorf("no colour: %+v, want notty", g)
	}
}

func TestPrefsNotice(t *testing.T) {
	notice := "config.toml:3: sort: \"sideways\" is not one of newest, oldest, company, title"
	m := withPrefs(t, newTestModel(t, 160, 30, fixture()), Prefs{Notice: notice})
	if s := shown(m); !contains(s, "config.toml:3: sort:") {
		t.Errorf("status line lacks the notice:\n%s", s)
	}
	m.flash("saved", false)
	if s := shown(m); contains(s, "config.toml:3") || !contains(s, "saved") {
		t.Errorf("a message did not take the notice's place:\n%s", s)
	}
	send(t, m, clearMsg{flashSeq(m)})
	if s := shown(m); !contains(s, "config.toml:3") {
		t.Errorf("the notice did not come back after the message:\n%s", s)
	}
	send(t, m, kp("j"))
	if s := shown(m); contains(s, "config.toml:3") {
		t.Errorf("the notice outlived the first key:\n%s", s)
	}
}

// shown is the screen as text.
func shown(m *Model) string { return xansi.Strip(m.render()) }

func TestPrefsStageColours(t *testing.T) {
	m, st, _ := newStoreModel(t)
	withPrefs(t, m, Prefs{Colors: Colors{Stages: map[model.Stage]color.Color{model.StageApplied: lipgloss.Color("#FF0000")}}})
	a, _ := collection(m).ByID("a")
	if err := st.SetStage(a, model.StageApplied, testNow); err != nil {
		t.Fatal(err)
	}
	send(t, m, kp("j"))
	if got, want := stylesOf(m).StageStyle(model.StageApplied).Render("applied"), lipgloss.NewStyle().Italic(true).Foreground(lipgloss.Color("#FF0000")).Render("applied"); got != want {
		t.Errorf("applied drawn %q, want %q", got, want)
	}
	if !strings.Contains(m.render(), stylesOf(m).StageStyle(model.StageApplied).Render("applied")) {
		t.Error("the row's label is not in the user's colour")
	}
}
