package cache

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
)

// filled returns a posting with every field set to a distinct non-zero
// value, found by reflection so that a field added to model.Posting is
// filled too, except Body and Source, which the cache does not hold. The
// rare fields behind their setters are set through them.
func filled(seed int) *model.Posting {
	p := &model.Posting{}
	v := reflect.ValueOf(p).Elem()
	for i := range v.NumField() {
		f, name := v.Field(i), v.Type().Field(i).Name
		switch name {
		case "Body", "Source":
			continue
		case "rare":
			p.SetPaths([]string{"Paths", "üPaths", ""})
			p.SetWarnings([]string{"Warnings", "üWarnings", ""})
			p.SetCompanyURL("CompanyURL·" + string(rune('a'+seed)))
			p.SetApplied(time.Date(2025, 4, 4+seed, 5, 6, 7, 890+seed, time.UTC))
			continue
		}
		switch x := f.Addr().Interface().(type) {
		case *model.Currency:
			*x = model.Currency{'A', 'B', byte('A' + seed)}
		case *model.Period:
			*x = model.PeriodHour - model.Period(seed)
		case *string:
			*x = name + "·" + string(rune('a'+seed))
		case *[]string:
			*x = []string{name, "ü" + name, ""}
		case *bool:
			*x = true
		case *float64:
			*x = float64(1000*i + seed)
		case *time.Time:
			*x = time.Date(2025, 3, 4+seed, 5, 6, 7, 890+seed, time.UTC)
		default:
			panic("the codec test cannot fill model.Posting." + name + "; teach it (and the codec)")
		}
	}
	return p
}

func TestCodecKeepsEveryField(t *testing.T) {
	empty := &model.Posting{Keywords: []string{}}
	empty.SetWarnings([]string{})
	empty.SetPaths([]string{})
	epoch := &model.Posting{Date: time.Unix(0, 0).UTC(), ID: "e"}
	ps := []*model.Posting{filled(0), {}, empty, filled(1), epoch}
	for _, p := range ps {
		if !encodable(p) {
			t.Fatalf("%+v is not encodable", p)
		}
	}
	got, err := decodePostings(stringOf(appendPostings(nil, ps)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ps) {
		for i := range ps {
			if !reflect.DeepEqual(got[i], ps[i]) {
				t.Fatalf("posting %d:\n got %#v\nwant %#v", i, got[i], ps[i])
			}
		}
		t.Fatalf("got %d postings, want %d", len(got), len(ps))
	}
	// The lists of a decoded posting are separate: appending to one does
	// not write into the next.
	got[0].SetPaths(append(got[0].Paths(), "x"))
	if got[0].Keywords[0] != "Keywords" {
		t.Fatal("appending to Paths overwrote Keywords")
	}
}

func TestCodecRefusesInexactPostings(t *testing.T) {
	for name, p := range map[string]*model.Posting{
		"body":      {Body: "text"},
		"local":     {Date: time.Date(2025, 1, 2, 3, 4, 5, 0, time.FixedZone("X", 3600))},
		"now":       {Date: time.Now()}, // local, with a monotonic reading
		"zero in X": {Date: time.Time{}.In(time.FixedZone("X", 3600))},
		"nil":       nil,
	} {
		if encodable(p) {
			t.Errorf("%s: encodable, but would not come back the same", name)
		}
	}
}

// FuzzDecode checks that no input makes the decoders panic, and that what
// decodes survives encoding and decoding again.
func FuzzDecode(f *testing.F) {
	f.Add(appendPostings(nil, []*model.Posting{filled(0), {}}))
	f.Add(encodeFile("s", "/r", []entry{{path: "a.md", size: 3, seen: 9, blob: stringOf(appendPostings(nil, []*model.Posting{filled(2)}))}}, 0))
	f.Add([]byte(magic + "\x01s\x02/r\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if ps, err := decodePostings(string(b)); err == nil {
			again, err := decodePostings(stringOf(appendPostings(nil, ps)))
			if err != nil || !reflect.DeepEqual(again, ps) {
				t.Fatalf("%q decodes to postings that do not survive encoding: %v", b, err)
			}
		}
		if es, err := decodeFile(b, "s", "/r"); err == nil {
			for _, e := range es {
				decodePostings(e.blob)
			}
		}
	})
}

func TestRacyWindow(t *testing.T) {
	coarse := loader.FileKey{ModTime: 1_700_000_000e9, ChangeTime: 1_700_000_001e9}
	fine := loader.FileKey{ModTime: 1_700_000_000e9, ChangeTime: 1_700_000_001_123_456_789}
	if racyWindow(coarse) != 2*time.Second || racyWindow(fine) != 100*time.Millisecond {
		t.Fatalf("windows %v and %v", racyWindow(coarse), racyWindow(fine))
	}
}

func TestTruncatedFileGivesItsCheckedBlocks(t *testing.T) {
	var es []entry
	for i := range 4000 {
		p := filled(i % 20)
		es = append(es, entry{path: fmt.Sprintf("d/%05d.md", i), size: int64(i), seen: 9,
			blob: stringOf(appendPostings(nil, []*model.Posting{p}))})
	}
	data := encodeFile("s", "/r", es, 0)
	if got, err := decodeFile(data, "s", "/r"); err != nil || !reflect.DeepEqual(got, es) {
		t.Fatalf("whole file: %d entries, %v", len(got), err)
	}
	var got []entry
	err := readFile(bytes.NewReader(data[:len(data)*2/3]), int64(len(data)*2/3), "s", "/r", func(b []entry, _ int) { got = append(got, b...) })
	if !errors.Is(err, errDamaged) || len(got) == 0 || len(got) >= len(es) {
		t.Fatalf("two thirds of the file: %d entries of %d, %v; want some, and damage", len(got), len(es), err)
	}
	if !reflect.DeepEqual(got, es[:len(got)]) {
		t.Fatal("the entries before the cut are not those written")
	}
}

// TestBlocksReadIntoTheLastBlock checks a file read with each block read
// into the memory of the block before it, overwritten first, as when the
// lookups took every entry of a block before the next was read: the file
// reads whole (the check that paths sort across blocks keeps no string
// of the block before) and each block gives its own entries.
func TestBlocksReadIntoTheLastBlock(t *testing.T) {
	var es []entry
	for i := range 4000 {
		es = append(es, entry{path: fmt.Sprintf("d/%05d.md", i), size: int64(i), seen: 9,
			blob: stringOf(appendPostings(nil, []*model.Posting{filled(i % 20)}))})
	}
	data := encodeFile("s", "/r", es, 0)
	var last []byte
	blocks, n := 0, 0
	buffer := func(size int) []byte {
		if cap(last) < size {
			return make([]byte, size)
		}
		for i := range last {
			last[i] = 0xA5
		}
		return last[:size]
	}
	err := readBlocks(bytes.NewReader(data), int64(len(data)), "s", "/r", buffer, func(b []entry, block []byte) {
		blocks++
		for i := range b {
			if !reflect.DeepEqual(b[i], es[n+i]) {
				t.Fatalf("block %d, entry %d differs", blocks, i)
			}
		}
		n += len(b)
		last = block
	})
	if err != nil || n != len(es) || blocks < 3 {
		t.Fatalf("%d entries in %d blocks, %v; want %d in several", n, blocks, err, len(es))
	}
}

// TestOpenEntryOneIntoSlab checks that single postings decoded into a
// postingSlab keep every field and are each their own posting, and that
// an entry of one posting with an aux note gives both.
func TestOpenEntryOneIntoSlab(t *testing.T) {
	var slab postingSlab
	var got []*model.Posting
	for i := range postingSlabLen + 2 {
		b := stringOf(appendPostings(nil, []*model.Posting{filled(i % 2)}))
		if !holdsOne(b) {
			t.Fatal("one posting not seen as one")
		}
		aux := ""
		if i == 3 {
			aux = "note"
		}
		p, items := slab.one(b)
		if want := len(filled(i%2).Keywords) + len(filled(i%2).Paths()) + len(filled(i%2).Warnings()); len(items) != want {
			t.Fatalf("posting %d: room for %d items, want %d", i, len(items), want)
		}
		e, err := openEntry(b, aux, p, items)
		if err != nil || e.Len() != 1 || string(e.Aux()) != aux {
			t.Fatalf("posting %d: entry of %d postings, aux %q, %v", i, e.Len(), e.Aux(), err)
		}
		got = append(got, e.Next())
	}
	for i, p := range got {
		if !reflect.DeepEqual(p, filled(i%2)) {
			t.Fatalf("posting %d:\n got %#v\nwant %#v", i, p, filled(i%2))
		}
	}
	got[0].Title = "changed"
	got[0].Keywords = append(got[0].Keywords, "more")
	got[0].Keywords[0] = "changed"
	if got[1].Title == "changed" || got[2].Title == "changed" || !reflect.DeepEqual(got[1], filled(1)) || !reflect.DeepEqual(got[2], filled(0)) {
		t.Fatal("postings from the slab share memory")
	}
	if holdsOne(stringOf(appendPostings(nil, []*model.Posting{filled(0), filled(1)}))) {
		t.Fatal("two postings seen as one")
	}
}

// TestOpenEntryChecksFirst checks that an entry of many postings that
// does not decode in full is refused when opened, whatever its cut or
// damage, before any posting is asked for.
func TestOpenEntryChecksFirst(t *testing.T) {
	ps := []*model.Posting{filled(0), filled(1), filled(2)}
	b := appendPostings(nil, ps)
	for cut := range len(b) {
		if _, err := openEntry(string(b[:cut]), "aux", nil, nil); err == nil {
			t.Fatalf("a cut at %d of %d bytes opened", cut, len(b))
		}
	}
	if _, err := openEntry(string(b)+"x", "aux", nil, nil); err == nil {
		t.Fatal("trailing bytes opened")
	}
	e, err := openEntry(string(b), "aux", nil, nil)
	if err != nil || e.Len() != 3 || string(e.Aux()) != "aux" {
		t.Fatalf("a good entry: %v", err)
	}
	for i, want := range ps {
		if got := e.Next(); !reflect.DeepEqual(got, want) {
			t.Fatalf("posting %d:\n got %#v\nwant %#v", i, got, want)
		}
	}
}
