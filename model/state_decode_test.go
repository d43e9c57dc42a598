package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// decodeSeeds are inputs where a hand-written decoder easily goes wrong.
var decodeSeeds = []string{
	``, `{}`, `null`, `[]`, `"x"`, `1`, `true`, `{"version":1}`, `{"version":1} x`, `{"version":1}{}`,
	`{"version":2,"postings":{"a":{},"b":3}}`, `{"version":1,"postings":{"a":{},"b":3}}`,
	`{"version":"1"}`, `{"version":1.0}`, `{"version":-0}`, `{"version":null}`, `{"version":99999999999999999999}`,
	`{"version":1,"version":2}`, `{"version":1,"postings":[]}`, `{"version":1,"postings":null}`,
	`{"version":1,"postings":{"a":{"shortlisted":true}},"postings":{"b":{}}}`,
	`{"version":1,"postings":{"a":{"tags":["x",null,"y,z"," X "],"note":null,"shortlisted":null}}}`,
	`{"version":1,"postings":{"a":{"tags":["x",1]}}}`, `{"version":1,"postings":{"a":{"tags":"x"}}}`,
	`{"version":1,"postings":{"a":{"note":"a","note":null,"tags":["q"],"tags":null}}}`,
	`{"version":1,"postings":{"a\u0000b":{"t\u0069tle":"\ud83d\ude00 \ud800 \udc00x \u00e9\\\/\b\f\n\r\t"}}}`,
	"{\"version\":1,\"postings\":{\"a\":{\"note\":\"\xff\xfe ok \xe2\x80\xa8\"}}}",
	`{"version":1,"postings":{"a":{"x":{"y":[1,-2.5e+3,0.1E-2,true,false,null,"s"]},"updated":"2026-01-01T00:00:00+02:00"}}}`,
	`{"version":1,"postings":{"a":{"updated":"9999-12-31T23:00:00-05:00"}}}`,
	`{"version":1,"postings":{"a":{"updated":"0000-01-01T00:00:00+01:00"}}}`,
	`{"version":1,"postings":{"a":{"x":01}}}`, `{"version":1,"postings":{"a":{"x":-}}}`, `{"version":1,"postings":{"a":{"x":1.}}}`,
	`{"version":1,"postings":{"a":{"x":"\u12"}}}`, `{"version":1,"postings":{"a":{"x":"\q"}}}`, "{\"version\":1,\"a\":\"\t\"}",
	`{"version":1,"postings":{"a":{"x":[1,]}}}`, `{"version":1,"postings":{"a":{"x":{"k":1,}}}}`, `{"version":1,"postings":{"a":tru}}`,
	" \r\n\t{ \"version\" : 1 , \"postings\" : { \"a\" : { } } } \n",
	// The version 2 fields, and their names in a version 1 file.
	`{"version":2,"postings":{"a":{"stage":"applied","follow_up":"2026-12-15","history":[{"stage":"applied","at":"2026-11-02T10:00:00+01:00"},{"stage":"applied","at":"2026-11-02T09:00:00Z"},{"stage":"interested","at":"2026-10-01T00:00:00Z"}]}}}`,
	`{"postings":{"a":{"stage":"offer","history":[{"STAGE":"offer","At":"2026-01-01T00:00:00Z","x":1,"stage":null}]}},"version":2}`,
	`{"version":2,"postings":{"a":{"history":[{"\u017ftage":"offer","at":"2026-01-01T00:00:00Z"}]}}}`,
	`{"version":2,"postings":{"a":{"stage":null,"history":null,"follow_up":null},"b":{"history":[]}}}`,
	`{"version":2,"postings":{"a":{"history":[null]}}}`, `{"version":2,"postings":{"a":{"history":[1]}}}`,
	`{"version":2,"postings":{"a":{"history":[{"stage":"applied","at":5}]}}}`, `{"version":2,"postings":{"a":{"history":{}}}}`,
	`{"version":2,"postings":{"a":{"stage":"Applied"}}}`, `{"version":2,"postings":{"a":{"stage":"whatever"}}}`,
	`{"version":2,"postings":{"a":{"stage":1}}}`, `{"version":2,"postings":{"a":{"follow_up":"2026-1-5"}}}`,
	`{"version":2,"postings":{"a":{"follow_up":20261205}}}`, `{"version":3,"postings":{"a":{"stage":"nope"},"b":{"stage":"offer"}}}`,
	`{"version":2,"postings":{"a":{"history":[{"stage":"offer","at":"9999-12-31T23:00:00-05:00"}]}}}`,
	`{"version":1,"postings":{"a":{"stage":"whatever","history":3,"follow_up":{"k":[1]}}}}`,
	`{"version":1,"postings":{"a":{"stage":"x","v1_stage":"y","v1_history":1}}}`,
	`{"postings":{"a":{"stage":"x"}},"version":1}`, `{"version":2,"postings":{"a":{"stage":"x"}},"version":1}`,
	`{"version":1,"postings":{"a":{"stage":"x"}},"version":2}`,
}

// FuzzDecodeStateMatchesEncodingJSON checks the one-pass decoder against
// the encoding/json one it replaced: the same entries and unknown fields,
// and an error of the same kind, for any input.
func FuzzDecodeStateMatchesEncodingJSON(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, gotErr := decodeState(data)
		want, wantErr := decodeStateReference(data)
		for _, sentinel := range []error{ErrCorrupt, ErrNewerVersion} {
			if errors.Is(gotErr, sentinel) != errors.Is(wantErr, sentinel) {
				t.Fatalf("%q: err = %v, want %v", data, gotErr, wantErr)
			}
		}
		if (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("%q: err = %v, want %v", data, gotErr, wantErr)
		}
		if wantErr != nil && !errors.Is(wantErr, ErrNewerVersion) {
			return // a corrupt file's partial content is never used
		}
		if len(got.entries) != len(want.entries) || (len(got.entries) > 0 && !reflect.DeepEqual(got.entries, want.entries)) {
			t.Fatalf("%q: entries\n%#v\nwant\n%#v", data, got.entries, want.entries)
		}
		if len(got.extra) != len(want.extra) || (len(got.extra) > 0 && !reflect.DeepEqual(got.extra, want.extra)) {
			t.Fatalf("%q: extra %q, want %q", data, got.extra, want.extra)
		}
	})
}

func TestDecodeStateSyntaxErrorSaysWhere(t *testing.T) {
	for _, tc := range []struct{ in, where string }{
		{"{\"version\": 1,\n \"x\": [1,\n 2,,]}", "line 3, column 4"},
		{"{\"version\": 1} trailing", "line 1, column 16"},
		{"{\"version\": 1, \"a\": \"\x01\"}", "line 1, column 22"},
	} {
		_, err := decodeState([]byte(tc.in))
		if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), tc.where) {
			t.Errorf("%q: err = %v, want ErrCorrupt at %s", tc.in, err, tc.where)
		}
	}
}

func TestDecodeStateDeepNestingFailsCleanly(t *testing.T) {
	deep := `{"version":1,"x":` + strings.Repeat("[", 200_000) + strings.Repeat("]", 200_000) + `}`
	if _, err := decodeState([]byte(deep)); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "depth") {
		t.Errorf("200k nested arrays: %v, want ErrCorrupt about depth", err)
	}
}
