package loader

import "testing"

// TestRecordPaths checks the paths of a record: its file's display path
// and FS path with "#N", the source path the end of the path where the
// display path ends with the FS path, and the file's own for no index.
func TestRecordPaths(t *testing.T) {
	cases := []struct {
		display, fsPath string
		i               int
		path, source    string
		shared          bool // the source path is the end of the path
	}{
		{"/home/ana/jobs/dump.json", "jobs/dump.json", 7, "/home/ana/jobs/dump.json#7", "jobs/dump.json#7", true},
		{"dump.json", "dump.json", 0, "dump.json#0", "dump.json#0", true},
		{"jobs/du\\x1bmp.json", "jobs/du\x1bmp.json", 12, "jobs/du\\x1bmp.json#12", "jobs/du\x1bmp.json#12", false},
		{"/home/ana/jobs/dump.json", "jobs/dump.json", -1, "/home/ana/jobs/dump.json", "jobs/dump.json", false}, // the job's own strings
	}
	for _, c := range cases {
		var slab stringSlab
		p, s := recordPaths(&slab, job{display: c.display, fsPath: c.fsPath}, c.i)
		if p != c.path || s != c.source {
			t.Errorf("%q %q #%d: %q %q, want %q %q", c.display, c.fsPath, c.i, p, s, c.path, c.source)
		}
		if shared := len(s) > 0 && len(p) >= len(s) && unsafeEnd(p, s); shared != c.shared {
			t.Errorf("%q %q #%d: source path shares the path's bytes: %v, want %v", c.display, c.fsPath, c.i, shared, c.shared)
		}
	}
}

// unsafeEnd reports whether s is the very end of p in memory.
func unsafeEnd(p, s string) bool {
	pb, sb := bytesOf(p), bytesOf(s)
	return &pb[len(pb)-1] == &sb[len(sb)-1]
}
