package ui

import (
	"context"
	"os"
	"runtime/pprof"
	"testing"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/cache"
)

func BenchmarkZZWarmProf(b *testing.B) {
	srcs := benchSources(b)
	opts := loader.Options{}
	dir := os.Getenv("ZZ_CACHE")
	pc := cache.Open(dir, loader.CacheStamp(opts), nil)
	opts.Cache = pc
	if _, _, err := loader.Load(context.Background(), srcs, opts); err != nil {
		b.Fatal(err)
	}
	pc.Close()
	f, _ := os.Create(os.Getenv("ZZ_PROF"))
	pprof.StartCPUProfile(f)
	defer pprof.StopCPUProfile()
	for b.Loop() {
		opts.Cache = cache.Open(dir, loader.CacheStamp(opts), nil)
		runFullLoad(b, srcs, opts)
	}
}
