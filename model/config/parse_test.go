package config

import (
	"errors"
	"image/color"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/BurntSushi/toml"
	"github.com/charmbracelet/x/ansi"

	"github.com/jobdeck/jobdeck/model"
)

// testEnv returns an Env whose home is a temp folder holding "jobs" and
// "more", and the home.
func testEnv(t *testing.T) (Env, string) {
	t.Helper()
	home := t.TempDir()
	for _, d := range []string{"jobs", "more"} {
		if err := os.Mkdir(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return Env{Getenv: func(string) string { return "" }, Home: func() (string, error) { return home, nil }}, home
}

func TestParseEveryKey(t *testing.T) {
	env, home := testEnv(t)
	glamourFile := filepath.Join(home, "style.json")
	if err := os.WriteFile(glamourFile, []byte(`{"document": {"margin": 3}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	three := uint(3)
	tests := []struct {
		name string
		src  string
		want func(*Config) // applied to Default()
	}{
		{"empty", "", func(*Config) {}},
		{"paths", `paths = ["~/jobs", "~/more"]`, func(c *Config) { c.Paths = []string{filepath.Join(home, "jobs"), filepath.Join(home, "more")} }},
		{"one path as a string", `paths = "~/jobs"`, func(c *Config) { c.Paths = []string{filepath.Join(home, "jobs")} }},
		{"absolute path", `paths = ["` + filepath.ToSlash(filepath.Join(home, "more")) + `"]`, func(c *Config) { c.Paths = []string{filepath.Join(home, "more")} }},
		{"inbox", `inbox = "~/jobs/inbox"`, func(c *Config) { c.Inbox = filepath.Join(home, "jobs", "inbox") }},
		{"inbox ~ alone", `inbox = "~"`, func(c *Config) { c.Inbox = home }},
		{"sort", `sort = "company"`, func(c *Config) { c.Sort = model.SortCompany }},
		{"list_width", `list_width = 0.55`, func(c *Config) { c.ListWidth = 0.55 }},
		{"date_format", `date_format = "absolute"`, func(c *Config) { c.DateFormat = DateAbsolute }},
		{"date_format relative", `date_format = "relative"`, func(c *Config) { c.DateFormat = DateRelative }},
		{"keys", "[keys]\nshortlist = [\"s\", \"*\"]\nquit = \"q\"", func(c *Config) {
			c.Keys = []KeyBinding{{Action: "shortlist", Keys: []string{"s", "*"}, Line: 2}, {Action: "quit", Keys: []string{"q"}, Line: 3}}
		}},
		{"theme style", "[theme]\nstyle = \"light\"", func(c *Config) { c.Theme.Style = "light" }},
		{"theme colours", "[theme]\naccent = \"#FF8000\"\ndim = 244\nlabel = \"9\"", func(c *Config) {
			c.Theme.Accent, c.Theme.Dim, c.Theme.Label = color.RGBA{0xff, 0x80, 0, 0xff}, ansi.IndexedColor(244), ansi.BasicColor(9)
		}},
		{"theme tags", "[theme]\ntags = [\"#000000\", 21]", func(c *Config) { c.Theme.Tags = []color.Color{color.RGBA{0, 0, 0, 0xff}, ansi.IndexedColor(21)} }},
		{"theme stages", "[theme.stages]\napplied = \"#00ff00\"", func(c *Config) { c.Theme.Stages = map[string]color.Color{"applied": color.RGBA{0, 0xff, 0, 0xff}} }},
		{"glamour built-in", "[theme]\nglamour = \"dracula\"", func(c *Config) {
			s := *styles.DefaultStyles["dracula"]
			c.Theme.Glamour, c.Theme.GlamourStyle = "dracula", &s
		}},
		{"glamour auto", "[theme]\nglamour = \"auto\"", func(c *Config) { c.Theme.Glamour = "auto" }},
		{"glamour file", "[theme]\nglamour = \"~/style.json\"", func(c *Config) {
			c.Theme.Glamour = glamourFile
			c.Theme.GlamourStyle = &gansi.StyleConfig{Document: gansi.StyleBlock{Margin: &three}}
		}},
		{"searches in file order", "[searches]\nzeta = \"go\"\nalpha = \"tag:remote -senior\"", func(c *Config) {
			c.Searches = []Search{{"zeta", "go"}, {"alpha", "tag:remote -senior"}}
		}},
		{"fields", "[fields]\nurl = [\"offer_link\"]\ncompany = \"firm\"", func(c *Config) {
			c.Fields = map[string][]string{"url": {"offer_link"}, "company": {"firm"}}
		}},
		{"stages", "[stages]\napplied = 7\nghosted = 0", func(c *Config) { c.Stages = map[string]int{"applied": 7, "ghosted": 0} }},
		{"dotted keys", "theme.style = \"dark\"\nkeys.help = [\"h\"]", func(c *Config) {
			c.Theme.Style = "dark"
			c.Keys = []KeyBinding{{Action: "help", Keys: []string{"h"}, Line: 2}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs := Parse("config.toml", []byte(tt.src), env)
			if len(probs) != 0 {
				t.Fatalf("problems: %v", probs)
			}
			want := Default()
			tt.want(&want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestParseProblems(t *testing.T) {
	env, home := testEnv(t)
	badJSON := filepath.Join(home, "bad.json")
	if err := os.WriteFile(badJSON, []byte("{\n  \"document\": {\n    \"margin\": 3,,\n  }\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		src  string
		kind error
		line int
		key  string
		msg  string // part of the message
	}{
		{"syntax", "sort = \"newest\"\nlist_width = \n", ErrSyntax, 2, "", "expected value"},
		{"syntax: unclosed table", "\n\n[theme\nstyle = \"dark\"", ErrSyntax, 3, "", ""},
		{"duplicate key", "sort = \"newest\"\nsort = \"oldest\"", ErrSyntax, 2, "", "already been defined"},
		{"unknown top key", "\n\ncolour = \"red\"", ErrUnknownKey, 3, "colour", "unknown key"},
		{"unknown table", "[colors]\naccent = 1", ErrUnknownKey, 1, "colors", "unknown key"},
		{"unknown theme key", "[theme]\n\naccnt = \"#ffffff\"", ErrUnknownKey, 3, "theme.accnt", "[theme]; did you mean accent?"},
		{"a typo of a top key", "list_widht = 0.5", ErrUnknownKey, 1, "list_widht", "did you mean list_width?"},
		{"unknown field", "[fields]\n\nsalaryy = [\"pay\"]", ErrUnknownKey, 3, "fields.salaryy", "salary"},
		{"unknown stage", "[stages]\n\nsnoozed = 3", ErrUnknownKey, 3, "stages.snoozed", "interviewing"},
		{"unknown stage colour", "[theme.stages]\nsnoozed = \"#ffffff\"", ErrUnknownKey, 2, "theme.stages.snoozed", "ghosted"},
		{"wrong type paths", "paths = 3", ErrType, 1, "paths", "got an integer"},
		{"wrong type in paths", "paths = [\n  \"~/jobs\",\n  3,\n]", ErrType, 1, "paths", "item 2"},
		{"wrong type sort", "\nsort = 1", ErrType, 2, "sort", "want a string"},
		{"wrong type list_width", "list_width = \"wide\"", ErrType, 1, "list_width", "got a string"},
		{"wrong type keys", "keys = [\"q\"]", ErrType, 1, "keys", "want a table"},
		{"wrong type key list", "[keys]\nquit = 5", ErrType, 2, "keys.quit", "list of strings"},
		{"wrong type theme", "theme = \"dark\"", ErrType, 1, "theme", "want a table"},
		{"wrong type tags", "[theme]\ntags = \"#ffffff\"", ErrType, 2, "theme.tags", "list of colours"},
		{"wrong type search", "[searches]\nremote = [\"go\"]", ErrType, 2, "searches.remote", "want a string"},
		{"wrong type stage", "[stages]\napplied = \"a week\"", ErrType, 2, "stages.applied", "days"},
		{"wrong type glamour", "[theme]\nglamour = 1", ErrType, 2, "theme.glamour", "want a string"},
		{"array of tables", "[[searches]]\nname = \"x\"", ErrType, 1, "searches", "list of tables"},
		{"bad sort", "sort = \"sideways\"", ErrValue, 1, "sort", "sideways"},
		{"bad date_format", "date_format = \"iso\"", ErrValue, 1, "date_format", "relative, absolute"},
		{"bad style", "[theme]\nstyle = \"neon\"", ErrValue, 2, "theme.style", "neon"},
		{"list_width too big", "list_width = 0.95", ErrValue, 1, "list_width", "0.2 to 0.8"},
		{"list_width in percent", "list_width = 40", ErrValue, 1, "list_width", "0.2 to 0.8"},
		{"missing path", "paths = [\"~/jobs\", \"~/nowhere\"]", ErrValue, 1, "paths", "~/nowhere: no such file"},
		{"empty inbox", "inbox = \"\"", ErrValue, 1, "inbox", "empty"},
		{"empty key list", "[keys]\nquit = []", ErrValue, 2, "keys.quit", "empty list"},
		{"stage days out of range", "[stages]\napplied = 400", ErrValue, 2, "stages.applied", "0–365"},
		{"glamour not a style", "[theme]\nglamour = \"drakula\"", ErrValue, 2, "theme.glamour", "dracula"},
		{"glamour bad JSON", "[theme]\nglamour = \"~/bad.json\"", ErrFile, 2, "theme.glamour", "bad.json:3:"},
		{"bad hex", "[theme]\naccent = \"#12345\"", ErrColor, 2, "theme.accent", "#rrggbb"},
		{"bad hex digits", "[theme]\ndim = \"#ggggggg\"", ErrColor, 2, "theme.dim", "#ggggggg"},
		{"ANSI out of range", "[theme]\nlabel = 256", ErrColor, 2, "theme.label", "0–255"},
		{"colour name", "[theme]\naccent = \"purple\"", ErrColor, 2, "theme.accent", "purple"},
		{"bad tag colour", "[theme]\ntags = [\"#ffffff\", \"#fff\"]", ErrColor, 2, "theme.tags", "item 2"},
		{"bad stage colour", "[theme.stages]\noffer = true", ErrColor, 2, "theme.stages.offer", "colour"},
		{"dotted key", "sort = \"newest\"\ntheme.accent = \"red\"", ErrColor, 2, "theme.accent", "red"},
		{"inline table", "\ntheme = { dim = \"#1\" }", ErrColor, 2, "theme.dim", "#1"},
		{"unknown key in an inline table", "theme = { styel = \"dark\" }", ErrUnknownKey, 1, "theme.styel", "[theme]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, probs := Parse("/etc/config.toml", []byte(tt.src), env)
			if len(probs) != 1 {
				t.Fatalf("want one problem, got %d: %v", len(probs), probs)
			}
			p := probs[0]
			if !errors.Is(p, tt.kind) || p.Line != tt.line || p.Key != tt.key || !strings.Contains(p.Msg, tt.msg) {
				t.Errorf("got %v (kind %v, line %d, key %q), want kind %v, line %d, key %q, message with %q", p, p.Kind, p.Line, p.Key, tt.kind, tt.line, tt.key, tt.msg)
			}
			prefix := "/etc/config.toml:" + strconv.Itoa(tt.line) + ": "
			if !strings.HasPrefix(p.Error(), prefix) {
				t.Errorf("%q does not start with %q", p.Error(), prefix)
			}
			if tt.kind != ErrValue || tt.key != "paths" {
				if want := Default(); !reflect.DeepEqual(c, want) {
					t.Errorf("the wrong setting did not keep its default: %+v", c)
				}
			}
		})
	}
}

func TestParseKeepsWhatIsRight(t *testing.T) {
	env, home := testEnv(t)
	src := `paths = ["~/jobs", "~/gone"]
sort = "sideways"
list_width = 0.3
bogus = 1

[theme]
accent = "#zzzzzz"
dim = "#101010"

[stages]
applied = 7
offer = -1
`
	c, probs := Parse("c.toml", []byte(src), env)
	var lines []int
	for _, p := range probs {
		lines = append(lines, p.Line)
	}
	if !reflect.DeepEqual(lines, []int{1, 2, 4, 7, 12}) {
		t.Errorf("problem lines %v, want [1 2 4 7 12]: %v", lines, probs)
	}
	if !reflect.DeepEqual(c.Paths, []string{filepath.Join(home, "jobs")}) || c.Sort != model.SortNewest || c.ListWidth != 0.3 ||
		c.Theme.Accent != nil || c.Theme.Dim != (color.RGBA{0x10, 0x10, 0x10, 0xff}) || !reflect.DeepEqual(c.Stages, map[string]int{"applied": 7}) {
		t.Errorf("what was right was not kept: %+v", c)
	}
}

func TestExpandHome(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"~", "/h"}, {"~/jobs", "/h/jobs"}, {"~/", "/h"}, {"/abs/~/x", "/abs/~/x"}, {"rel/~", "rel/~"}, {"~bob/jobs", "~bob/jobs"}, {"", ""},
	} {
		got, err := expandHome(tt.in, "/h")
		if err != nil || got != filepath.FromSlash(tt.want) {
			t.Errorf("expandHome(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if _, err := expandHome("~/jobs", ""); !errors.Is(err, errNoHome) {
		t.Errorf("no home: %v", err)
	}
	c, probs := Parse("c.toml", []byte(`inbox = "~/in"`), Env{})
	if len(probs) != 1 || !errors.Is(probs[0], ErrValue) || c.Inbox != "" {
		t.Errorf("~ without a home: %+v, %v", c, probs)
	}
}

func TestPath(t *testing.T) {
	env := func(vars map[string]string, home string) Env {
		return Env{Getenv: func(k string) string { return vars[k] }, Home: func() (string, error) {
			if home == "" {
				return "", errors.New("no home")
			}
			return home, nil
		}}
	}
	tests := []struct {
		name  string
		flag  string
		vars  map[string]string
		home  string
		want  string
		named bool
		err   bool
	}{
		{"flag wins", "/f.toml", map[string]string{"JOBDECK_CONFIG": "/e.toml", "XDG_CONFIG_HOME": "/x"}, "/h", "/f.toml", true, false},
		{"JOBDECK_CONFIG", "", map[string]string{"JOBDECK_CONFIG": "/e.toml", "XDG_CONFIG_HOME": "/x"}, "/h", "/e.toml", true, false},
		{"XDG_CONFIG_HOME", "", map[string]string{"XDG_CONFIG_HOME": "/x"}, "/h", "/x/jobdeck/config.toml", false, false},
		{"relative XDG_CONFIG_HOME is ignored", "", map[string]string{"XDG_CONFIG_HOME": "x"}, "/h", "/h/.config/jobdeck/config.toml", false, false},
		{"home", "", nil, "/h", "/h/.config/jobdeck/config.toml", false, false},
		{"no home", "", nil, "", "", false, true},
	}
	for _, tt := range tests {
		got, named, err := Path(tt.flag, env(tt.vars, tt.home))
		if got != filepath.FromSlash(tt.want) || named != tt.named || (err != nil) != tt.err {
			t.Errorf("%s: Path = %q, %v, %v; want %q, %v, error %v", tt.name, got, named, err, tt.want, tt.named, tt.err)
		}
	}
}

func TestLoad(t *testing.T) {
	env, home := testEnv(t)
	missing := filepath.Join(home, "none.toml")
	if c, probs := Load(missing, false, env); len(probs) != 0 || !reflect.DeepEqual(c, Default()) {
		t.Errorf("a missing default file: %+v, %v", c, probs)
	}
	if _, probs := Load(missing, true, env); len(probs) != 1 || !errors.Is(probs[0], ErrFile) || !errors.Is(probs[0], os.ErrNotExist) {
		t.Errorf("a missing named file: %v", probs)
	}
	if _, probs := Load(home, true, env); len(probs) != 1 || !errors.Is(probs[0], ErrFile) {
		t.Errorf("a folder: %v", probs)
	}
	p := filepath.Join(home, "c.toml")
	if err := os.WriteFile(p, []byte("sort = \"title\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, probs := Load(p, false, env); len(probs) != 0 || c.Sort != model.SortTitle {
		t.Errorf("a file: %+v, %v", c, probs)
	}
}

func TestKeyProblem(t *testing.T) {
	c := Config{Keys: []KeyBinding{{Action: "quit", Keys: []string{"q"}, Line: 9}}}
	kind := errors.New("not an action")
	p := c.KeyProblem("c.toml", "quit", kind)
	if p.Line != 9 || p.Key != "keys.quit" || !errors.Is(p, kind) || p.Error() != "c.toml:9: keys.quit: not an action" {
		t.Errorf("KeyProblem = %+v (%v)", p, p)
	}
}

func TestSuggest(t *testing.T) {
	for _, tt := range []struct {
		parent  toml.Key
		k, want string
	}{
		{toml.Key{"theme"}, "accnt", "accent"}, {toml.Key{"theme"}, "stlye", "style"}, {toml.Key{"theme"}, "glamor", "glamour"},
		{toml.Key{"theme"}, "colour", ""}, {nil, "pahts", "paths"}, {nil, "dateformat", "date_format"}, {toml.Key{"keys"}, "quitt", ""},
	} {
		if got, ok := suggest(tt.k, knownKeys(tt.parent)); got != tt.want || ok != (tt.want != "") {
			t.Errorf("suggest(%q in %v) = %q, %v; want %q", tt.k, tt.parent, got, ok, tt.want)
		}
	}
}
