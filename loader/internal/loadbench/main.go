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
	"github.com/jobdeck/jobdeck/loader/corpus"
)

func main() {
	keep := flag.Bool("keep", false, "keep bodies in memory")
	gen := flag.Int("gen", 0, "first write this many corpus postings into DIR")
	stream := flag.Bool("stream", false, "only stream (count postings) instead of Load, which keeps them all")
	prof := flag.String("cpuprofile", "", "write a CPU profile to this file")
	memprof := flag.String("memprofile", "", "after Load, write a heap profile (postings still live) to this file")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: loadbench [-keep] [-stream] [-gen N] [-cpuprofile FILE] [-memprofile FILE] DIR")
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
	start := time.Now()
	if !*stream {
		ps, skips, err := loader.Load(context.Background(), srcs, loader.Options{KeepBodies: *keep})
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
	for b := range loader.Stream(context.Background(), srcs, loader.Options{KeepBodies: *keep}) {
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
