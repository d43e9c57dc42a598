package loader_test

import (
	"context"
	"errors"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
)

func TestStatFileOfRecordIsTheWholeFile(t *testing.T) {
	when := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	data := []byte(`[{"title":"SRE","url":"https://x.example/1","description":"a"},{"title":"DBA","url":"https://x.example/2","description":"b"}]`)
	fsys := fstest.MapFS{"jobs.json": {Data: data, ModTime: when}, "a.md": {Data: []byte("# A\nbody\n"), ModTime: when.Add(time.Hour)}}
	ps, _, err := loader.Load(context.Background(), []loader.Source{{FS: fsys, Root: "."}}, loader.Options{})
	if err != nil || len(ps) != 3 {
		t.Fatalf("load: %d postings, %v", len(ps), err)
	}
	for _, p := range ps {
		fi, err := loader.StatFile(p)
		if err != nil {
			t.Fatalf("%s: %v", p.Path, err)
		}
		want := fsys[loader.FileOf(p.Path)]
		if fi.Size() != int64(len(want.Data)) || !fi.ModTime().Equal(want.ModTime) {
			t.Errorf("%s: size %d, mtime %v; want the file's", p.Path, fi.Size(), fi.ModTime())
		}
	}
	if _, err := loader.StatFile(&model.Posting{ID: "x"}); !errors.Is(err, loader.ErrNoSource) {
		t.Errorf("no source: %v", err)
	}
}
