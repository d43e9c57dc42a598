package config

import (
	"image/color"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// theme reads the [theme] table into t.
func (d *decoder) theme(t *Theme, p toml.Primitive) {
	// Not d.table: that would count every key of [theme] as read, and an
	// unknown one must stay unread to be reported.
	if v := d.value(p); !isTable(v) {
		d.fail(toml.Key{"theme"}, ErrType, "want a table, got %s", kindOf(v))
		return
	}
	var raw rawTheme
	if err := d.md.PrimitiveDecode(p, &raw); err != nil {
		d.fail(toml.Key{"theme"}, ErrType, "%v", err)
		return
	}
	def := func(k string) bool { return d.md.IsDefined("theme", k) }
	if def("style") {
		if s, ok := d.oneOf(raw.Style, toml.Key{"theme", "style"}, "auto", "dark", "light", "notty"); ok {
			t.Style = s
		}
	}
	for _, c := range []struct {
		name string
		p    toml.Primitive
		dst  *color.Color
	}{{"accent", raw.Accent, &t.Accent}, {"dim", raw.Dim, &t.Dim}, {"label", raw.Label, &t.Label}} {
		if def(c.name) {
			*c.dst = d.color(c.p, toml.Key{"theme", c.name})
		}
	}
	if def("tags") {
		t.Tags = d.colors(raw.Tags, toml.Key{"theme", "tags"})
	}
	if def("stages") {
		t.Stages = d.stageColors(raw.Stages)
	}
	if def("glamour") {
		d.glamour(t, raw.Glamour)
	}
}

// color reads one colour; nil (and a problem) if it does not parse.
func (d *decoder) color(p toml.Primitive, key toml.Key) color.Color {
	c, err := parseColor(d.value(p))
	if err != nil {
		d.fail(key, ErrColor, "%v", err)
		return nil
	}
	return c
}

// colors reads a list of colours; nil if any does not parse.
func (d *decoder) colors(p toml.Primitive, key toml.Key) []color.Color {
	vs, ok := d.value(p).([]any)
	if !ok || len(vs) == 0 {
		d.fail(key, ErrType, "want a list of colours, got %s", kindOf(d.value(p)))
		return nil
	}
	out := make([]color.Color, 0, len(vs))
	for i, v := range vs {
		c, err := parseColor(v)
		if err != nil {
			d.fail(key, ErrColor, "item %d: %v", i+1, err)
			return nil
		}
		out = append(out, c)
	}
	return out
}

// stageColors reads [theme.stages]: stage = colour.
func (d *decoder) stageColors(p toml.Primitive) map[string]color.Color {
	m, ok := d.table(p, toml.Key{"theme", "stages"})
	if !ok {
		return nil
	}
	out := map[string]color.Color{}
	for name, v := range m {
		key := toml.Key{"theme", "stages", name}
		if !slices.Contains(stageNames(), name) {
			d.fail(key, ErrUnknownKey, "not a stage; the stages are %s", strings.Join(stageNames(), ", "))
			continue
		}
		if c := d.color(v, key); c != nil {
			out[name] = c
		}
	}
	return nilIfEmpty(out)
}
