package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"

	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/BurntSushi/toml"
)

// glamour reads theme.glamour: "auto", a built-in glamour style, or the
// path of a glamour JSON style file, which is read and parsed now so that
// a broken one is reported with the rest.
func (d *decoder) glamour(t *Theme, p toml.Primitive) {
	key := toml.Key{"theme", "glamour"}
	s, ok := d.str(p, key)
	if !ok {
		return
	}
	if s == "auto" {
		t.Glamour = s
		return
	}
	if st, ok := styles.DefaultStyles[s]; ok {
		c := *st
		t.Glamour, t.GlamourStyle = s, &c
		return
	}
	path, ok := d.path(s, key)
	if !ok {
		return
	}
	st, err := readGlamourStyle(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		d.fail(key, ErrValue, "%q is neither a glamour style (auto, %s) nor a file", s, strings.Join(slices.Sorted(maps.Keys(styles.DefaultStyles)), ", "))
	case err != nil:
		d.fail(key, ErrFile, "%v", err)
	default:
		t.Glamour, t.GlamourStyle = path, st
	}
}

// readGlamourStyle reads a glamour JSON style file, as glamour's
// WithStylePath does; a syntax error names its line in the file.
func readGlamourStyle(path string) (*ansi.StyleConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c ansi.StyleConfig
	if err := json.Unmarshal(data, &c); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("%s:%d: not a glamour JSON style: %v", path, lineAt(data, se.Offset), err)
		case errors.As(err, &te):
			return nil, fmt.Errorf("%s:%d: not a glamour JSON style: %v", path, lineAt(data, te.Offset), err)
		}
		return nil, fmt.Errorf("%s: not a glamour JSON style: %w", path, err)
	}
	return &c, nil
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}
