package loader

import (
	"bytes"
	"strings"
)

// The scans below measure how deep frontmatter nests, in one pass and
// without recursion, so that the recursive parsers never see more than
// their bound (MaxFrontmatterDepth, MaxTOMLKeyPath). They may count too much on odd but valid
// input (such text is then refused, and loads as raw text); they must not
// count less than the parser will nest.

// checkJSONDepth refuses JSON whose arrays and objects nest deeper than
// MaxFrontmatterDepth.
func checkJSONDepth(b []byte) error {
	depth := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			i = skipQuoted(b, i, '"', true)
		case '[', '{':
			if depth++; depth > MaxFrontmatterDepth {
				return errTooDeep(MaxFrontmatterDepth)
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return nil
}

// skipQuoted returns the index of the quote closing the string opened at
// b[i] (or of the line end, or len(b)), skipping backslash escapes when
// escapes is set.
func skipQuoted(b []byte, i int, quote byte, escapes bool) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			if escapes {
				i++
			}
		case quote, '\n':
			return i
		}
	}
	return i
}

// checkTOMLDepth refuses TOML whose key paths are longer than
// MaxTOMLKeyPath: the parts of the [table] header, plus the parts of the
// keys and the arrays open around a value, plus the parts of its own key —
// how deep the decoded value nests. That bounds the key path the parser
// builds for each value and its recursion depth.
func checkTOMLDepth(b []byte) error {
	var open []tomlOpen
	depth := 0  // the parts of the [table] header, plus what open adds
	key := true // reading a key (else a value)
	parts := 0  // parts of the key read so far, or of the key whose value starts
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case ' ', '\t', '\r':
			continue
		case '\n':
			if len(open) == 0 {
				key, parts = true, 0
			}
			continue
		case '#':
			i = lineEnd(b, i) - 1
			continue
		}
		switch {
		case key && c == '[' && parts == 0 && len(open) == 0:
			n, end := tomlHeader(b, i)
			if n > MaxTOMLKeyPath {
				return errTooDeep(MaxTOMLKeyPath)
			}
			depth, i, key = n, end, false
		case c == '"' || c == '\'':
			i = skipTOMLString(b, i) - 1
			if key {
				parts = max(parts, 1)
			}
		case key && c == '.':
			parts++
		case key && c == '=':
			parts = max(parts, 1)
			if depth+parts > MaxTOMLKeyPath {
				return errTooDeep(MaxTOMLKeyPath)
			}
			key = false
		case (c == '[' || c == '{') && !key:
			// An array is a level below its key; an inline table is the
			// level its key names (one at least, in an array).
			adds := parts + 1
			if c == '{' {
				adds = max(parts, 1)
			}
			open = append(open, tomlOpen{table: c == '{', adds: adds})
			if depth += adds; depth > MaxTOMLKeyPath {
				return errTooDeep(MaxTOMLKeyPath)
			}
			key, parts = c == '{', 0
		case c == ']' || c == '}':
			if len(open) > 0 {
				depth -= open[len(open)-1].adds
				open = open[:len(open)-1]
			}
			key, parts = false, 0
		case c == ',':
			key = len(open) > 0 && open[len(open)-1].table
			parts = 0
		case key:
			parts = max(parts, 1)
		default:
			parts = 0 // a scalar value
		}
	}
	return nil
}

// tomlOpen is an array or inline table open in checkTOMLDepth, with the
// parts it adds to the key path: its key's, and one for itself.
type tomlOpen struct {
	table bool
	adds  int
}

// tomlHeader reads the [table] or [[array of tables]] header opening at
// b[i]: its number of parts and the index of its last byte.
func tomlHeader(b []byte, i int) (parts, end int) {
	parts = 1
	for i++; i < len(b); i++ {
		switch b[i] {
		case '"', '\'':
			i = skipTOMLString(b, i) - 1
		case '.':
			parts++
		case ']':
			if i+1 < len(b) && b[i+1] == ']' {
				i++
			}
			return parts, i
		case '\n':
			return parts, i - 1
		}
	}
	return parts, i
}

// skipTOMLString returns the index after the string opening at b[i]:
// basic (with escapes) or literal on one line, or multi-line between
// three quotes (which may end with up to two more quotes). An unclosed
// one-line string ends at its line end.
func skipTOMLString(b []byte, i int) int {
	q := b[i]
	triple := []byte{q, q, q}
	if !bytes.HasPrefix(b[i:], triple) {
		end := skipQuoted(b, i, q, q == '"')
		if end < len(b) && b[end] == q {
			end++
		}
		return end
	}
	for j := i + 3; j < len(b); j++ {
		switch {
		case b[j] == '\\' && q == '"':
			j++
		case bytes.HasPrefix(b[j:], triple):
			j += 3
			for n := 0; n < 2 && j < len(b) && b[j] == q; n++ {
				j++
			}
			return j
		}
	}
	return len(b)
}

// lineEnd returns the index of the newline at or after i, or len(b).
func lineEnd(b []byte, i int) int {
	if n := bytes.IndexByte(b[i:], '\n'); n >= 0 {
		return i + n
	}
	return len(b)
}

// yamlNode is a block collection open in the YAML scan: a sequence or a
// mapping whose entries start at column col.
type yamlNode struct {
	col int
	seq bool
}

// yamlScan is the state of checkYAMLDepth between lines.
type yamlScan struct {
	nodes []yamlNode // open block collections, outermost first
	flow  int        // open flow collections ([ and {), which may span lines
	quote byte       // the quote of a scalar still open at the line end
	block int        // indentation of the line that opened a block scalar; -1 if none
	start bool       // at the start of a scalar, where a quote opens a quoted one
	plain bool       // the last line ended inside a plain scalar (block context)
}

// checkYAMLDepth refuses YAML whose block collections (by indentation and
// "- " items) plus flow collections nest deeper than MaxFrontmatterDepth.
// (gopkg.in/yaml.v2 scans without recursion and itself refuses more than
// 10,000 levels; its decoder recurses once per level.)
func checkYAMLDepth(b []byte) error {
	s := yamlScan{block: -1}
	for len(b) > 0 {
		end := lineEnd(b, 0)
		line := b[:end]
		b = b[min(end+1, len(b)):]
		if err := s.line(line); err != nil {
			return err
		}
	}
	return nil
}

// line scans one line.
func (s *yamlScan) line(line []byte) error {
	indent := 0
	for indent < len(line) && line[indent] == ' ' {
		indent++
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return nil
	}
	if s.block >= 0 {
		if indent > s.block {
			return nil // block scalar content
		}
		s.block = -1
	}
	if t := string(bytes.TrimRight(line, " \t")); t == "---" || t == "..." || strings.HasPrefix(t, "--- ") {
		*s = yamlScan{block: -1, start: true} // a new document
		return s.inline(line, min(len(line), 3), 0)
	}
	i := indent
	if s.quote == 0 && s.flow == 0 {
		if s.plain && indent > s.parentCol() {
			return nil // a plain scalar going on: text
		}
		if line[i] == '#' {
			s.plain = false
			return nil
		}
		i = s.structure(line, indent)
		if len(s.nodes) > MaxFrontmatterDepth {
			return errTooDeep(MaxFrontmatterDepth)
		}
		s.start = true
	}
	return s.inline(line, i, indent)
}

// parentCol is the column of the innermost open block collection, -1 at
// the top.
func (s *yamlScan) parentCol() int {
	if len(s.nodes) == 0 {
		return -1
	}
	return s.nodes[len(s.nodes)-1].col
}

// structure updates the open block collections for a line starting at
// column indent and returns where the line's content starts (after its
// "- " and "? " indicators).
func (s *yamlScan) structure(line []byte, indent int) int {
	for len(s.nodes) > 0 && s.nodes[len(s.nodes)-1].col > indent {
		s.nodes = s.nodes[:len(s.nodes)-1]
	}
	i, col := indent, indent
	for i < len(line) && (line[i] == '-' || line[i] == '?') && (i+1 == len(line) || line[i+1] == ' ') {
		if top := s.top(); top == nil || top.col != col || !top.seq {
			s.nodes = append(s.nodes, yamlNode{col: col, seq: true})
		}
		for i++; i < len(line) && line[i] == ' '; i++ {
		}
		col = i
	}
	if yamlHasKey(line[i:]) {
		if top := s.top(); top != nil && top.col == col && top.seq && col == indent {
			s.nodes = s.nodes[:len(s.nodes)-1] // a key ends the sequence at its column
		}
		if top := s.top(); top == nil || top.col != col || top.seq {
			s.nodes = append(s.nodes, yamlNode{col: col})
		}
	}
	return i
}

func (s *yamlScan) top() *yamlNode {
	if len(s.nodes) == 0 {
		return nil
	}
	return &s.nodes[len(s.nodes)-1]
}

// yamlHasKey reports a "key:" in b: a colon followed by a space or the
// line end, outside quotes, brackets and comments.
func yamlHasKey(b []byte) bool {
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case (c == '"' || c == '\'') && i == 0:
			i = skipQuoted(b, i, c, c == '"')
		case c == '#' && (i == 0 || b[i-1] == ' '):
			return false
		case c == '[' || c == '{':
			return false
		case c == ':' && (i+1 == len(b) || b[i+1] == ' ' || b[i+1] == '\t'):
			return true
		}
	}
	return false
}

// inline scans the rest of a line from b[i] for quoted scalars, flow
// collections, comments and block scalar indicators.
func (s *yamlScan) inline(line []byte, i, indent int) error {
	s.plain = false
	for ; i < len(line); i++ {
		c := line[i]
		if s.quote != 0 {
			switch {
			case s.quote == '"' && c == '\\':
				i++
			case c == s.quote && s.quote == '\'' && i+1 < len(line) && line[i+1] == '\'':
				i++
			case c == s.quote:
				s.quote, s.start = 0, false
			}
			continue
		}
		next := byte(' ')
		if i+1 < len(line) {
			next = line[i+1]
		}
		switch {
		case c == ' ' || c == '\t':
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			s.plain = false
			return nil
		case s.start && (c == '"' || c == '\''):
			s.quote = c
		case s.start && (c == '&' || c == '!'): // anchor or tag: a scalar may follow
			for i+1 < len(line) && line[i+1] != ' ' {
				i++
			}
		case s.start && s.flow == 0 && (c == '|' || c == '>'):
			s.block = indent
			return nil
		case (c == '[' || c == '{') && (s.start || s.flow > 0):
			s.flow++
			if len(s.nodes)+s.flow > MaxFrontmatterDepth {
				return errTooDeep(MaxFrontmatterDepth)
			}
			s.start, s.plain = true, false
		case (c == ']' || c == '}') && s.flow > 0:
			s.flow--
			s.start, s.plain = false, false
		case c == ',' && s.flow > 0:
			s.start, s.plain = true, false
		case c == ':' && (next == ' ' || next == '\t' || s.flow > 0):
			s.start, s.plain = true, false
		case (c == '-' || c == '?') && s.start && next == ' ':
		default:
			s.start = false
			s.plain = s.flow == 0
		}
	}
	return nil
}
