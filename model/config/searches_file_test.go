package config

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestSavedSearchesRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := SearchesFile(filepath.Join(dir, "config.toml"))
	if got, err := LoadSearches(path); got != nil || err != nil {
		t.Fatalf("missing file: %v, %v", got, err)
	}
	want := []Search{{"remote rust", `rust is:remote -"on-call"`}, {"Zürich \"go\"", "go loc:zürich\\x"}, {"b", "x"}}
	if err := SaveSearches(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := LoadSearches(path)
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("read back %q, %v; want %q", got, err, want)
	}
	if err := os.WriteFile(path, []byte("[[search]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSearches(path); err == nil {
		t.Fatal("a broken file read without error")
	}
}

func TestMergeSearches(t *testing.T) {
	got := MergeSearches([]Search{{"a", "1"}, {"b", "2"}}, []Search{{"c", "3"}, {"a", "9"}})
	if want := []Search{{"a", "9"}, {"b", "2"}, {"c", "3"}}; !slices.Equal(got, want) {
		t.Fatalf("%v, want %v", got, want)
	}
}
