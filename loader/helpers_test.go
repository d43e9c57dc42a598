package loader

import (
	"testing"
	"time"
	"unsafe"

	"github.com/jobdeck/jobdeck/model"
)

// sharesMemory reports whether sub's bytes lie inside s's.
func sharesMemory(sub, s string) bool {
	a, b := uintptr(unsafe.Pointer(unsafe.StringData(sub))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return a >= b && a < b+uintptr(len(s))
}

// drainCancelled reads what a cancelled Stream still sends and fails
// unless the stream is closed within 10 seconds.
func drainCancelled(t *testing.T, ch <-chan Batch) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		for range ch {
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the stream did not end after cancel")
	}
}

// withCompanyURL returns p with its CompanyURL set to u.
func withCompanyURL(p model.Posting, u string) model.Posting {
	p.SetCompanyURL(u)
	return p
}
