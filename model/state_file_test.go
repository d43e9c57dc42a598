package model

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestEncodeStateShape(t *testing.T) {
	st := stateFile{
		entries: map[string]Entry{
			"b": {Shortlisted: true, Tags: []string{"go"}, Note: "<ok> & fine", Updated: time.Date(2026, 1, 2, 3, 4, 5, 600, time.UTC), Title: "T", Company: "C", URL: "https://x.example/?a=1&b=2"},
			"a": {extra: map[string]json.RawMessage{"zeta": json.RawMessage(`[1,2]`)}},
		},
		extra: map[string]json.RawMessage{"app": json.RawMessage(`"other"`)},
	}
	out, err := encodeState(st)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 2,
  "postings": {
    "a": {
      "zeta": [
        1,
        2
      ]
    },
    "b": {
      "company": "C",
      "note": "<ok> & fine",
      "shortlisted": true,
      "tags": [
        "go"
      ],
      "title": "T",
      "updated": "2026-01-02T03:04:05.0000006Z",
      "url": "https://x.example/?a=1&b=2"
    }
  },
  "app": "other"
}
`
	if string(out) != want {
		t.Errorf("encodeState =\n%s\nwant\n%s", out, want)
	}
	back, err := decodeState(out)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.entries["b"], st.entries["b"]) || string(back.extra["app"]) != `"other"` {
		t.Errorf("round trip changed: %+v", back)
	}
}

func TestDecodeStateIgnoresBOM(t *testing.T) {
	st, err := decodeState([]byte("\xef\xbb\xbf{\"version\": 1, \"postings\": {\"a\": {\"shortlisted\": true}}}"))
	if err != nil || !st.entries["a"].Shortlisted {
		t.Errorf("BOM-prefixed file: %v, %+v", err, st.entries)
	}
}

func TestDecodeStateErrorsSayWhere(t *testing.T) {
	_, err := decodeState([]byte("{\n  \"version\": 1,\n  oops\n}"))
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("err = %v, want ErrCorrupt naming line 3", err)
	}
	_, err = decodeState([]byte(`{"version": 1, "postings": {"x": {"tags": 3}}}`))
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), `"x"`) || !strings.Contains(err.Error(), `"tags"`) {
		t.Errorf("err = %v, want ErrCorrupt naming the posting and field", err)
	}
}

// FuzzDecodeState checks that any content either fails with ErrCorrupt or
// ErrNewerVersion, or decodes to entries that survive encode and decode
// unchanged and hold no control characters. It never panics.
func FuzzDecodeState(f *testing.F) {
	for _, seed := range []string{
		``, `{}`, `null`, `[]`, `{"version":1}`, `{"version":2,"postings":{"a":{}}}`,
		`{"version":1,"postings":{"a":{"shortlisted":true,"tags":["x","X"],"note":"n\u001b[2J","updated":"2026-01-01T00:00:00+02:00","extra":{"k":1}}},"top":[1]}`,
		`{"version":1,"postings":{"a":{"updated":"2026-13-01T00:00:00Z"}}}`,
		`{"version":1e400}`, `{"version":-1}`, "\xef\xbb\xbf{\"version\":1}",
		`{"version":2,"postings":{"a":{"stage":"applied","follow_up":"2026-12-15","history":[{"stage":"applied","at":"2026-11-02T10:00:00+01:00"},{"stage":"applied","at":"2026-11-02T09:00:00Z"},{"stage":"interested","at":"2026-10-01T00:00:00Z"}]}}}`,
		`{"version":1,"postings":{"a":{"stage":"whatever","history":3}}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := decodeState(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNewerVersion) {
				t.Fatalf("error wraps neither sentinel: %v", err)
			}
			return
		}
		out, err := encodeState(st)
		if err != nil {
			t.Fatalf("encode after decode: %v", err)
		}
		back, err := decodeState(out)
		if err != nil {
			t.Fatalf("decode of our own output: %v\n%s", err, out)
		}
		if len(back.entries) != len(st.entries) {
			t.Fatalf("round trip: %d entries, want %d", len(back.entries), len(st.entries))
		}
		for id, e := range st.entries {
			b := back.entries[id]
			if b.Shortlisted != e.Shortlisted || b.Note != e.Note || !reflect.DeepEqual(b.Tags, e.Tags) || !b.Updated.Equal(e.Updated) || b.Title != e.Title ||
				b.Stage != e.Stage || !reflect.DeepEqual(b.History, e.History) || !b.FollowUp.Equal(e.FollowUp) {
				t.Fatalf("entry %q changed: %+v -> %+v", id, e, b)
			}
			for _, s := range append(slicesClone(e.Tags), e.Note, e.Title, e.Company, e.URL) {
				for _, r := range s {
					if isStateControl(r) && r != '\n' && r != '\t' {
						t.Fatalf("entry %q keeps control character %U", id, r)
					}
				}
			}
		}
	})
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }
