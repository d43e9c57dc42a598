package model

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// matchAlphabet mixes ASCII, separators, case pairs and runes whose case
// folding is unusual (Kelvin sign, long s, dotted I, sharp s), combining
// marks and emoji, so random strings hit every branch of the scorer.
var matchAlphabet = []rune("aAbBcCkKsSeE zZ-_./\\üÜéÉ\u212a\u017fİıßẞ\u0301😀日本xyXY")

func randString(r *rand.Rand, maxLen int) string {
	n := r.IntN(maxLen + 1)
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = matchAlphabet[r.IntN(len(matchAlphabet))]
	}
	return string(rs)
}

// TestFuzzyScoreEqualsLibrary checks that fuzzyScore gives sahilm/fuzzy's
// verdict, score and matched byte offsets on random pattern/string pairs.
func TestFuzzyScoreEqualsLibrary(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	matched := 0
	for range 20000 {
		pat := randString(r, 4)
		if pat == "" {
			continue
		}
		s := randString(r, 24)
		if r.IntN(10) == 0 { // a pattern built from s: likely to match
			rs := []rune(s)
			if len(rs) > 0 {
				pat = string(rs[r.IntN(len(rs)):][:1])
				if len(rs) > 2 {
					pat += string(rs[len(rs)-1])
				}
			}
		}
		lib := fuzzy.Find(pat, []string{s})
		var pos []int
		score, ok := fuzzyScore([]rune(pat), s, &pos)
		if ok != (len(lib) == 1) {
			t.Fatalf("fuzzyScore(%q, %q) ok=%v, library matched %d", pat, s, ok, len(lib))
		}
		if !ok {
			continue
		}
		matched++
		if score != lib[0].Score || !slices.Equal(pos, lib[0].MatchedIndexes) {
			t.Fatalf("fuzzyScore(%q, %q) = %d %v, library %d %v", pat, s, score, pos, lib[0].Score, lib[0].MatchedIndexes)
		}
	}
	if matched < 500 {
		t.Fatalf("only %d random pairs matched; the test does not exercise scoring", matched)
	}
}

// TestFuzzyScoreCases pins a few scores and the NUL cut.
func TestFuzzyScoreCases(t *testing.T) {
	tests := []struct {
		pat, s string
		ok     bool
	}{
		{"sbe", "Senior Backend Engineer", true},
		{"SBE", "senior backend engineer", true},
		{"ich", "Zürich", true},
		{"zur", "Zürich", false},
		{"zür", "ZÜRICH", true},
		{"k", "\u212a", true}, // Kelvin sign folds to k
		{"s", "\u017f", true}, // long s folds to s
		{"ab", "a\x00b", false},
		{"", "anything", false},
		{"x", "", false},
		{"\ufffd", "\xff", true}, // invalid byte reads as RuneError
	}
	for _, tc := range tests {
		lib := fuzzy.Find(tc.pat, []string{tc.s})
		score, ok := fuzzyScore([]rune(tc.pat), tc.s, nil)
		if ok != tc.ok {
			t.Errorf("fuzzyScore(%q, %q) ok = %v, want %v", tc.pat, tc.s, ok, tc.ok)
		}
		if ok && (len(lib) != 1 || lib[0].Score != score) {
			t.Errorf("fuzzyScore(%q, %q) = %d, library %v", tc.pat, tc.s, score, lib)
		}
	}
}

// TestFoldRuneIsEqualFold checks foldRune(a) == foldRune(b) ⇔ equalFold(a, b).
func TestFoldRuneIsEqualFold(t *testing.T) {
	for _, a := range matchAlphabet {
		for _, b := range matchAlphabet {
			if got, want := foldRune(a) == foldRune(b), equalFold(a, b); got != want {
				t.Errorf("foldRune(%q)==foldRune(%q) is %v, equalFold %v", a, b, got, want)
			}
		}
	}
	// Every rune in the BMP against its simple-fold orbit.
	for r := rune(0); r < 0x10000; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if foldRune(f) != foldRune(r) {
				t.Fatalf("foldRune(%U)=%U but foldRune(%U)=%U", r, foldRune(r), f, foldRune(f))
			}
		}
	}
}

// TestPrefilterIsExact checks that the folded-subsequence prefilter agrees
// with the scorer's verdict, so it never drops a match.
func TestPrefilterIsExact(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		pat, s := randString(r, 3), randString(r, 16)
		if pat == "" || !utf8.ValidString(s) {
			continue
		}
		_, ok := fuzzyScore([]rune(pat), s, nil)
		pre := isFoldedSubseq(string(appendFolded(nil, pat)), string(appendFolded(nil, s)))
		if ok != pre {
			t.Fatalf("pattern %q in %q: scorer %v, prefilter %v", pat, s, ok, pre)
		}
	}
}

func TestByteToRuneIndexes(t *testing.T) {
	tests := []struct {
		s    string
		offs []int
		want []int
	}{
		{"Zürich", []int{4, 5, 6}, []int{3, 4, 5}}, // i c h after the 2-byte ü
		{"abc", []int{0, 2}, []int{0, 2}},
		{"😀ab", []int{4, 5}, []int{1, 2}},
		{"e\u0301x", []int{3}, []int{2}},
		{"ab", []int{1, 7}, []int{1}}, // past the end: dropped
	}
	for _, tc := range tests {
		got := byteToRuneIndexes(tc.s, slices.Clone(tc.offs))
		if !slices.Equal(got, tc.want) {
			t.Errorf("byteToRuneIndexes(%q, %v) = %v, want %v", tc.s, tc.offs, got, tc.want)
		}
	}
}

// FuzzFuzzyScore compares fuzzyScore with the library on arbitrary input.
func FuzzFuzzyScore(f *testing.F) {
	f.Add("ich", "Zürich")
	f.Add("sbe", "Senior Backend Engineer")
	f.Fuzz(func(t *testing.T, pat, s string) {
		if pat == "" || len(pat) > 16 {
			return
		}
		lib := fuzzy.Find(pat, []string{s})
		score, ok := fuzzyScore([]rune(pat), s, nil)
		if ok != (len(lib) == 1) || ok && score != lib[0].Score {
			t.Fatalf("fuzzyScore(%q, %q) = %d %v; library %v", pat, s, score, ok, lib)
		}
	})
}
