package config

import (
	"fmt"
	"image/color"
	"strconv"

	"github.com/charmbracelet/x/ansi"
)

// parseColor reads a colour as the config file writes it: "#rrggbb", or an
// ANSI colour number 0–255 (an integer, or a string of digits). Numbers
// below 16 are the terminal's basic colours.
func parseColor(v any) (color.Color, error) {
	switch v := v.(type) {
	case int64:
		return ansiColor(v)
	case string:
		if len(v) > 0 && v[0] == '#' {
			return hexColor(v)
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a colour: want \"#rrggbb\" or an ANSI number 0–255", v)
		}
		return ansiColor(n)
	}
	return nil, fmt.Errorf("a colour is \"#rrggbb\" or an ANSI number 0–255, not %v", v)
}

func ansiColor(n int64) (color.Color, error) {
	switch {
	case n < 0 || n > 255:
		return nil, fmt.Errorf("ANSI colour %d is out of range 0–255", n)
	case n < 16:
		return ansi.BasicColor(n), nil
	}
	return ansi.IndexedColor(n), nil
}

func hexColor(s string) (color.Color, error) {
	if len(s) != 7 {
		return nil, fmt.Errorf("%q is not a colour: want \"#rrggbb\"", s)
	}
	n, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return nil, fmt.Errorf("%q is not a colour: want \"#rrggbb\"", s)
	}
	return color.RGBA{R: uint8(n >> 16), G: uint8(n >> 8), B: uint8(n), A: 0xff}, nil
}
