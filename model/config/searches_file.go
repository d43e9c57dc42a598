package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"
)

// SearchesFileName is the file of the searches saved from the browser,
// beside the config file. jobdeck never writes the config file itself,
// so the user's comments and layout there stay as they are; the config's
// own [searches] are read too (see [MergeSearches]).
const SearchesFileName = "searches.toml"

// SearchesFile returns the saved-searches file beside the config file at
// configPath.
func SearchesFile(configPath string) string {
	return filepath.Join(filepath.Dir(configPath), SearchesFileName)
}

// searchesDoc is the saved-searches file: [[search]] tables, in order.
type searchesDoc struct {
	Search []struct {
		Name  string `toml:"name"`
		Query string `toml:"query"`
	} `toml:"search"`
}

// LoadSearches reads the saved-searches file at path; a missing file has
// none. Entries without a name are left out.
func LoadSearches(path string) ([]Search, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("saved searches: %w", err)
	}
	var doc searchesDoc
	if _, err := toml.Decode(string(data), &doc); err != nil {
		return nil, fmt.Errorf("saved searches: %s: %w", path, err)
	}
	var out []Search
	for _, s := range doc.Search {
		if s.Name != "" {
			out = append(out, Search{Name: s.Name, Query: s.Query})
		}
	}
	return out, nil
}

// SaveSearches writes ss to the saved-searches file at path, replacing it
// whole through a temporary file, so a crash leaves the old file or the
// new one.
func SaveSearches(path string, ss []Search) error {
	var doc searchesDoc
	for _, s := range ss {
		doc.Search = append(doc.Search, struct {
			Name  string `toml:"name"`
			Query string `toml:"query"`
		}{s.Name, s.Query})
	}
	var buf bytes.Buffer
	buf.WriteString("# Searches saved from jobdeck's browser (ctrl+s while filtering). jobdeck\n# rewrites this file; the config file's [searches] are read as well.\n\n")
	if err := toml.NewEncoder(&buf).Encode(doc); err != nil {
		return fmt.Errorf("saved searches: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("saved searches: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".searches-*.toml")
	if err != nil {
		return fmt.Errorf("saved searches: %w", err)
	}
	_, err = tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("saved searches: %w", err)
	}
	return nil
}

// MergeSearches returns the config file's searches, then the saved file's;
// a saved search named like one of the config's replaces it in place.
func MergeSearches(fromConfig, saved []Search) []Search {
	out := append([]Search(nil), fromConfig...)
	for _, s := range saved {
		replaced := false
		for i := range out {
			if out[i].Name == s.Name {
				out[i], replaced = s, true
			}
		}
		if !replaced {
			out = append(out, s)
		}
	}
	return out
}
