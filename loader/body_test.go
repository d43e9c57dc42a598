package loader

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/jobdeck/jobdeck/model"
)

func TestBody(t *testing.T) {
	fsys := fstest.MapFS{"jobs/role.txt": {Data: []byte("Role Title\n\n• one\n• two\n")}}
	p := &model.Posting{Source: fsys, SourcePath: "jobs/role.txt"}
	got, err := Body(p, 0)
	if err != nil || got != "# Role Title\n\n- one\n- two\n" {
		t.Errorf("Body re-read = %q, %v", got, err)
	}
	if got, err := Body(&model.Posting{Body: "kept", Source: fsys, SourcePath: "gone.md"}, 0); got != "kept" || err != nil {
		t.Errorf("kept body: %q, %v", got, err)
	}
	if _, err := Body(&model.Posting{Source: fsys, SourcePath: "gone.md"}, 0); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: err = %v, want fs.ErrNotExist", err)
	}
	if _, err := Body(&model.Posting{SourcePath: "x.md"}, 0); !errors.Is(err, ErrNoSource) {
		t.Errorf("no source: err = %v, want ErrNoSource", err)
	}
	if got, err := Body(&model.Posting{}, 0); got != "" || err != nil {
		t.Errorf("posting with neither body nor source: %q, %v", got, err)
	}
	if _, err := Body(nil, 0); !errors.Is(err, ErrNoSource) {
		t.Errorf("nil posting: err = %v", err)
	}
}
