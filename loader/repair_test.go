package loader

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestRepairMojibake(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"We‚Äôre hiring", "We’re hiring"},               // Mac Roman
		{"It‚Äôs üöÄ", "It’s 🚀"},                         // emoji whose F0 lead (Apple logo) was lost
		{"Mail \uf8ffüìß", "Mail 📧"},                     // emoji with the Apple logo kept
		{"Itâ€™s", "It’s"},                               // Windows-1252
		{"CafÃ©", "Café"},                                // Latin-1 range
		{"Ã¼ber MÃ¼nchen", "über München"},               // several runs
		{"Café ’ “quoted” – ok", "Café ’ “quoted” – ok"}, // clean text untouched
		{"naïve résumé", "naïve résumé"},
		{"日本語 テキスト", "日本語 テキスト"},
		{"plain ascii", "plain ascii"},
	} {
		got, changed := repairMojibake(c.in)
		if got != c.want {
			t.Errorf("repairMojibake(%q) = %q, want %q", c.in, got, c.want)
		}
		if changed != (c.in != c.want) {
			t.Errorf("repairMojibake(%q) changed = %v", c.in, changed)
		}
	}
}

// TestRepairRoundTrip garbles text through the real charmaps and expects
// the repair to undo it.
func TestRepairRoundTrip(t *testing.T) {
	for _, cm := range []*charmap.Charmap{charmap.Windows1252, charmap.Macintosh} {
		for _, s := range []string{"Zürich’s café — “déjà vu” 🚀", "Größe: 5 €"} {
			garbled, err := cm.NewDecoder().String(s)
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := repairMojibake(garbled); got != s {
				t.Errorf("%v: repair(%q) = %q, want %q", cm, garbled, got, s)
			}
		}
	}
}

func TestRepairText(t *testing.T) {
	for _, c := range []struct {
		in    string
		want  string
		warns []string
	}{
		{"\xEF\xBB\xBFtitle", "title", nil},
		{"a\r\nb\rc\n", "a\nb\nc\n", nil},
		{"M\xfcnchen \x93x\x94 \x80", "München “x” €", []string{WarnCP1252}},
		{"bad \x81 byte\xff", "bad  byteÿ", []string{WarnCP1252, WarnControls}},
		{"Itâ€™s\x1b[1m bold", "It’s bold", []string{WarnMojibake, WarnControls}},
		{"tab\tkept\nnewline", "tab\tkept\nnewline", nil},
	} {
		got, warns := repairText([]byte(c.in))
		if got != c.want || !slices.Equal(warns, c.warns) {
			t.Errorf("repairText(%q) = %q %q, want %q %q", c.in, got, warns, c.want, c.warns)
		}
	}
}

// TestNormalizeNewlinesSameAsReplace checks the one-pass newline repair
// against turning CRLF into LF, then every CR left into LF.
func TestNormalizeNewlinesSameAsReplace(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	alphabet := "\r\n\r\r\nab"
	for range 5000 {
		b := make([]byte, r.IntN(30))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(b)
		want := strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
		if got := normalizeNewlines(s); got != want {
			t.Fatalf("normalizeNewlines(%q) = %q, want %q", s, got, want)
		}
	}
}
