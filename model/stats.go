package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// statsWeeks is how many weeks of applications Stats counts.
const statsWeeks = 12

// statsWaiting is how many unanswered applications Stats lists.
const statsWaiting = 5

// Stats sums up a job search: what ComputeStats returns, what `jobdeck
// stats` prints and the browser's stats screen draws.
type Stats struct {
	// Stages counts the postings in each stage, every stage in pipeline
	// order (zero counts included).
	Stages []StageCount `json:"stages"`
	// Weeks counts applications by the week they were made (the first
	// "applied" record of each posting), the last statsWeeks weeks,
	// oldest first; weeks start on Monday, the last is the current one.
	Weeks []WeekCount `json:"weeks"`
	// Applied is how many postings were ever applied to; Responded how
	// many of those reached interviewing or further (offer, accepted).
	Applied   int `json:"applied"`
	Responded int `json:"responded"`
	// ResponseRate is Responded / Applied, 0 when nothing was applied to.
	ResponseRate float64 `json:"response_rate"`
	// MedianDaysToResponse is the median number of days from applying to
	// the first answer (interviewing or further, or rejected), over the
	// applications that got one; Answered is how many did (0: no median).
	MedianDaysToResponse float64 `json:"median_days_to_response"`
	Answered             int     `json:"answered"`
	// Waiting lists the oldest applications still in the applied stage,
	// oldest first, at most statsWaiting.
	Waiting []WaitingApplication `json:"waiting"`
}

// StageCount is how many postings are in Stage.
type StageCount struct {
	Stage Stage  `json:"-"`
	Name  string `json:"stage"`
	Count int    `json:"count"`
}

// WeekCount is how many applications were made in the week starting on
// Start (a Monday, as Day returns it).
type WeekCount struct {
	Start time.Time `json:"-"`
	Week  string    `json:"week"` // Start as YYYY-MM-DD
	Count int       `json:"count"`
}

// WaitingApplication is an application with no answer yet.
type WaitingApplication struct {
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	Company string    `json:"company"`
	Applied time.Time `json:"applied"`
	Days    int       `json:"days"` // days since Applied
}

// ComputeStats sums up entries (as Store.Entries returns them) as of now,
// whose location names the user's days and weeks.
func ComputeStats(entries map[string]Entry, now time.Time) Stats {
	today := Day(now)
	var st Stats
	counts := make([]int, numStages)
	thisMonday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	firstMonday := thisMonday.AddDate(0, 0, -7*(statsWeeks-1))
	weeks := make([]int, statsWeeks)
	var answerDays []int
	for id, e := range entries {
		counts[e.Stage]++
		applied, ok := firstRecord(e.History, func(s Stage) bool { return s == StageApplied }, time.Time{})
		if !ok {
			continue
		}
		st.Applied++
		appliedDay := Day(applied.In(now.Location()))
		if w := daysBetween(firstMonday, appliedDay); w >= 0 && w/7 < statsWeeks {
			weeks[w/7]++
		}
		if slices.ContainsFunc(e.History, func(c StageChange) bool {
			return c.Stage >= StageInterviewing && c.Stage <= StageAccepted
		}) {
			st.Responded++
		}
		if answer, ok := firstRecord(e.History, Stage.responded, applied); ok {
			answerDays = append(answerDays, daysBetween(appliedDay, Day(answer.In(now.Location()))))
		}
		if e.Stage == StageApplied {
			since := Day(e.StageAt().In(now.Location()))
			st.Waiting = append(st.Waiting, WaitingApplication{
				ID: id, Title: e.Title, Company: e.Company, Applied: e.StageAt(), Days: daysBetween(since, today),
			})
		}
	}
	for s := StageInterested; s < numStages; s++ {
		st.Stages = append(st.Stages, StageCount{Stage: s, Name: s.String(), Count: counts[s]})
	}
	for i, n := range weeks {
		start := firstMonday.AddDate(0, 0, 7*i)
		st.Weeks = append(st.Weeks, WeekCount{Start: start, Week: start.Format(dayLayout), Count: n})
	}
	if st.Applied > 0 {
		st.ResponseRate = float64(st.Responded) / float64(st.Applied)
	}
	st.Answered = len(answerDays)
	st.MedianDaysToResponse = median(answerDays)
	slices.SortFunc(st.Waiting, func(a, b WaitingApplication) int {
		return cmp.Or(a.Applied.Compare(b.Applied), strings.Compare(a.ID, b.ID))
	})
	if len(st.Waiting) > statsWaiting {
		st.Waiting = st.Waiting[:statsWaiting]
	}
	if st.Waiting == nil {
		st.Waiting = []WaitingApplication{}
	}
	return st
}

// firstRecord returns the time of the earliest record of h (ordered by
// time) whose stage fits, at or after from.
func firstRecord(h []StageChange, fits func(Stage) bool, from time.Time) (time.Time, bool) {
	for _, c := range h {
		if fits(c.Stage) && !c.At.Before(from) {
			return c.At, true
		}
	}
	return time.Time{}, false
}

// median returns the median of xs (the mean of the middle two for an even
// count), 0 for none. It sorts xs.
func median(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return float64(xs[m])
	}
	return float64(xs[m-1]+xs[m]) / 2
}
