package config

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"charm.land/glamour/v2/styles"

	"github.com/jobdeck/jobdeck/loader"
)

//go:embed init.toml.tmpl
var initTemplate string

// ActionDoc documents one action of the [keys] table for [Template].
type ActionDoc struct {
	Name string   // as the [keys] table names it
	Keys []string // its default keys
	Help string   // what it does
}

// stageColorDefaults are the example colours of [theme.stages] in the
// commented default.
var stageColorDefaults = map[string]string{
	"interested": "#64b5f6", "applied": "#4dd0e1", "interviewing": "#ffb74d", "offer": "#81c784",
	"accepted": "#2e7d32", "rejected": "#e57373", "withdrawn": "#8a8a8a", "ghosted": "#8a8a8a",
}

// Template returns the commented default config file that `jobdeck config
// init` writes: every key, commented out, with its default and what it
// does; actions are the [keys] table's actions with their default keys.
func Template(actions []ActionDoc) string {
	t := template.Must(template.New("init").Funcs(template.FuncMap{"wrap": wrapComment}).Parse(initTemplate))
	var b strings.Builder
	err := t.Execute(&b, map[string]any{
		"MinListWidth":  MinListWidth,
		"MaxListWidth":  MaxListWidth,
		"ListWidth":     DefaultListWidth,
		"Keys":          keyLines(actions),
		"StageColors":   stageColorLines(),
		"GlamourStyles": slices.Sorted(maps.Keys(styles.DefaultStyles)),
		"Fields":        loader.FieldNames(),
		"Stages":        stageNames(),
		"Sorts":         sortNames(),
	})
	if err != nil {
		panic(err) // the template is part of the program: a test runs it
	}
	return b.String()
}

// keyLines returns the commented [keys] settings, their help aligned.
func keyLines(actions []ActionDoc) []string {
	set := make([]string, len(actions))
	w := 0
	for i, a := range actions {
		q := make([]string, len(a.Keys))
		for j, k := range a.Keys {
			q[j] = strconv.Quote(k)
		}
		set[i] = fmt.Sprintf("#%s = [%s]", a.Name, strings.Join(q, ", "))
		w = max(w, len(set[i]))
	}
	for i, a := range actions {
		set[i] = fmt.Sprintf("%-*s # %s", w, set[i], a.Help)
	}
	return set
}

// wrapComment lists words as comment lines ("# a, b, c."), none longer
// than 76 columns.
func wrapComment(words []string) string {
	var b strings.Builder
	line := "#"
	for i, w := range words {
		if i == len(words)-1 {
			w += "."
		} else {
			w += ","
		}
		if len(line)+1+len(w) > 76 {
			b.WriteString(line + "\n")
			line = "#"
		}
		line += " " + w
	}
	b.WriteString(line)
	return b.String()
}

func stageColorLines() []string {
	names := stageNames()
	out := make([]string, len(names))
	for i, s := range names {
		out[i] = fmt.Sprintf("#%s = %q", s, stageColorDefaults[s])
	}
	return out
}

// ErrExists is wrapped by [WriteNew]'s error when the file is there.
var ErrExists = errors.New("already exists")

// WriteNew writes content to a new file at path, creating its folder.
// It never replaces a file: one that exists gives an error wrapping
// [ErrExists] and fs.ErrExist, and is left as it is.
func WriteNew(path, content string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s %w: jobdeck never overwrites it (edit it, or move it aside and run config init again): %w", path, ErrExists, fs.ErrExist)
		}
		return err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}
