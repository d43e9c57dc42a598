//go:build unix

package loader

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestFIFOIsNotOpened(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "ok.md"), "# Fine\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("no mkfifo: %v", err)
	}
	srcs, _ := SourcesFromPaths([]string{dir})
	done := make(chan []Skip)
	go func() {
		_, sk, _ := Load(context.Background(), srcs, Options{})
		done <- sk
	}()
	select {
	case sk := <-done:
		if len(sk) != 1 || sk[0].Reason != ReasonNotRegular {
			t.Errorf("skips = %v", sk)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("load blocks on a FIFO")
	}
}
