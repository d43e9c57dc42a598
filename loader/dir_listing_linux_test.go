package loader

import "testing"

func TestKeepsFolderTimes(t *testing.T) {
	if _, ok := keepsFolderTimes("/proc"); ok {
		t.Error("/proc (procfs) is taken for a file system that keeps folders' times")
	}
	if _, ok := keepsFolderTimes("/no/such/folder"); ok {
		t.Error("a missing folder is taken for one whose times are kept")
	}
}
