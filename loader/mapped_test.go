//go:build linux

package loader

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jobdeck/jobdeck/model"
)

// writeMappedJSON writes a JSON file of n generated records (see
// genRecordsFile) into a new folder and returns the folder and the data;
// it fails when the file is too small to be mapped.
func writeMappedJSON(t *testing.T, n int) (string, []byte) {
	t.Helper()
	data := genRecordsFile(n)
	if len(data) < mapMinSize+mapMinSize/2 {
		t.Fatalf("the file has %d bytes, too few to be mapped", len(data))
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "jobs.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, data
}

// loadMapped loads dir with hook as afterMapHook and fails unless the
// hook ran, on jobs.json: the file was mapped.
func loadMapped(t *testing.T, dir string, hook func(name string)) ([]*model.Posting, []Skip) {
	t.Helper()
	ran := false
	afterMapHook = func(name string) {
		ran = true
		if hook != nil {
			hook(name)
		}
	}
	defer func() { afterMapHook = nil }()
	srcs, err := SourcesFromPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	ps, skips, err := Load(context.Background(), srcs, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !ran {
		t.Fatal("jobs.json was not mapped")
	}
	return ps, skips
}

// TestMappedJSONSameAsRead checks that a JSON file read through a mapping
// gives the postings, in their order and with their paths, and the skip,
// that reading it through buffers gives.
func TestMappedJSONSameAsRead(t *testing.T) {
	dir, data := writeMappedJSON(t, 20000)
	got, gotSkips := loadMapped(t, dir, nil)
	want, wantSkips, err := Load(context.Background(), []Source{{FS: fstest.MapFS{"jobs.json": {Data: data}}, Root: "."}}, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) != 19600 {
		t.Fatalf("mapped: %d postings, read: %d, want 19600", len(got), len(want))
	}
	for i := range got {
		g, w := *got[i], *want[i]
		g.Source, w.Source = nil, nil
		g.Path = strings.TrimPrefix(g.Path, dir+string(filepath.Separator)) // the walk's display path
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("posting %d:\nmapped %+v\n  read %+v", i, g, w)
		}
	}
	for i := range gotSkips {
		gotSkips[i].Path = strings.TrimPrefix(gotSkips[i].Path, dir+string(filepath.Separator))
	}
	if len(wantSkips) != 1 || !reflect.DeepEqual(gotSkips, wantSkips) {
		t.Errorf("mapped skips %v, read %v", gotSkips, wantSkips)
	}
}

// TestMappedJSONTruncatedWhileRead truncates a JSON file right after it
// was mapped: the reads past its new end fault, which must end its
// reading with a skip that says so, after the postings before the cut
// (none when it was cut to nothing), and never crash.
func TestMappedJSONTruncatedWhileRead(t *testing.T) {
	for _, tc := range []struct {
		size int64
		want string
	}{
		{1 << 20, "read stopped after "},
		{0, ReasonUnreadable + ": " + errFileShrank.Error()},
	} {
		dir, _ := writeMappedJSON(t, 20000)
		ps, skips := loadMapped(t, dir, func(name string) {
			if err := os.Truncate(filepath.Join(dir, name), tc.size); err != nil {
				t.Fatal(err)
			}
		})
		if len(skips) != 1 || !strings.HasPrefix(skips[0].Reason, tc.want) || !strings.HasSuffix(skips[0].Reason, errFileShrank.Error()) {
			t.Fatalf("cut to %d bytes: skips %v, want one saying %q", tc.size, skips, tc.want)
		}
		if tc.size > 0 && (len(ps) == 0 || len(ps) > 19600/4) {
			t.Errorf("cut to %d bytes: %d postings", tc.size, len(ps))
		}
	}
}
