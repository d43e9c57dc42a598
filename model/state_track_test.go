package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestStateTrackRoundTrip(t *testing.T) {
	t0 := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	e := Entry{
		Stage:    StageInterviewing,
		History:  []StageChange{{StageApplied, t0}, {StageInterviewing, t0.AddDate(0, 0, 8)}},
		FollowUp: time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC),
		Updated:  t0,
	}
	out, err := encodeState(stateFile{entries: map[string]Entry{"p": e}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"version": 2`, `"stage": "interviewing"`, `"follow_up": "2026-12-15"`,
		`"stage": "applied",`, `"at": "2026-11-02T09:00:00Z"`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("encoded file lacks %s:\n%s", want, out)
		}
	}
	back, err := decodeState(out)
	if err != nil {
		t.Fatal(err)
	}
	got := back.entries["p"]
	if got.Stage != e.Stage || !slices.Equal(got.History, e.History) || !got.FollowUp.Equal(e.FollowUp) {
		t.Errorf("round trip = %+v, want %+v", got, e)
	}
	if !got.StageAt().Equal(t0.AddDate(0, 0, 8)) || !got.LastChange().Equal(t0.AddDate(0, 0, 8)) {
		t.Errorf("StageAt %v, LastChange %v", got.StageAt(), got.LastChange())
	}
	// An untracked entry carries none of the version 2 fields.
	plain, _ := encodeState(stateFile{entries: map[string]Entry{"p": {Note: "n"}}})
	for _, k := range []string{"stage", "history", "follow_up"} {
		if strings.Contains(string(plain), `"`+k+`"`) {
			t.Errorf("untracked entry writes %q:\n%s", k, plain)
		}
	}
}

func TestDecodeStateTrackErrors(t *testing.T) {
	for _, posting := range []string{
		`{"stage": "hired"}`,
		`{"stage": 3}`,
		`{"history": [{"stage": "applied", "at": "yesterday"}]}`,
		`{"history": [{"stage": "", "at": "2026-01-01T00:00:00Z"}]}`,
		`{"history": {"stage": "applied"}}`,
		`{"follow_up": "15/12/2026"}`,
	} {
		_, err := decodeState([]byte(`{"version": 2, "postings": {"x": ` + posting + `}}`))
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: err = %v, want ErrCorrupt", posting, err)
		}
	}
}

// A version 1 file knows nothing of stages: a field it holds under one of
// the new names is kept, renamed, rather than read as a stage.
func TestDecodeV1KeepsFieldsNamedLikeV2(t *testing.T) {
	st, err := decodeState([]byte(`{"version": 1, "postings": {"x": {"note": "n", "stage": {"mine": 1}, "follow_up": "call"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	e := st.entries["x"]
	if e.Stage != StageNone || !e.FollowUp.IsZero() || string(e.extra["v1_stage"]) != `{"mine": 1}` || string(e.extra["v1_follow_up"]) != `"call"` {
		t.Errorf("entry = %+v, extra %s", e, e.extra)
	}
	out, err := encodeState(st)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decodeState(out); err != nil {
		t.Errorf("rewritten file does not read back: %v\n%s", err, out)
	}
}

func TestMergeHistory(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	a := StageChange{StageInterested, t0}
	b := StageChange{StageApplied, t0.Add(time.Hour)}
	c := StageChange{StageInterviewing, t0.Add(2 * time.Hour)}
	d := StageChange{StageRejected, t0.Add(3 * time.Hour)}
	tests := []struct {
		name               string
		base, mine, theirs []StageChange
		want               []StageChange
	}{
		{"both added", []StageChange{a}, []StageChange{a, b}, []StageChange{a, c}, []StageChange{a, b, c}},
		{"same added twice", []StageChange{a}, []StageChange{a, b}, []StageChange{a, b}, []StageChange{a, b}},
		{"mine removed, theirs added", []StageChange{a, b}, []StageChange{a}, []StageChange{a, b, d}, []StageChange{a, d}},
		{"theirs removed", []StageChange{a, b}, []StageChange{a, b}, []StageChange{a}, []StageChange{a}},
		{"nothing before", nil, []StageChange{b}, []StageChange{c}, []StageChange{b, c}},
	}
	for _, tt := range tests {
		if got := mergeHistory(tt.base, tt.mine, tt.theirs); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}
