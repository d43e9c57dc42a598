package model

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// statsBarWidth is the longest bar of the weekly chart, in cells.
const statsBarWidth = 40

// WriteStatsText writes st as plain text, as `jobdeck stats` prints it:
// the postings per stage, a bar chart of applications per week, the
// response rate, the median days to an answer and the oldest unanswered
// applications. Titles come from the store, so they hold no control
// characters.
func WriteStatsText(w io.Writer, st Stats) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("Postings by stage\n")
	for _, c := range st.Stages {
		fmt.Fprintf(bw, "  %-13s %4d\n", c.Name, c.Count)
	}
	fmt.Fprintf(bw, "\nApplications per week (last %d weeks)\n", len(st.Weeks))
	most := 0
	for _, wk := range st.Weeks {
		most = max(most, wk.Count)
	}
	for _, wk := range st.Weeks {
		bar := ""
		if most > 0 {
			n := (wk.Count*statsBarWidth + most - 1) / most
			bar = strings.Repeat("█", n)
		}
		fmt.Fprintf(bw, "  %s  %s%s%d\n", wk.Week, bar, map[bool]string{true: " ", false: ""}[bar != ""], wk.Count)
	}
	bw.WriteString("\n")
	if st.Applied == 0 {
		bw.WriteString("Response rate: no applications yet\n")
	} else {
		fmt.Fprintf(bw, "Response rate: %.0f%% (%d of %d applications reached interviewing or further)\n",
			100*st.ResponseRate, st.Responded, st.Applied)
	}
	if st.Answered == 0 {
		bw.WriteString("Median days from applied to first response: no responses yet\n")
	} else {
		fmt.Fprintf(bw, "Median days from applied to first response: %s (over %d)\n", formatDays(st.MedianDaysToResponse), st.Answered)
	}
	bw.WriteString("\nOldest applications with no answer\n")
	if len(st.Waiting) == 0 {
		bw.WriteString("  none\n")
	}
	for _, a := range st.Waiting {
		fmt.Fprintf(bw, "  %3d days  %s (applied %s)\n", a.Days, titleLine(a.Title, a.Company), Day(a.Applied).Format(dayLayout))
	}
	return bw.Flush()
}

// formatDays prints a day count, with one decimal only when it has one.
func formatDays(d float64) string {
	if d == float64(int(d)) {
		return fmt.Sprint(int(d))
	}
	return fmt.Sprintf("%.1f", d)
}

// titleLine is "title — company", either left out when empty.
func titleLine(title, company string) string {
	title, company = stateLine(title), stateLine(company)
	switch {
	case title == "" && company == "":
		return "(untitled)"
	case company == "":
		return title
	case title == "":
		return company
	}
	return title + " — " + company
}
