package ui

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

func TestRenderBodyFitsWidth(t *testing.T) {
	long := strings.Repeat("word ", 60)
	body := "# A heading\n\n## Second\n\n" + long + "\n\n- a [link with a long text](https://example.com/" + strings.Repeat("x", 80) + ")\n\n" +
		"| a | b |\n|---|---|\n| " + long + " | c |\n\n```\n" + strings.Repeat("c", 200) + "\n```\n"
	for _, style := range []string{"dark", "light", "notty"} {
		for _, w := range []int{20, 47, 71, 119} {
			msg := renderBody(t.Context(), renderKey{p: &model.Posting{Body: body}, width: w, style: glamourStyle{name: style}}, func(p *model.Posting) (string, error) { return p.Body, nil })
			if msg.err != nil {
				t.Fatal(msg.err)
			}
			text := ansi.Strip(strings.Join(msg.lines, "\n"))
			if strings.Contains(text, "##") || strings.Contains(text, "# A") {
				t.Errorf("%s/%d: raw heading marks in %q", style, w, text)
			}
			if !strings.Contains(text, "A heading") || !strings.Contains(text, "Second") {
				t.Errorf("%s/%d: headings lost", style, w)
			}
			for _, l := range msg.lines {
				if got := ansi.StringWidth(l); got > w {
					t.Errorf("%s/%d: line %d cells wide: %q", style, w, got, ansi.Strip(l))
				}
			}
			if strings.TrimSpace(ansi.Strip(msg.lines[0])) == "" {
				t.Errorf("%s/%d: leading blank line kept", style, w)
			}
		}
	}
}

func TestRenderBodyErrorsAndEmpty(t *testing.T) {
	boom := errors.New("disk gone")
	msg := renderBody(t.Context(), renderKey{p: &model.Posting{}, width: 40, style: glamourStyle{name: "dark"}}, func(*model.Posting) (string, error) { return "", boom })
	if !errors.Is(msg.err, boom) {
		t.Errorf("err = %v, want it to wrap %v", msg.err, boom)
	}
	msg = renderBody(t.Context(), renderKey{p: &model.Posting{Body: " \n\n"}, width: 40, style: glamourStyle{name: "dark"}}, func(p *model.Posting) (string, error) { return p.Body, nil })
	if msg.err != nil || len(msg.lines) != 1 || msg.lines[0] != "(no description)" {
		t.Errorf("empty body: %q %v", msg.lines, msg.err)
	}
}

func TestBodyReadFromSourceAndFailureShown(t *testing.T) {
	fsys := fstest.MapFS{"gone.md": &fstest.MapFile{Data: []byte("# T\n\nbody text here\n")}}
	ps := []*model.Posting{
		{ID: "x", Title: "Kept", Source: fsys, SourcePath: "gone.md"},
		{ID: "y", Title: "Missing", Source: fsys, SourcePath: "nope.md"},
	}
	m := newTestModel(t, 120, 40, nil)
	setReader(m, func(p *model.Posting) (string, error) {
		if p.Body != "" {
			return p.Body, nil
		}
		b, err := fs.ReadFile(p.Source, p.SourcePath)
		return string(b), err
	})
	send(t, m, batchMsg{postings: ps, done: true})
	if got := m.render(); !strings.Contains(ansi.Strip(got), "body text here") {
		t.Errorf("body not read from its source:\n%s", ansi.Strip(got))
	}
	send(t, m, kp("j"))
	if !strings.Contains(detailOf(m).failed, "not exist") {
		t.Errorf("failed = %q", detailOf(m).failed)
	}
	if got := ansi.Strip(m.render()); !strings.Contains(got, "reading the body") {
		t.Errorf("failure not shown:\n%s", got)
	}
}

func TestRenderCacheAndPrerender(t *testing.T) {
	ps := fixture()
	m := newTestModel(t, 120, 40, ps)
	w, style := detailOf(m).width, stylesOf(m).glamourStyle()
	// The selected posting and its neighbour below were rendered.
	for _, i := range []int{0, 1} {
		if _, ok := detailOf(m).cache.get(renderKey{p: result(m).Posting(i), width: w, style: style}); !ok {
			t.Errorf("row %d not rendered", i)
		}
	}
	if _, ok := detailOf(m).cache.get(renderKey{p: result(m).Posting(3), width: w, style: style}); ok {
		t.Error("row 3 rendered without being near the cursor")
	}
	// A cached body shows at once: no Cmd needed.
	send(t, m, kp("j"))
	_, cmd := m.Update(kp("k"))
	if detailOf(m).body == nil {
		t.Error("cached body not shown at once")
	}
	if cmd != nil {
		if msg := cmd(); msg != nil {
			if _, ok := msg.(renderedMsg); ok {
				t.Error("a cached body was rendered again")
			}
		}
	}
	// A reply for another width is cached but not shown.
	other := renderKey{p: selected(m), width: 10, style: style}
	m.Update(renderedMsg{key: other, lines: []string{"WRONG"}})
	if strings.Contains(m.render(), "WRONG") {
		t.Error("a body rendered for another width was shown")
	}
	// Eviction keeps the cache bounded.
	c := newRenderCache(2)
	for i := range 5 {
		c.put(renderKey{p: ps[i%4], width: i}, rendered{})
	}
	if len(c.entries) != 2 || len(c.order) != 2 {
		t.Errorf("cache holds %d entries", len(c.entries))
	}
}

func TestBackgroundAndStyleOverride(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	followBackground(m)
	send(t, m, tea.BackgroundColorMsg{Color: colorWhite{}})
	if stylesOf(m).Dark || stylesOf(m).glamourStyle().name != "light" {
		t.Error("a white background did not give light styles")
	}
	if detailOf(m).body == nil {
		t.Error("body not re-rendered in the light style")
	}
	fixed := newModel("dark", false)
	fixed.Update(tea.BackgroundColorMsg{Color: colorWhite{}})
	if !stylesOf(fixed).Dark {
		t.Error("--style dark was overridden by the background")
	}
	nc := newModel("auto", true)
	setClock(nc, func() time_ { return testNow }, noTick)
	send(t, nc, size(120, 40), batchMsg{postings: fixture(), done: true}, kp("/"), kp("i"))
	out := nc.View().Content
	if sgrColour.MatchString(out) {
		t.Errorf("NO_COLOR output has colour: %q", sgrColour.FindString(out))
	}
	if stylesOf(nc).glamourStyle().name != "notty" {
		t.Error("NO_COLOR did not pick glamour's notty style")
	}
}

func TestLinksOnlyForWebAndMail(t *testing.T) {
	body := "[apply](https://a.example/x) [bad](javascript:alert(1)) [f](file:///etc/passwd) [m](mailto:jobs@a.example) <HTTP://B.EXAMPLE>"
	msg := renderBody(t.Context(), renderKey{p: &model.Posting{Body: body}, width: 120, style: glamourStyle{name: "dark"}}, func(p *model.Posting) (string, error) { return p.Body, nil })
	out := strings.Join(msg.lines, "\n")
	var uris []string
	for _, m := range osc8.FindAllStringSubmatch(out, -1) {
		if m[2] != "" && !slices.Contains(uris, m[2]) {
			uris = append(uris, m[2])
		}
	}
	want := []string{"https://a.example/x", "mailto:jobs@a.example", "HTTP://B.EXAMPLE"}
	if !slices.Equal(uris, want) {
		t.Errorf("hyperlinks %q, want %q", uris, want)
	}
	if plain := ansi.Strip(out); !strings.Contains(plain, "javascript:alert(1)") || !strings.Contains(plain, "bad") {
		t.Errorf("the unsafe link's text is gone: %q", plain)
	}
}

// TestNoRenderAheadWhileLoading checks that while a folder streams in only
// the selected posting is rendered, and its neighbours once it is loaded.
func TestNoRenderAheadWhileLoading(t *testing.T) {
	m := newTestModel(t, 120, 40, nil)
	w, style := detailOf(m).width, stylesOf(m).glamourStyle()
	rendered := func(i int) bool {
		_, ok := detailOf(m).cache.get(renderKey{p: result(m).Posting(i), width: w, style: style})
		return ok
	}
	setLoading(m, true, progress{})
	send(t, m, batchMsg{postings: fixture()})
	if !rendered(0) || rendered(1) {
		t.Fatalf("while loading: selected rendered %v, its neighbour %v; want true, false", rendered(0), rendered(1))
	}
	send(t, m, batchMsg{done: true})
	if !rendered(0) || !rendered(1) {
		t.Errorf("once loaded: selected rendered %v, its neighbour %v; want both", rendered(0), rendered(1))
	}
}
