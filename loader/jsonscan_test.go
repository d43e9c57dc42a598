package loader

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestScanMembersAgreesWithObjectFieldsRaw checks scanMembers against
// what it stands for, skipJSONValue's end and objectFieldsRaw's members,
// on records whole and cut at every byte: where it gives members, they
// are the same and the end is skipJSONValue's; where it wants more bytes,
// so does skipJSONValue.
func TestScanMembersAgreesWithObjectFieldsRaw(t *testing.T) {
	deep := func(n int) string { return `{"a":` + strings.Repeat("[", n-1) + strings.Repeat("]", n-1) + `}` }
	seeds := append([]string{
		`{}`, `{ }`, `{"a":1}`, `{"a" : "x\"}" , "b":[1,{"c":null}],"d":true}`, `{"a":1,}`, `{"a" "b"}`, `{"a":1]`,
		`{"a":[}`, `{"a":tru}`, `{1:2}`, `{"a":1 "b":2}`, `{"a":"\\"}`, `{"a":{"b":{"c":"d"}}, "e":-1.5e3}`,
		deep(maxJSONDepth - 1), deep(maxJSONDepth), deep(maxJSONDepth + 1),
	}, diffSeeds...)
	for _, raw := range fixtureRecords(t) {
		seeds = append(seeds, string(raw))
	}
	for _, s := range seeds {
		if !strings.HasPrefix(s, "{") {
			continue
		}
		for n := 1; n <= len(s); n++ {
			checkScanMembers(t, []byte(s[:n]))
		}
	}
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
