package loader

import (
	"sync"

	"github.com/jobdeck/jobdeck/model"
)

// recordChunkLen is how many records one parser takes at a time.
const recordChunkLen = 128

// recordJob is one record of a file to parse: where it is in the file
// and how to parse it.
type recordJob struct {
	i      int
	off, n int64
	h      *csvHeader
	parse  func() *model.Posting // nil: no posting
}

type recordChunkJobs struct {
	seq  int
	jobs []recordJob
	out  []*model.Posting
}

// parseRecords runs produce on its own goroutine, parses the records it
// submits on workers goroutines, and calls take with each record and its
// posting (nil when it is none) in the order produce submitted them, on
// the calling goroutine. take returns false to stop; submit then returns
// false. It returns produce's error.
func parseRecords(workers int, produce func(submit func(recordJob) bool) error, take func(recordJob, *model.Posting) bool) error {
	in := make(chan *recordChunkJobs, workers)
	out := make(chan *recordChunkJobs, workers*2)
	stop := make(chan struct{})
	var perr error
	go func() {
		defer close(in)
		seq := 0
		cur := &recordChunkJobs{}
		send := func() bool {
			select {
			case in <- cur:
				seq++
				cur = &recordChunkJobs{seq: seq}
				return true
			case <-stop:
				return false
			}
		}
		perr = produce(func(j recordJob) bool {
			cur.jobs = append(cur.jobs, j)
			if len(cur.jobs) < recordChunkLen {
				return true
			}
			return send()
		})
		if len(cur.jobs) > 0 {
			send()
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range in {
				c.out = make([]*model.Posting, len(c.jobs))
				for k, j := range c.jobs {
					c.out[k] = safeParse(j.parse)
				}
				select {
				case out <- c:
				case <-stop:
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	pending := map[int]*recordChunkJobs{}
	next := 0
	stopped := false
	for c := range out {
		if stopped {
			continue
		}
		pending[c.seq] = c
		for c := pending[next]; c != nil; c = pending[next] {
			delete(pending, next)
			next++
			for k, j := range c.jobs {
				if !take(j, c.out[k]) {
					stopped = true
					close(stop)
					break
				}
			}
			if stopped {
				break
			}
		}
	}
	return perr
}

// safeParse runs parse; a panic gives no posting, not a crash.
func safeParse(parse func() *model.Posting) (p *model.Posting) {
	if parse == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			p = nil
		}
	}()
	return parse()
}
