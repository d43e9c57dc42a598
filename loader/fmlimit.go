package loader

import (
	"errors"
	"fmt"
)

// Bounds on the frontmatter handed to the YAML, TOML and JSON parsers,
// checked by a linear scan before any of them sees the text.
// BurntSushi/toml recurses once per nested array or inline table and
// rebuilds the key path of every value, for each of the key's parts
// (quadratic in the parts of a dotted key or [table] header, cubic in
// nested inline tables): its bounds are tighter.
const (
	// MaxFrontmatterDepth is the deepest YAML or JSON parsed: brackets and
	// braces, plus YAML block levels.
	MaxFrontmatterDepth = 32
	// MaxFrontmatterSize is the largest YAML or JSON frontmatter handed to
	// the full parsers (flat frontmatter, read by the linear hand-written
	// readers, is not limited).
	MaxFrontmatterSize = 256 << 10
	// MaxTOMLKeyPath is the longest TOML key path: the parts of the
	// [table] header, plus the arrays and inline tables open around the
	// value, plus the parts of its dotted key.
	MaxTOMLKeyPath = 8
	// MaxTOMLSize is the largest TOML frontmatter handed to the parser.
	MaxTOMLSize = 64 << 10
)

// WarnNotParsed starts the warning of frontmatter over a bound; the
// posting then loads from its raw text.
const WarnNotParsed = "frontmatter not parsed"

// ErrFrontmatterLimit is wrapped by the error for frontmatter over
// MaxFrontmatterDepth or MaxFrontmatterSize.
var ErrFrontmatterLimit = errors.New("frontmatter over a bound")

// limitError says which bound frontmatter is over.
type limitError struct{ what string }

func (e *limitError) Error() string { return e.what }

func (e *limitError) Unwrap() error { return ErrFrontmatterLimit }

func errTooDeep(limit int) error {
	return &limitError{fmt.Sprintf("nested deeper than %d levels", limit)}
}

// bounded returns decode behind a size check (at most maxSize bytes) and
// the depth scan check: the decoder only ever sees frontmatter within the
// bounds. What it decodes into a *map[string]any is checked again for
// depth (YAML aliases nest what the scan saw apart), so the code that reads
// the fields never goes deeper than MaxFrontmatterDepth either.
func bounded(maxSize int, check func([]byte) error, decode func([]byte, any) error) func([]byte, any) error {
	return func(data []byte, v any) error {
		if len(data) > maxSize {
			return &limitError{"larger than " + humanBytes(int64(maxSize))}
		}
		if err := check(data); err != nil {
			return err
		}
		if err := decode(data, v); err != nil {
			return err
		}
		if mp, ok := v.(*map[string]any); ok && valueDepth(*mp, MaxFrontmatterDepth) > MaxFrontmatterDepth {
			clear(*mp)
			return errTooDeep(MaxFrontmatterDepth)
		}
		return nil
	}
}

// valueDepth returns how deep decoded frontmatter nests (a scalar is 0, a
// flat map 1), or limit+1 when that is deeper than limit. It does not
// recurse.
func valueDepth(v any, limit int) int {
	type item struct {
		v     any
		depth int
	}
	deepest := 0
	var stack [64]item // most frontmatter fits: no allocation
	todo := append(stack[:0], item{v, 0})
	for len(todo) > 0 {
		it := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		d := it.depth + 1
		switch x := it.v.(type) {
		case map[string]any:
			for _, k := range x {
				todo = append(todo, item{k, d})
			}
		case map[any]any:
			for _, k := range x {
				todo = append(todo, item{k, d})
			}
		case []any:
			for _, k := range x {
				todo = append(todo, item{k, d})
			}
		case []map[string]any:
			for _, k := range x {
				todo = append(todo, item{k, d})
			}
		default:
			continue
		}
		if deepest = max(deepest, d); deepest > limit {
			return limit + 1
		}
	}
	return deepest
}
