package loader

import (
	"context"
	"runtime"
	"sync"

	"github.com/jobdeck/jobdeck/model"
)

// bodiesWindow is how many bodies ReadBodies reads ahead of the caller per
// worker: enough to keep the workers busy while the caller writes, small
// enough that memory stays a few megabytes whatever len(ps) is.
const bodiesWindow = 128

// ReadBodies reads the bodies of ps (as Body does, capped at maxBody) on
// workers goroutines (0 means runtime.GOMAXPROCS(0)) and calls fn with each
// one in the order of ps, on the calling goroutine. It reads ahead at most a
// small window, so `list --json` streams 100k postings in little memory
// while both cores parse. A read error is handed to fn, not returned; fn's
// error, or ctx's when it is cancelled, stops the work and is returned.
func ReadBodies(ctx context.Context, ps []*model.Posting, maxBody int64, workers int, fn func(i int, body string, err error) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type result struct {
		body string
		err  error
	}
	chunk := workers * bodiesWindow
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// The producer reads chunk k+1 while the caller consumes chunk k.
	chunks := make(chan []result, 1)
	go func() {
		defer close(chunks)
		for start := 0; start < len(ps); start += chunk {
			end := min(start+chunk, len(ps))
			out := make([]result, end-start)
			var wg sync.WaitGroup
			next := make(chan int, len(out))
			for i := range out {
				next <- i
			}
			close(next)
			for range min(workers, len(out)) {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range next {
						if ctx.Err() != nil {
							return
						}
						out[i].body, out[i].err = Body(ps[start+i], maxBody)
					}
				}()
			}
			wg.Wait()
			select {
			case chunks <- out:
			case <-ctx.Done():
				return
			}
		}
	}()

	i := 0
	for out := range chunks {
		for _, r := range out {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(i, r.body, r.err); err != nil {
				return err
			}
			i++
		}
	}
	return ctx.Err()
}
