// Command loadbench loads a folder with the loader (loader.Load, keeping
// every posting, or with -stream only counting them) and prints the
// counts and the wall time: the driver for measuring peak RSS with
// `/usr/bin/time -v go run ./loader/internal/loadbench DIR` (or its built
// binary). With -gen N it first writes N corpus postings into DIR.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/cache"
	"github.com/jobdeck/jobdeck/loader/corpus"
)

func main() {
	keep := flag.Bool("keep", false, "keep bodies in memory")
	gen := flag.Int("gen", 0, "first write this many corpus postings into DIR")
	stream := flag.Bool("stream", false, "only stream (count postings) instead of Load, which keeps them all")
	prof := flag.String("cpuprofile", "", "write a CPU profile to this file")
	memprof := flag.String("memprofile", "", "after Load, write a heap profile (postings still live) to this file")
	cacheDir := flag.String("cache", "", "use (and fill) the parse cache in this folder")
	repeat := flag.Int("repeat", 1, "load this many times (each with the cache opened anew), for profiles")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: loadbench [-keep] [-stream] [-gen N] [-cache DIR] [-repeat N] [-cpuprofile FILE] [-memprofile FILE] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if *gen > 0 {
		if err := corpus.Write(dir, *gen, 42); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	srcs, err := loader.SourcesFromPaths([]string{dir})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if *prof != "" {
		f, err := os.Create(*prof)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	opts := loader.Options{KeepBodies: *keep}
	for range *repeat - 1 {
		c := withCache(&opts, *cacheDir)
		if _, _, err := loader.Load(context.Background(), srcs, opts); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		closeCache(c)
	}
	c := withCache(&opts, *cacheDir)
	defer closeCache(c)
	start := time.Now()
	if !*stream {
		ps, skips, err := loader.Load(context.Background(), srcs, opts)
		el := time.Since(start)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("load: postings=%d skipped=%d elapsed=%v ns/posting=%d\n",
			len(ps), len(skips), el, el.Nanoseconds()/int64(max(len(ps), 1)))
		if *memprof != "" {
			runtime.GC()
			f, err := os.Create(*memprof)
			if err == nil {
				err = pprof.WriteHeapProfile(f)
				f.Close()
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		runtime.KeepAlive(ps)
		return
	}
	var firstAt time.Duration
	var last loader.Progress
	n := 0
	for b := range loader.Stream(context.Background(), srcs, opts) {
		if firstAt == 0 && len(b.Postings) > 0 {
			firstAt = time.Since(start)
		}
		n += len(b.Postings)
		last = b.Progress
	}
	el := time.Since(start)
	fmt.Printf("stream: postings=%d progress=%+v elapsed=%v first-batch=%v ns/posting=%d\n",
		n, last, el, firstAt, el.Nanoseconds()/int64(max(n, 1)))
}

// withCache sets opts.Cache to the parse cache in dir (none for "").
func withCache(opts *loader.Options, dir string) *cache.Cache {
	opts.Cache = nil
	if dir == "" {
		return nil
	}
	c := cache.Open(dir, loader.CacheStamp(*opts), nil)
	opts.Cache = c
	return c
}

// closeCache closes c, printing its problem.
func closeCache(c *cache.Cache) {
	if c == nil {
		return
	}
	if p := c.Close(); p != "" {
		fmt.Fprintln(os.Stderr, "cache:", p)
	}
}
