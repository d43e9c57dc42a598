package loader

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A page read without its body finds a salary in what a reader sees,
// not in the numbers of its styles, scripts, tags and comments.
func TestPageSalaryFromVisibleText(t *testing.T) {
	style := "<style>.c{margin:0 4px;padding:80000px}</style><script>var pay = \"$999k\";</script>"
	for _, tc := range []struct {
		name, page string
		min, max   float64
	}{
		{"in a paragraph", "<html><head><title>Baker</title>" + style + "</head><body><h1>Baker</h1>" +
			"<p>Pay: <b>&pound;40,000</b> &ndash; <b>&pound;48,000</b> a year.</p></body></html>", 40000, 48000},
		{"only in markup", "<html><head><title>Baker</title>" + style + "<!-- $150k - $180k --></head><body>" +
			`<h1 data-pay="$120k">Baker</h1><p>We bake.</p></body></html>`, 0, 0},
		{"after end tags", "<p>Baker</p></div></section><p>Salary</p><p>$90k-$110k</p>", 90000, 110000},
		{"after many lines without digits", "<h1>Baker</h1>" + strings.Repeat("<p>We knead.</p>\n", 500) +
			"<p>Pay: $50k\n</p><p>–$60k</p>", 50000, 50000},
		{"past the window", "<h1>Baker</h1>" + strings.Repeat("<p>We knead the dough at night.</p>\n", 3000) +
			"<p>$90k-$110k</p>", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := parse("job.html", []byte(tc.page), false)
			if p.SalaryMin != tc.min || p.SalaryMax != tc.max {
				t.Errorf("salary %v–%v, want %v–%v", p.SalaryMin, p.SalaryMax, tc.min, tc.max)
			}
		})
	}
}

func TestHasDigit(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 11; pos++ {
			b := []byte(strings.Repeat("x", 11))
			b[pos] = byte(c)
			want := c >= '0' && c <= '9'
			if got := hasDigit(string(b)); got != want {
				t.Fatalf("hasDigit with byte %#x at %d = %v", c, pos, got)
			}
		}
	}
	if hasDigit("") || !hasDigit("\xff\x80/:9") || hasDigit("\xff\x80/:\x00\x7f\xb9\xc9") {
		t.Error("hasDigit on the edges")
	}
}

// FuzzVisibleText checks the lines addText keeps against their
// definition: the text joined whole (a tag read as a space, up to
// bodySalaryWindow bytes), then its lines that have a digit.
func FuzzVisibleText(f *testing.F) {
	for _, s := range []string{"a<b 1\nc<d\n2<", "x\n<\ny 3", strings.Repeat("pay 4\nno\n<", 9000), "<\n\n1<<2 <3\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		segs := strings.Split(page, "<")
		h := &pageHead{}
		var full []byte
		seen := 0
		for _, s := range segs {
			h.addText(s)
			if seen >= bodySalaryWindow || s == "" {
				continue
			}
			if seen > 0 && !isSpaceByte(s[0]) {
				full = append(full, ' ')
				seen++
			}
			s = s[:min(len(s), bodySalaryWindow-seen)]
			seen += len(s)
			full = append(full, s...)
		}
		var want strings.Builder
		for _, line := range strings.SplitAfter(string(full), "\n") {
			if strings.ContainsAny(line, "0123456789") {
				want.WriteString(line)
			}
		}
		if got := h.visibleText(); got != html.UnescapeString(want.String()) {
			t.Errorf("visible text %q, want %q", got, want.String())
		}
	})
}
