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

// TestFileCountRecordRunAsFileOf checks the shortcut of fileCount.posting
// for the records of the file counted last against FileOf: a path taken
// for one of that file's records is one FileOf names it for (the others
// go to FileOf), and counting gives what FileOf alone gives.
func TestFileCountRecordRunAsFileOf(t *testing.T) {
	paths := []string{
		"jobs.json#0", "jobs.json#17", "jobs.json#", "jobs.json#x", "jobs.json#1#2",
		"jobs.json#-1", "jobs.json#+1", "jobs.json#1234567890123456789", "jobs.json#123456789012345678",
		"jobs.jsonl#3", "a/jobs.json#3", "jobs.json", "xjobs.json#3", "notes.md#3",
	}
	for _, p := range paths {
		if isRecordOf(p, "jobs.json") && FileOf(p) != "jobs.json" {
			t.Errorf("isRecordOf(%q, jobs.json), but FileOf gives %q", p, FileOf(p))
		}
	}
	for _, p := range []string{"jobs.json#0", "jobs.json#17", "jobs.json#123456789012345678"} {
		if !isRecordOf(p, "jobs.json") {
			t.Errorf("isRecordOf(%q, jobs.json) = false", p)
		}
	}
	var c fileCount
	for _, p := range append(paths, paths...) {
		c.posting(p)
	}
	var naive fileCount
	for _, p := range append(paths, paths...) {
		if f := FileOf(p); f != p {
			naive.add(f)
		} else {
			naive.plain++
		}
	}
	if c.n() != naive.n() {
		t.Errorf("fileCount counts %d files, FileOf %d", c.n(), naive.n())
	}
}
