package loader

import (
	"io/fs"
	"reflect"
	"testing"
)

func TestListingRoundTrip(t *testing.T) {
	es := []dirent{{name: "a.md"}, {name: "b", typ: fs.ModeDir}, {name: "c", typ: fs.ModeSymlink},
		{name: "d", typ: fs.ModeNamedPipe}, {name: "e", typ: fs.ModeSocket}, {name: "f", typ: fs.ModeDevice | fs.ModeCharDevice},
		{name: "g", typ: fs.ModeDevice}, {name: "h", typ: fs.ModeIrregular}, {name: "Ünïcode name.md"}}
	got, ok := decodeListing(appendListing(nil, es), nil)
	if !ok || !reflect.DeepEqual(got, es) {
		t.Fatalf("round trip: %v (%v), want %v", got, ok, es)
	}
	if got, ok := decodeListing(nil, nil); !ok || len(got) != 0 {
		t.Fatalf("an empty folder: %v (%v)", got, ok)
	}
}

func TestListingRejectsDamage(t *testing.T) {
	good := appendListing(nil, []dirent{{name: "a.md"}, {name: "b.md"}})
	for name, b := range map[string][]byte{
		"truncated":     good[:len(good)-1],
		"unknown type":  append([]byte{99}, good[1:]...),
		"unsorted":      appendListing(nil, []dirent{{name: "b.md"}, {name: "a.md"}}),
		"repeated":      appendListing(nil, []dirent{{name: "a.md"}, {name: "a.md"}}),
		"slash":         appendListing(nil, []dirent{{name: "a/b.md"}}),
		"NUL":           appendListing(nil, []dirent{{name: "a\x00.md"}}),
		"dot dot":       appendListing(nil, []dirent{{name: ".."}}),
		"empty name":    {0, 0},
		"length beyond": {0, 0xff, 0xff, 0x03, 'a'},
	} {
		if es, ok := decodeListing(b, nil); ok {
			t.Errorf("%s: decoded as %v", name, es)
		}
	}
}

// TestListingDecodesInPlace checks what the walk relies on to make no
// garbage of a cached listing: the entries go into the slice given, and
// the names are the listing's own bytes.
func TestListingDecodesInPlace(t *testing.T) {
	b := appendListing(nil, []dirent{{name: "a.md"}, {name: "b.md"}})
	buf := make([]dirent, 1, 8)
	es, ok := decodeListing(b, buf)
	if !ok || len(es) != 2 || &es[0] != &buf[0] {
		t.Fatalf("decoded %v (%v) not into the slice given", es, ok)
	}
	b[len(b)-4] = 'z' // the second name's first byte
	if es[1].name != "z.md" {
		t.Errorf("second name %q after its bytes changed, want z.md: a copy", es[1].name)
	}
}
