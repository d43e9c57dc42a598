package model

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
)

// statsNow is Tuesday 1 Dec 2026; its week started on Monday 30 Nov, and
// the twelve weeks counted start on 14 Sep.
var statsNow = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

func on(m time.Month, d int) time.Time { return time.Date(2026, m, d, 15, 0, 0, 0, time.UTC) }

func tracked(st Stage, h ...StageChange) Entry { return Entry{Stage: st, History: h} }

func statsFixture() map[string]Entry {
	return map[string]Entry{
		"a": tracked(StageInterviewing, StageChange{StageApplied, on(11, 24)}, StageChange{StageInterviewing, on(11, 30)}),
		"b": tracked(StageRejected, StageChange{StageApplied, on(11, 3)}, StageChange{StageRejected, on(11, 13)}),
		"c": {Stage: StageApplied, History: []StageChange{{StageApplied, on(10, 1)}}, Title: "Backend Engineer", Company: "Acme"},
		"d": {Stage: StageApplied, History: []StageChange{{StageApplied, on(11, 29)}}, Title: "SRE", Company: "Harbor"},
		"e": tracked(StageInterested, StageChange{StageInterested, on(11, 1)}),
		"f": tracked(StageOffer, StageChange{StageApplied, on(7, 1)}, StageChange{StageOffer, on(7, 20)}),
		"g": {Note: "untracked"},
	}
}

func TestComputeStats(t *testing.T) {
	two := map[string]Entry{
		"x": tracked(StageInterviewing, StageChange{StageApplied, on(11, 2)}, StageChange{StageInterviewing, on(11, 5)}),
		"y": tracked(StageInterviewing, StageChange{StageApplied, on(11, 2)}, StageChange{StageInterviewing, on(11, 6)}),
	}
	tests := []struct {
		name               string
		entries            map[string]Entry
		stages             map[Stage]int
		weeks              map[string]int
		applied, responded int
		rate, median       float64
		answered           int
		waiting            []string
	}{
		{"search", statsFixture(),
			map[Stage]int{StageInterested: 1, StageApplied: 2, StageInterviewing: 1, StageOffer: 1, StageRejected: 1},
			map[string]int{"2026-09-28": 1, "2026-11-02": 1, "2026-11-23": 2},
			5, 2, 0.4, 10, 3, []string{"c", "d"}},
		{"nothing", map[string]Entry{}, map[Stage]int{}, map[string]int{}, 0, 0, 0, 0, 0, nil},
		{"even median", two, map[Stage]int{StageInterviewing: 2}, map[string]int{"2026-11-02": 2}, 2, 2, 1, 3.5, 2, nil},
	}
	for _, tt := range tests {
		st := ComputeStats(tt.entries, statsNow)
		if len(st.Stages) != 8 {
			t.Fatalf("%s: %d stage counts", tt.name, len(st.Stages))
		}
		for _, c := range st.Stages {
			if c.Count != tt.stages[c.Stage] || c.Name != c.Stage.String() {
				t.Errorf("%s: %s count %d, want %d", tt.name, c.Name, c.Count, tt.stages[c.Stage])
			}
		}
		if len(st.Weeks) != 12 || st.Weeks[0].Week != "2026-09-14" || st.Weeks[11].Week != "2026-11-30" {
			t.Fatalf("%s: weeks %v", tt.name, st.Weeks)
		}
		for _, w := range st.Weeks {
			if w.Count != tt.weeks[w.Week] {
				t.Errorf("%s: week %s count %d, want %d", tt.name, w.Week, w.Count, tt.weeks[w.Week])
			}
		}
		if st.Applied != tt.applied || st.Responded != tt.responded || st.ResponseRate != tt.rate ||
			st.MedianDaysToResponse != tt.median || st.Answered != tt.answered {
			t.Errorf("%s: applied %d responded %d rate %v median %v answered %d; want %d %d %v %v %d", tt.name,
				st.Applied, st.Responded, st.ResponseRate, st.MedianDaysToResponse, st.Answered,
				tt.applied, tt.responded, tt.rate, tt.median, tt.answered)
		}
		var waiting []string
		for _, w := range st.Waiting {
			waiting = append(waiting, w.ID)
		}
		if !slices.Equal(waiting, tt.waiting) {
			t.Errorf("%s: waiting %v, want %v", tt.name, waiting, tt.waiting)
		}
	}
}

func TestWriteStatsText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteStatsText(&b, ComputeStats(statsFixture(), statsNow)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"  applied          2\n",
		"  2026-11-23  " + strings.Repeat("█", 40) + " 2\n",
		"  2026-11-02  " + strings.Repeat("█", 20) + " 1\n",
		"  2026-11-16  0\n",
		"Response rate: 40% (2 of 5 applications reached interviewing or further)\n",
		"Median days from applied to first response: 10 (over 3)\n",
		"   61 days  Backend Engineer — Acme (applied 2026-10-01)\n",
		"    2 days  SRE — Harbor (applied 2026-11-29)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stats text lacks %q:\n%s", want, out)
		}
	}
}

func TestDueFollowUps(t *testing.T) {
	entries := map[string]Entry{
		"late":   {FollowUp: Day(on(11, 20)), Title: "Late", Company: "Acme", Stage: StageApplied, URL: "https://acme.example/1"},
		"today":  {FollowUp: Day(statsNow), Title: "Today"},
		"later":  {FollowUp: Day(on(12, 2)), Title: "Tomorrow"},
		"none":   {Title: "No follow-up", Stage: StageApplied},
		"today2": {FollowUp: Day(statsNow), Title: "Also today"},
	}
	due := DueFollowUps(entries, statsNow)
	var got []string
	for _, d := range due {
		got = append(got, d.Line())
	}
	want := []string{
		"2026-11-20  Late — Acme (applied)  https://acme.example/1",
		"2026-12-01  Also today",
		"2026-12-01  Today",
	}
	if !slices.Equal(got, want) {
		t.Errorf("due =\n%q\nwant\n%q", got, want)
	}
}
