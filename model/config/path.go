package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Env is what locating and reading the config needs from the process:
// environment variables and the home folder. Tests fake it.
type Env struct {
	Getenv func(string) string
	Home   func() (string, error)
}

// Path returns the config file's path and whether the user named it:
// flag (--config) if set, else $JOBDECK_CONFIG, else
// $XDG_CONFIG_HOME/jobdeck/config.toml (an absolute XDG_CONFIG_HOME only,
// as the XDG spec says), else ~/.config/jobdeck/config.toml.
func Path(flag string, env Env) (path string, named bool, err error) {
	if flag != "" {
		return flag, true, nil
	}
	if p := env.Getenv("JOBDECK_CONFIG"); p != "" {
		return p, true, nil
	}
	if x := env.Getenv("XDG_CONFIG_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "jobdeck", "config.toml"), false, nil
	}
	home, err := env.Home()
	if err != nil {
		return "", false, fmt.Errorf("finding the config file: set JOBDECK_CONFIG or use --config: %w", err)
	}
	return filepath.Join(home, ".config", "jobdeck", "config.toml"), false, nil
}

// errNoHome is returned by expandHome for a "~" path without a home folder.
var errNoHome = errors.New("~ needs a home folder, and there is none")

// expandHome replaces a leading "~" or "~/" of p with home; other paths
// ("~user/…" included) are returned as they are.
func expandHome(p, home string) (string, error) {
	if p != "~" && !strings.HasPrefix(p, "~/") && !strings.HasPrefix(p, "~"+string(filepath.Separator)) {
		return p, nil
	}
	if home == "" {
		return "", errNoHome
	}
	return filepath.Join(home, p[1:]), nil
}
