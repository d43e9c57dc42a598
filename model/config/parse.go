package config

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
)

// rawFile is the top level of a config file, each value kept for its own
// decoding so that one wrong value spoils only its own setting.
type rawFile struct {
	Paths      toml.Primitive `toml:"paths"`
	Inbox      toml.Primitive `toml:"inbox"`
	Sort       toml.Primitive `toml:"sort"`
	ListWidth  toml.Primitive `toml:"list_width"`
	DateFormat toml.Primitive `toml:"date_format"`
	Keys       toml.Primitive `toml:"keys"`
	Theme      toml.Primitive `toml:"theme"`
	Searches   toml.Primitive `toml:"searches"`
	Fields     toml.Primitive `toml:"fields"`
	Stages     toml.Primitive `toml:"stages"`
}

// rawTheme is the [theme] table.
type rawTheme struct {
	Style   toml.Primitive `toml:"style"`
	Accent  toml.Primitive `toml:"accent"`
	Dim     toml.Primitive `toml:"dim"`
	Label   toml.Primitive `toml:"label"`
	Tags    toml.Primitive `toml:"tags"`
	Stages  toml.Primitive `toml:"stages"`
	Glamour toml.Primitive `toml:"glamour"`
}

// Load reads the config file at path. A missing file is the default config,
// with no problem when named is false (jobdeck's default path) and with one
// when the user named the file.
func Load(path string, named bool, env Env) (Config, []Problem) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !named {
			return Default(), nil
		}
		msg := err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			msg = "no such file (jobdeck config init writes one)"
		}
		return Default(), []Problem{{File: path, Msg: msg, Kind: fmt.Errorf("%w: %w", ErrFile, err)}}
	}
	return Parse(path, data, env)
}

// Parse reads a config file's content; file names it in problems. Each
// setting with a problem keeps its default; the problems come back sorted
// by line.
func Parse(file string, data []byte, env Env) (Config, []Problem) {
	c := Default()
	var raw rawFile
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		p := Problem{File: file, Msg: err.Error(), Kind: fmt.Errorf("%w: %w", ErrSyntax, err)}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.Line, p.Msg = pe.Position.Line, pe.Message
			// The byte offset is exact where the line is not: an error
			// at a line's newline is on that line, not the next.
			if pe.Position.Start < len(data) {
				p.Line = lineAt(data, int64(pe.Position.Start))
			}
		}
		return c, []Problem{p}
	}
	d := &decoder{file: file, md: &md, lines: newLineFinder(string(data))}
	if env.Home != nil {
		d.home, _ = env.Home()
	}
	d.top(&c, raw)
	d.unknown()
	slices.SortStableFunc(d.probs, func(a, b Problem) int { return cmp.Compare(a.Line, b.Line) })
	return c, d.probs
}

// top reads the top-level settings into c.
func (d *decoder) top(c *Config, raw rawFile) {
	def := func(k string) bool { return d.md.IsDefined(k) }
	if def("paths") {
		c.Paths = d.paths(raw.Paths)
	}
	if def("inbox") {
		if s, ok := d.str(raw.Inbox, toml.Key{"inbox"}); ok {
			if p, ok := d.path(s, toml.Key{"inbox"}); ok {
				c.Inbox = p
			}
		}
	}
	if def("sort") {
		if s, ok := d.str(raw.Sort, toml.Key{"sort"}); ok {
			if o, err := model.ParseSortOrder(s); err == nil {
				c.Sort = o
			} else {
				d.fail(toml.Key{"sort"}, ErrValue, "%q is not one of %s", s, strings.Join(sortNames(), ", "))
			}
		}
	}
	if def("list_width") {
		d.listWidth(c, raw.ListWidth)
	}
	if def("date_format") {
		if s, ok := d.oneOf(raw.DateFormat, toml.Key{"date_format"}, "relative", "absolute"); ok && s == "absolute" {
			c.DateFormat = DateAbsolute
		}
	}
	if def("keys") {
		c.Keys = d.keys(raw.Keys)
	}
	if def("theme") {
		d.theme(&c.Theme, raw.Theme)
	}
	if def("searches") {
		c.Searches = d.searches(raw.Searches)
	}
	if def("fields") {
		c.Fields = d.fields(raw.Fields)
	}
	if def("stages") {
		c.Stages = d.stages(raw.Stages)
	}
}

// paths reads paths: each with ~ expanded, and each must exist.
func (d *decoder) paths(p toml.Primitive) []string {
	key := toml.Key{"paths"}
	list, ok := d.strs(p, key)
	if !ok {
		return nil
	}
	var out []string
	for _, s := range list {
		path, ok := d.path(s, key)
		if !ok {
			continue
		}
		if _, err := os.Stat(path); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				d.fail(key, ErrValue, "%s: no such file or folder", s)
			} else {
				d.fail(key, ErrValue, "%v", err)
			}
			continue
		}
		out = append(out, path)
	}
	return out
}

// listWidth reads list_width, a share of the width within bounds.
func (d *decoder) listWidth(c *Config, p toml.Primitive) {
	key := toml.Key{"list_width"}
	var w float64
	switch v := d.value(p).(type) {
	case float64:
		w = v
	case int64:
		w = float64(v)
	default:
		d.fail(key, ErrType, "want a number such as 0.4, got %s", kindOf(v))
		return
	}
	if w < MinListWidth || w > MaxListWidth {
		d.fail(key, ErrValue, "%v is out of range: the list's share of the width is %v to %v, such as %v", w, MinListWidth, MaxListWidth, DefaultListWidth)
		return
	}
	c.ListWidth = w
}

// keys reads the [keys] table: action = key or [keys], in file order. The
// keymap package checks the actions and keys.
func (d *decoder) keys(p toml.Primitive) []KeyBinding {
	m, ok := d.table(p, toml.Key{"keys"})
	if !ok {
		return nil
	}
	var out []KeyBinding
	for action, v := range m {
		key := toml.Key{"keys", action}
		if ks, ok := d.strs(v, key); ok {
			out = append(out, KeyBinding{Action: action, Keys: ks, Line: d.lines.lineOf(key)})
		}
	}
	slices.SortFunc(out, func(a, b KeyBinding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), strings.Compare(a.Action, b.Action))
	})
	return out
}

// searches reads [searches]: name = "query", in file order.
func (d *decoder) searches(p toml.Primitive) []Search {
	m, ok := d.table(p, toml.Key{"searches"})
	if !ok {
		return nil
	}
	type at struct {
		Search
		line int
	}
	var out []at
	for name, v := range m {
		key := toml.Key{"searches", name}
		if strings.TrimSpace(name) == "" {
			d.fail(key, ErrValue, "a saved search needs a name")
			continue
		}
		if q, ok := d.str(v, key); ok {
			out = append(out, at{Search{Name: name, Query: q}, d.lines.lineOf(key)})
		}
	}
	slices.SortFunc(out, func(a, b at) int { return cmp.Or(cmp.Compare(a.line, b.line), strings.Compare(a.Name, b.Name)) })
	if len(out) == 0 {
		return nil
	}
	s := make([]Search, len(out))
	for i, a := range out {
		s[i] = a.Search
	}
	return s
}

// fields reads [fields]: canonical field = extra keys.
func (d *decoder) fields(p toml.Primitive) map[string][]string {
	m, ok := d.table(p, toml.Key{"fields"})
	if !ok {
		return nil
	}
	known := loader.FieldNames()
	out := map[string][]string{}
	for name, v := range m {
		key := toml.Key{"fields", name}
		if !slices.Contains(known, name) {
			d.fail(key, ErrUnknownKey, "not a field; the fields are %s", strings.Join(known, ", "))
			continue
		}
		if ks, ok := d.strs(v, key); ok {
			out[name] = ks
		}
	}
	return nilIfEmpty(out)
}

// stages reads [stages]: stage = default follow-up in days.
func (d *decoder) stages(p toml.Primitive) map[string]int {
	m, ok := d.table(p, toml.Key{"stages"})
	if !ok {
		return nil
	}
	out := map[string]int{}
	for name, v := range m {
		key := toml.Key{"stages", name}
		if !slices.Contains(stageNames(), name) {
			d.fail(key, ErrUnknownKey, "not a stage; the stages are %s", strings.Join(stageNames(), ", "))
			continue
		}
		n, ok := d.value(v).(int64)
		switch {
		case !ok:
			d.fail(key, ErrType, "want a number of days, got %s", kindOf(d.value(v)))
		case n < 0 || n > MaxFollowUpDays:
			d.fail(key, ErrValue, "%d days is out of range 0–%d", n, MaxFollowUpDays)
		default:
			out[name] = int(n)
		}
	}
	return nilIfEmpty(out)
}
