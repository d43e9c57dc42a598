package loader

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// flatJSONSeeds are JSON frontmatter texts for the differential checks:
// what decodeFlatJSON reads and what it leaves to encoding/json.
var flatJSONSeeds = []string{
	"{\n  \"title\": \"Go Dev\",\n  \"hiringOrganization\": {\"name\": \"Acme\"},\n  \"skills\": [\"go\", \"sql\"],\n  \"n\": -1.5e3\n}",
	`{"a":"x\"y\\z\/\b\f\n\r\t\u00e9\u0000","b":true,"c":false,"d":null,"e":[],"f":{},"g":0,"h":-0,"i":1E+2}`,
	`{"a":{"k":1,"k":2},"b":[[1,[2,{"x":[]}]]],"Name":"é😀"}`,
	`{"a":1,"a":2}`, `{"a":1e400}`, `{"a":1e-400}`, `{"a":01}`, `{"a":1.}`, `{"a":-}`, `{"a":.5}`,
	`{"a":"\ud83d\ude00"}`, `{"a":"\ud800"}`, `{"a":"\x"}`, "{\"a\":\"tab\there\"}", `{"a":tru}`, `{"a":truex}`,
	`{"a":1,}`, `{,}`, `{"a" 1}`, `{"a":1} x`, `{"a":1}` + " \t\r\n", ` {"a":1}`, `[1]`, `{}`, ``, `{`, `{"a":[1,]}`,
	`{"a":"\u00"}`, `{"a":"\uZZZZ"}`, `{"a":"` + "\xff" + `"}`, `{"a":[` + strings.Repeat("[", 12) + strings.Repeat("]", 12) + `]}`,
	`{"a":nul}`, `{"a":null,"b":NaN}`, "{\"a\":1}\f", `{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":17,"k0":0}`,
}

// checkFlatJSON fails when decodeFlatJSON accepts s and encoding/json
// does not, or gives other values.
func checkFlatJSON(t *testing.T, s string) {
	t.Helper()
	pairs, ok := decodeFlatJSON(s)
	if !ok {
		return
	}
	want := map[string]any{}
	if err := json.Unmarshal([]byte(s), &want); err != nil {
		t.Fatalf("decodeFlatJSON(%q) accepted what encoding/json refuses: %v", s, err)
	}
	if got := (fmFields{pairs: pairs}).asMap(); len(pairs) != len(want) || !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeFlatJSON(%q):\n got %#v\nwant %#v", s, got, want)
	}
}

func TestDecodeFlatJSONSameAsEncodingJSON(t *testing.T) {
	for _, s := range flatJSONSeeds {
		checkFlatJSON(t, s)
	}
	for _, c := range []struct {
		s  string
		ok bool
	}{
		{flatJSONSeeds[0], true}, {flatJSONSeeds[1], true}, {flatJSONSeeds[2], true},
		{`{"a":1,"a":2}`, false}, // a key twice: encoding/json keeps the last
		{`{"a":1e400}`, false}, {`{"a":"\ud83d\ude00"}`, false}, {`{"a":1} x`, false},
		{`{"a":[` + strings.Repeat("[", 12) + strings.Repeat("]", 12) + `]}`, false},
	} {
		if _, ok := decodeFlatJSON(c.s); ok != c.ok {
			t.Errorf("decodeFlatJSON(%q) ok %v, want %v", c.s, ok, c.ok)
		}
	}
	pairs, _ := decodeFlatJSON(`{"b":1,"a":2,"c":3}`)
	if len(pairs) != 3 || pairs[0].k != "b" || pairs[1].k != "a" || pairs[2].k != "c" {
		t.Errorf("pairs not in file order: %v", pairs)
	}
}

// FuzzFlatJSON checks decodeFlatJSON against encoding/json on any text.
func FuzzFlatJSON(f *testing.F) {
	for _, s := range flatJSONSeeds {
		f.Add(s)
	}
	f.Fuzz(checkFlatJSON)
}

func TestFieldOfSameAsLookup(t *testing.T) {
	keys := []string{"title", "Title", "company_name", "companyName", "Company Name", "job.title", "hiringOrganization",
		"ApplyURL", "offer_link", "OFFER-LINK", "featured", "", "über", `a\b`, strings.Repeat("x", 70), "Type", "name", "tags"}
	for k := range aliases {
		keys = append(keys, k, strings.ToUpper(k))
	}
	for _, al := range diffAliases(t) {
		for _, k := range keys {
			n, f, prio := fieldOf(k, al)
			wf, wprio := al.lookup(normKey(k))
			if f != wf || prio != wprio || (f != fNone && n != normKey(k)) {
				t.Errorf("fieldOf(%q) = %q %v %d, want %q %v %d", k, n, f, prio, normKey(k), wf, wprio)
			}
		}
	}
}
