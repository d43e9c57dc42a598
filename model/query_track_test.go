package model

import (
	"context"
	"slices"
	"testing"
	"time"
)

// fakeTrackAnn is a fakeAnn that also answers the tracking terms.
type fakeTrackAnn struct {
	fakeAnn
	track map[string]Track
}

func (a fakeTrackAnn) Track(id string) Track { return a.track[id] }

// trackNow is the clock of the tracking query tests: 30 Nov 2026.
var trackNow = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

func trackFixture() fakeTrackAnn {
	ago := func(d int) time.Time { return trackNow.AddDate(0, 0, -d) }
	return fakeTrackAnn{
		fakeAnn: fakeAnn{short: map[string]bool{"a": true, "b": true}},
		track: map[string]Track{
			"a": {Stage: StageApplied, History: []StageChange{{StageApplied, ago(3)}}, FollowUp: Day(ago(0))},
			"b": {Stage: StageInterviewing, History: []StageChange{{StageApplied, ago(20)}, {StageInterviewing, ago(5)}}, FollowUp: Day(ago(-2))},
			"c": {Stage: StageInterested, History: []StageChange{{StageInterested, ago(40)}}},
			"d": {Stage: StageRejected, History: []StageChange{{StageApplied, ago(30)}, {StageRejected, ago(1)}}, FollowUp: Day(ago(10))},
		},
	}
}

func TestParseQueryTrackTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []Term
	}{
		{"stage:applied", []Term{{Scope: ScopeStage, Text: "applied"}}},
		{"stage:INT", []Term{{Scope: ScopeStage, Text: "INT"}}},
		{"is:active is:c is:due", []Term{{Scope: ScopeActive}, {Scope: ScopeClosed}, {Scope: ScopeDue}}},
		{"-is:closed", []Term{{Scope: ScopeClosed, Negate: true}}},
		{"applied:<14d", []Term{{Scope: ScopeStageDate, Text: "applied:<14d"}}},
		{"Offer:>=2026-11-01", []Term{{Scope: ScopeStageDate, Text: "Offer:>=2026-11-01"}}},
		{"applied:", nil},   // still typing
		{"applied:<1", nil}, // still typing
		{"applied:soon", []Term{{Text: "applied:soon"}}},
		{"stage:", nil},
	}
	for _, tc := range tests {
		got := termsOf(ParseQuery(tc.in))
		if !slices.EqualFunc(got, tc.want, func(a, b Term) bool {
			return a.Scope == b.Scope && a.Text == b.Text && a.Negate == b.Negate
		}) {
			t.Errorf("ParseQuery(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestFilterTrackTerms(t *testing.T) {
	c := fixture()
	ann := trackFixture()
	tests := []struct {
		q    string
		want []string // in SortNewest order
	}{
		{"stage:applied", []string{"a"}},
		{"stage:int", []string{"b", "c"}}, // interested or interviewing
		{"stage:hired", nil},
		{"is:active", []string{"a", "b", "c"}},
		{"is:closed", []string{"d"}},
		{"-is:active", []string{"d", "e"}},
		{"is:due", []string{"d", "a"}}, // today and earlier; b's is in two days
		{"applied:<14d", []string{"a"}},
		{"applied:<=20d", []string{"a", "b"}},
		{"applied:>14d", []string{"d", "b"}},
		{"applied:14d", []string{"a"}},
		{"applied:>2026-11-01", []string{"a", "b"}},
		{"applied:<2026-11-01", []string{"d"}},
		{"applied:2026-11-27", []string{"a"}},
		{"interviewing:<7d", []string{"b"}},
		{"rejected:<7d is:due", []string{"d"}},
		{"is:active is:shortlisted backend", []string{"a"}},
		{"stage:app -is:due", nil},
		{"is:active loc:berlin", []string{"a"}},
	}
	for _, tt := range tests {
		q := ParseQuery(tt.q)
		q.Now = trackNow
		r, err := Filter(context.Background(), c.Snapshot(), q, SortNewest, ann, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(r); !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("%q = %v, want %v", tt.q, got, tt.want)
		}
	}
	// Annotations without Tracking track nothing.
	q := ParseQuery("is:active")
	if r := filterAt(t, c, q, ann.fakeAnn); r.Len() != 0 {
		t.Errorf("is:active without tracking = %v", ids(r))
	}
	if r := filterAt(t, c, ParseQuery("-is:active"), nil); r.Len() != 5 {
		t.Errorf("-is:active without annotations = %v", ids(r))
	}
}

// The clock decides what is due: a day later, b's follow-up is still not
// due, two days later it is.
func TestFilterDueFollowsTheClock(t *testing.T) {
	c := fixture()
	ann := trackFixture()
	for _, tt := range []struct {
		days int
		want []string
	}{{0, []string{"d", "a"}}, {1, []string{"d", "a"}}, {2, []string{"d", "a", "b"}}} {
		q := ParseQuery("is:due")
		q.Now = trackNow.AddDate(0, 0, tt.days)
		if got := ids(filterAt(t, c, q, ann)); !slices.Equal(got, tt.want) {
			t.Errorf("+%dd: is:due = %v, want %v", tt.days, got, tt.want)
		}
	}
}

func filterAt(t *testing.T, c *Collection, q Query, ann Annotations) Result {
	t.Helper()
	r, err := Filter(context.Background(), c.Snapshot(), q, SortNewest, ann, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
