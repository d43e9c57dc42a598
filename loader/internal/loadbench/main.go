// Command loadbench loads a folder with the loader and prints the counts
// and the wall time: the driver for measuring peak RSS with
// `/usr/bin/time -v go run ./loader/internal/loadbench DIR` (or its built
// binary). With -gen N it first writes N corpus postings into DIR.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/corpus"
)

func main() {
	keep := flag.Bool("keep", false, "keep bodies in memory")
	gen := flag.Int("gen", 0, "first write this many corpus postings into DIR")
	prof := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: loadbench [-keep] [-gen N] [-cpuprofile FILE] DIR")
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
	fmt.Printf("postings=%d progress=%+v elapsed=%v first-batch=%v ns/posting=%d\n",
		n, last, el, firstAt, el.Nanoseconds()/int64(max(n, 1)))
}
