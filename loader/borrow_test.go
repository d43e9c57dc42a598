package loader

import (
	"io/fs"
	"os"
	"reflect"
	"testing"

	"github.com/jobdeck/jobdeck/loader/corpus"
)

// checkNoBorrow parses data without a body (which borrows the bytes
// instead of copying them), scribbles over the bytes, and expects the
// same posting as a parse of an untouched copy: no field may point into
// the read buffer, which the loader reuses for the next file.
func checkNoBorrow(t *testing.T, name string, data []byte) {
	t.Helper()
	buf := append([]byte(nil), data...)
	got := parse(name, buf, false)
	for i := range buf {
		buf[i] = 'X'
	}
	want := parse(name, append([]byte(nil), data...), false)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: posting changed when its buffer was reused:\n got %+v\nwant %+v", name, got, want)
	}
}

func TestMetadataParseKeepsNoPointerIntoBuffer(t *testing.T) {
	fsys := os.DirFS("../testdata/loader")
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		checkNoBorrow(t, p, data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 60 {
		it := corpus.MakeItem(i, 5)
		checkNoBorrow(t, it.Name, it.Data)
	}
}
