package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/jobdeck/jobdeck/model/config"
	"github.com/jobdeck/jobdeck/ui"
)

// savedSearches are the config file's [searches] and then those saved
// from the browser in searches.toml beside it (a problem reading that file
// is said on stderr).
func (s settings) savedSearches(stderr io.Writer) []ui.SavedSearch {
	all := s.cfg.Searches
	if s.path != "" {
		saved, err := config.LoadSearches(config.SearchesFile(s.path))
		if err != nil {
			warn(stderr, err)
		}
		all = config.MergeSearches(all, saved)
	}
	out := make([]ui.SavedSearch, len(all))
	for i, c := range all {
		out[i] = ui.SavedSearch{Name: c.Name, Query: c.Query}
	}
	return out
}

// saveSearches writes the browser's saved searches to searches.toml,
// leaving out those the config file holds as they are; nil when there is
// no config folder to write beside.
func (s settings) saveSearches() ui.SaveSearchesFunc {
	if s.path == "" {
		return nil
	}
	file, fromConfig := config.SearchesFile(s.path), s.cfg.Searches
	return func(all []ui.SavedSearch) error {
		var out []config.Search
		for _, ss := range all {
			c := config.Search{Name: ss.Name, Query: ss.Query}
			if !slices.Contains(fromConfig, c) {
				out = append(out, c)
			}
		}
		return config.SaveSearches(file, out)
	}
}

// findSearch returns the query of the saved search called name.
func (s settings) findSearch(name string, stderr io.Writer) (string, error) {
	all := s.savedSearches(stderr)
	var names []string
	for _, ss := range all {
		if ss.Name == name {
			return ss.Query, nil
		}
		names = append(names, fmt.Sprintf("%q", ss.Name))
	}
	if len(names) == 0 {
		return "", fmt.Errorf("--search %q: there are no saved searches (ctrl+s saves one in the browser)", name)
	}
	return "", fmt.Errorf("--search %q: no saved search of that name (there are %s)", name, strings.Join(names, ", "))
}
