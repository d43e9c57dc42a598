package loader

import (
	"testing"
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
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := parse("job.html", []byte(tc.page), false)
			if p.SalaryMin != tc.min || p.SalaryMax != tc.max {
				t.Errorf("salary %v–%v, want %v–%v", p.SalaryMin, p.SalaryMax, tc.min, tc.max)
			}
		})
	}
}
