package loader

import (
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

// withPaths sets the Paths of p and returns it.
func withPaths(p *model.Posting, paths ...string) *model.Posting {
	p.SetPaths(paths)
	return p
}

func TestCountFilesCountsRecordFilesOnce(t *testing.T) {
	ps := []*model.Posting{
		{Path: "a.md"},
		withPaths(&model.Posting{Path: "b.md"}, "b.md", "c.md"),
		{Path: "jobs.json#0"},
		{Path: "jobs.json#1"},
		{Path: "rows.csv#3"},
		{Path: "jobs.json#4"}, // after another file's record
	}
	skips := []Skip{{Path: "d.md"}, {Path: "jobs.json#2"}}
	if got := CountFiles(ps, skips); got != 6 {
		t.Errorf("CountFiles = %d, want 6 (a, b, c, d, jobs.json, rows.csv)", got)
	}
}
