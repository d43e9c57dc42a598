package loader

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestScanMembersAgreesWithObjectFieldsRaw checks scanMembers against
// what it stands for, skipJSONValue's end and objectFieldsRaw's members,
// on records whole and cut at every byte: where it gives members, they
// are the same and the end is skipJSONValue's; where it wants more bytes,
// so does skipJSONValue.
func TestScanMembersAgreesWithObjectFieldsRaw(t *testing.T) {
	for _, s := range objectSeeds(t) {
		for n := 1; n <= len(s); n++ {
			checkScanMembers(t, []byte(s[:n]))
		}
	}
}

// objectSeeds are objects to scan, whole or not, valid or not: the
// fixtures' records among them.
func objectSeeds(t testing.TB) []string {
	deep := func(n int) string { return `{"a":` + strings.Repeat("[", n-1) + strings.Repeat("]", n-1) + `}` }
	seeds := append([]string{
		`{}`, `{ }`, `{"a":1}`, `{"a" : "x\"}" , "b":[1,{"c":null}],"d":true}`, `{"a":1,}`, `{"a" "b"}`, `{"a":1]`,
		`{"a":[}`, `{"a":tru}`, `{1:2}`, `{"a":1 "b":2}`, `{"a":"\\"}`, `{"a":{"b":{"c":"d"}}, "e":-1.5e3}`,
		`{"a" : "x\"}" , "b":[1,{"c":null}],"d":true,"e":"x\"}"}`, `{"a" : "x\"}\"" , "b":[1,{"c":null}]]}`,
		`{"a" : "x\"}" , "b":[1,{"c":null}],"d":truer}`, `{"a":{"b":{"c":"d"}}}`, `{"a":{"b":{"c":"d"}}, "e":-1.5e3, "f":1}`,
		deep(maxJSONDepth - 1), deep(maxJSONDepth), deep(maxJSONDepth + 1),
	}, diffSeeds...)
	for _, raw := range fixtureRecords(t) {
		seeds = append(seeds, string(raw))
	}
	return slices.DeleteFunc(seeds, func(s string) bool { return !strings.HasPrefix(s, "{") })
}

// TestScanMembersLikeAgreesWithScanMembers checks scanMembersLike, given
// any earlier object that scanMembers read whole, against scanMembers on
// objects whole and cut at every byte: the same end, members and error.
// Objects that repeat members of the earlier one, and ones that start
// like them and then differ, are among them.
func TestScanMembersLikeAgreesWithScanMembers(t *testing.T) {
	seeds := objectSeeds(t)
	var prevs []string
	for _, s := range seeds {
		if _, _, err := scanMembers([]byte(s), nil); err == nil && len(prevs) < 40 {
			prevs = append(prevs, s)
		}
	}
	repeats := 0
	for _, prev := range prevs {
		_, pms, _ := scanMembers([]byte(prev), nil)
		for _, s := range seeds {
			for n := 1; n <= len(s); n++ {
				b := []byte(s[:n])
				end, ms, err := scanMembersLike(b, nil, []byte(prev), pms)
				wend, wms, werr := scanMembers(b, nil)
				if err != werr || (err == nil && (end != wend || !reflect.DeepEqual(ms, wms))) {
					t.Fatalf("%q after %q: %d %v %v, scanMembers %d %v %v", b, prev, end, ms, err, wend, wms, werr)
				}
				if err == nil && len(ms) > 1 && len(pms) > 1 && string(b[ms[1].ks:ms[1].ve]) == prev[pms[1].ks:pms[1].ve] {
					repeats++
				}
			}
		}
	}
	if repeats == 0 {
		t.Fatal("no object repeated a member of an earlier one")
	}
}

// FuzzScanMembersLike checks scanMembersHinted, whatever its hint,
// against scanMembers on any object after any other.
func FuzzScanMembersLike(f *testing.F) {
	f.Add([]byte(`{"a":{"b":1},"c":"d"}`), []byte(`{"a":{"b":1},"c":"d\"}"}`))
	f.Add([]byte(`{"a":"x\"}","b":[1]}`), []byte(`{"a":"x\"}\"","b":[1]]}`))
	for _, s := range diffSeeds {
		f.Add([]byte(s), []byte(s))
	}
	f.Fuzz(func(t *testing.T, prev, b []byte) {
		if len(b) == 0 || b[0] != '{' || len(prev) == 0 || prev[0] != '{' {
			return
		}
		pe, pms, err := scanMembers(prev, nil)
		if err != nil {
			return
		}
		wend, wms, werr := scanMembers(b, nil)
		for _, rep := range []uint64{^uint64(0), 0, 0x5555555555555555, 0xAAAAAAAAAAAAAAAA} {
			end, ms, _, err := scanMembersHinted(b, nil, prev[:pe], pms, rep)
			if err != werr || (err == nil && (end != wend || !reflect.DeepEqual(ms, wms))) {
				t.Fatalf("%q after %q, hint %x: %d %v %v, scanMembers %d %v %v", b, prev, rep, end, ms, err, wend, wms, werr)
			}
		}
	})
}

// checkScanMembers fails when scanMembers gives b members that are not
// objectFieldsRaw's or an end that is not skipJSONValue's, or wants more
// bytes where skipJSONValue does not.
func checkScanMembers(t *testing.T, b []byte) {
	t.Helper()
	end, ms, err := scanMembers(b, nil)
	wend, werr := skipJSONValue(b, 0)
	switch {
	case err == nil:
		if werr != nil || end != wend {
			t.Fatalf("%q: end %d, skipJSONValue %d %v", b, end, wend, werr)
		}
		want, ferr := refMembers(b[:end])
		if ferr != nil || !reflect.DeepEqual(ms, want) {
			t.Fatalf("%q: members %v, objectFieldsRaw %v %v", b, ms, want, ferr)
		}
	case errors.Is(err, errIncomplete):
		if !errors.Is(werr, errIncomplete) {
			t.Fatalf("%q: scanMembers wants more, skipJSONValue says %d %v", b, wend, werr)
		}
	}
}

// FuzzScanMembers checks scanMembers on any object.
func FuzzScanMembers(f *testing.F) {
	for _, s := range diffSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 0 && b[0] == '{' {
			checkScanMembers(t, b)
		}
	})
}

// refMembers returns the members of the object raw as objectFieldsRaw
// reads them, as offsets into raw (a subslice's offset is what it lacks
// of raw's capacity).
func refMembers(raw []byte) ([]member, error) {
	var ms []member
	off := func(x []byte) uint32 { return uint32(cap(raw) - cap(x)) }
	err := objectFieldsRaw(raw, func(k, v []byte) error {
		ms = append(ms, member{off(k), off(k) + uint32(len(k)), off(v), off(v) + uint32(len(v))})
		return nil
	})
	return ms, err
}
