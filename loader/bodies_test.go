package loader

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/jobdeck/jobdeck/model"
)

func bodiesFixture(t *testing.T, n int) []*model.Posting {
	t.Helper()
	fsys := fstest.MapFS{}
	for i := range n {
		fsys[fmt.Sprintf("p%04d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "# Posting %d\n\nBody number %d.\n", i, i)}
	}
	ps, _, err := Load(context.Background(), []Source{{FS: fsys, Root: "."}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != n {
		t.Fatalf("loaded %d postings, want %d", len(ps), n)
	}
	return ps
}

func TestReadBodiesInOrder(t *testing.T) {
	ps := bodiesFixture(t, 1000) // more than one window of 2 workers
	for _, workers := range []int{1, 2, 7} {
		next := 0
		err := ReadBodies(context.Background(), ps, 0, workers, func(i int, body string, err error) error {
			if i != next {
				t.Fatalf("workers=%d: got index %d, want %d", workers, i, next)
			}
			next++
			want, _ := Body(ps[i], 0)
			if err != nil || body != want || body == "" {
				t.Fatalf("workers=%d: posting %d: body %q err %v, want %q", workers, i, body, err, want)
			}
			return nil
		})
		if err != nil || next != len(ps) {
			t.Fatalf("workers=%d: err %v after %d of %d", workers, err, next, len(ps))
		}
	}
}

func TestReadBodiesStopsOnCallerError(t *testing.T) {
	ps := bodiesFixture(t, 600)
	stop := errors.New("stop")
	calls := 0
	err := ReadBodies(context.Background(), ps, 0, 2, func(i int, _ string, _ error) error {
		calls++
		if i == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 11 {
		t.Fatalf("err %v after %d calls; want stop after 11", err, calls)
	}
}

func TestReadBodiesReportsReadErrors(t *testing.T) {
	ps := []*model.Posting{{ID: "a", SourcePath: "gone.md"}, {ID: "b", Body: "kept"}}
	var errs []error
	var bodies []string
	err := ReadBodies(context.Background(), ps, 0, 2, func(_ int, body string, err error) error {
		errs = append(errs, err)
		bodies = append(bodies, body)
		return nil
	})
	if err != nil || !errors.Is(errs[0], ErrNoSource) || errs[1] != nil || bodies[1] != "kept" {
		t.Fatalf("err %v, per-posting errs %v, bodies %q", err, errs, bodies)
	}
}

func TestReadBodiesCancelled(t *testing.T) {
	ps := bodiesFixture(t, 300)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := ReadBodies(ctx, ps, 0, 2, func(int, string, error) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
}
