package ui

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

// updating reports the -update flag (defined by charmbracelet's golden
// package, which teatest brings in): rewrite the View goldens.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// fakeAnn is an in-memory Annotations.
type fakeAnn struct {
	star map[string]bool
	tags map[string][]string
}

func (f fakeAnn) Shortlisted(id string) bool { return f.star[id] }
func (f fakeAnn) Tags(id string) []string    { return f.tags[id] }

// golden compares the rendered content of m, downsampled to the pinned
// ANSI256 profile, with testdata/ui/name.golden, and its plain text with
// name.txt (the one to read when reviewing).
func golden(t *testing.T, m *Model, name string) {
	t.Helper()
	content := m.View().Content
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.ANSI256}
	if _, err := w.WriteString(content); err != nil {
		t.Fatal(err)
	}
	for ext, got := range map[string][]byte{".golden": buf.Bytes(), ".txt": []byte(ansi.Strip(content))} {
		path := filepath.Join("..", "testdata", "ui", name+ext)
		if updating() {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./ui -run Golden -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s:\n%s", name+ext, path, ansi.Strip(content))
		}
	}
}

func TestGoldenViews(t *testing.T) {
	ann := fakeAnn{star: map[string]bool{"a": true}, tags: map[string][]string{"a": {"remote", "go"}, "b": {"maybe"}}}
	tests := []struct {
		name string
		w, h int
		keys []string
		ann  Annotations
	}{
		{"two_panes_120x40", 120, 40, []string{"j"}, nil},
		{"list_80x24", 80, 24, nil, nil},
		{"detail_80x24", 80, 24, []string{"j", "enter"}, nil},
		{"filter_120x40", 120, 40, []string{"/", "i", "c", "h"}, nil},
		{"annotations_120x40", 120, 40, []string{"j"}, ann},
		{"full_help_120x40", 120, 40, []string{"?"}, nil},
		{"too_small_30x8", 30, 8, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestModel(t, tt.w, tt.h, fixture())
			if tt.ann != nil {
				m.SetAnnotations(tt.ann)
			}
			for _, k := range tt.keys {
				send(t, m, kp(k))
			}
			golden(t, m, tt.name)
		})
	}
}

// TestGoldenSmallThings pins a row with nothing but a title (its folder
// shows on the second line) and the compact header of a short pane (the
// body shows under one line of company · location · date).
func TestGoldenSmallThings(t *testing.T) {
	bare := &model.Posting{ID: "e", Path: "inbox/pasted/careers-page.txt", Title: "Staff Engineer (pasted)", Body: "We are hiring.\n"}
	tests := []struct {
		name string
		w, h int
		keys []string
	}{
		{"folder_row_80x24", 80, 24, []string{"G"}},
		{"compact_header_60x15", 60, 15, []string{"j", "enter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestModel(t, tt.w, tt.h, append(fixture(), bare))
			for _, k := range tt.keys {
				send(t, m, kp(k))
			}
			golden(t, m, tt.name)
		})
	}
}
