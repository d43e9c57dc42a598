package loader

import (
	"reflect"
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

// pairsSeeds are flat frontmatter texts for the check that reading the
// pairs gives the posting that reading them as one map gives.
var pairsSeeds = []string{
	"---\ntitle: \"Go Dev\"\ncompanyName: Acme\njobType: Full-time\nemploymentType: contract\ntimestamp: 1700000000000\nhashtags: \"#go,#rust\"\nfeatured: 3\n---\nbody",
	"---\ntitle: A\nTitle: B\nposition: C\n---\n",
	"+++\ntitle = \"T\"\ncompany = \"C\"\ndate = 2024-03-15\ntags = [\"go\", \"sql\"]\nsalary = \"€50k–€90k\"\nemploymentType = \"Full-time\"\ncategories = \"Engineering\"\n+++\nbody",
	"{\n  \"title\": \"J\",\n  \"hiringOrganization\": {\"name\": \"Acme\"},\n  \"jobLocation\": \"Berlin\",\n  \"skills\": [\"go\"],\n  \"offer_link\": \"https://x.example/1\",\n  \"employer_name\": \"E\",\n  \"type\": \"engineering\"\n}\n\nbody",
	"{\n\"url\": \"\", \"link\": \"https://a.example\", \"title\": \" \", \"role\": \"R\", \"remote\": \"yes\", \"isRemote\": false\n}\n",
}

// checkPairsSameAsMap fails when the posting read from the pairs of
// text's frontmatter differs from the one read from them as one map,
// for each of diffAliases.
func checkPairsSameAsMap(t *testing.T, text string) {
	t.Helper()
	fm, _, kind, _ := splitFrontmatter(text)
	if fm.pairs == nil || kind == fmMalformed {
		return
	}
	for _, al := range diffAliases(t) {
		vals := fm.values(al, newRecordMemo())
		if vals.m != nil {
			continue // keys that fold alike: read through the map, whose order is random
		}
		var got, want model.Posting
		applyFieldsFrom(&got, vals, al)
		applyFieldsFrom(&want, mapValues(fm.asMap()), al)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("frontmatter %q (user aliases %v):\n got %+v\nwant %+v", text, al != nil, got, want)
		}
	}
}

func TestPairsSameAsMap(t *testing.T) {
	for _, s := range append(pairsSeeds, flatJSONSeeds...) {
		checkPairsSameAsMap(t, s)
	}
	if fm, _, _, _ := splitFrontmatter(pairsSeeds[0]); fm.pairs == nil || fm.values(nil, nil).m != nil {
		t.Error("flat YAML was not read from its pairs")
	}
	if fm, _, _, _ := splitFrontmatter(pairsSeeds[1]); fm.values(nil, nil).m == nil {
		t.Error("keys that fold alike were not read through the map")
	}
}

func FuzzPairsSameAsMap(f *testing.F) {
	for _, s := range pairsSeeds {
		f.Add(s)
	}
	f.Fuzz(checkPairsSameAsMap)
}
