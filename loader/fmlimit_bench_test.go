package loader

import (
	"strconv"
	"strings"
	"testing"
)

// worstFrontmatter returns frontmatter just within the bounds that costs
// the parsers most per byte, by opening delimiter and shape: TOML keys
// and headers of the most parts (the parser rebuilds the key path for
// each part), nested inline tables and arrays, and the deepest YAML and
// JSON, each repeated up to its format's size cap.
func worstFrontmatter() map[string]string {
	fill := func(size int, head string, unit func(i int) string) string {
		var sb strings.Builder
		sb.WriteString(head)
		for i := 0; ; i++ {
			u := unit(i)
			if sb.Len()+len(u) > size-16 {
				return sb.String()
			}
			sb.WriteString(u)
		}
	}
	k := func(i int) string { return "k" + strconv.Itoa(i) }
	dotted := func(n, i int) string { return strings.Repeat("a.", n-1) + k(i) }
	nest := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "1" + strings.Repeat(close, n)
	}
	t, d := MaxTOMLKeyPath, MaxFrontmatterDepth
	return map[string]string{
		"+++ toml dotted keys": fill(MaxTOMLSize, "", func(i int) string { return dotted(t, i) + " = 1\n" }),
		"+++ toml headers":     fill(MaxTOMLSize, "", func(i int) string { return "[" + dotted(t, i) + "]\n" }),
		"+++ toml header and dotted keys": fill(MaxTOMLSize, "["+dotted(t/2, 0)+"]\n",
			func(i int) string { return dotted(t/2, i) + " = 1\n" }),
		"+++ toml inline tables": fill(MaxTOMLSize, "", func(i int) string { return k(i) + " = " + nest("{a=", "}", t-1) + "\n" }),
		"+++ toml arrays":        fill(MaxTOMLSize, "", func(i int) string { return k(i) + " = " + nest("[", "]", t-1) + "\n" }),
		"--- yaml flow":          fill(MaxFrontmatterSize, "", func(i int) string { return k(i) + ": " + nest("[", "]", d-1) + "\n" }),
		"--- yaml blocks": fill(MaxFrontmatterSize, "k:\n", func(i int) string {
			return strings.Repeat("  ", i%(d-1)+1) + k(i) + ":\n"
		}),
		";;; json": "{" + fill(MaxFrontmatterSize, "", func(i int) string { return `"` + k(i) + `":` + nest("[", "]", d-1) + ",\n" }) + `"z":1}`,
	}
}

// BenchmarkWorstFrontmatter parses each worst case as a whole posting: the
// cost of the most expensive frontmatter the loader parses.
func BenchmarkWorstFrontmatter(b *testing.B) {
	for name, fm := range worstFrontmatter() {
		delim, shape, _ := strings.Cut(name, " ")
		data := []byte(delim + "\n" + fm + "\n" + delim + "\n\nbody\n")
		b.Run(strings.ReplaceAll(shape, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				p := Parse("x.md", data)
				for _, w := range p.Warnings() {
					if strings.HasPrefix(w, WarnNotParsed) || strings.HasPrefix(w, WarnMalformed) {
						b.Fatalf("refused: %s", w)
					}
				}
			}
		})
	}
}
