package model

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// maxJSONDepth bounds how deeply arrays and objects may nest in a state
// file, as encoding/json does, so skipping a hostile value cannot exhaust
// the stack.
const maxJSONDepth = 10000

// jsonScanner reads JSON from data in one pass without reflection, for the
// state file: it decodes strings, booleans and numbers where the caller
// knows the shape and skips (validating) any other value, returning its raw
// bytes. It accepts exactly what RFC 8259 allows, like encoding/json.
type jsonScanner struct {
	data []byte
	pos  int
}

// errSyntax is the error of a malformed document; jsonSyntaxError adds where.
var errSyntax = errors.New("invalid JSON")

// jsonSyntaxError describes a syntax error at offset off.
type jsonSyntaxError struct {
	msg string
	off int
}

func (e *jsonSyntaxError) Error() string { return e.msg }
func (e *jsonSyntaxError) Unwrap() error { return errSyntax }

func (s *jsonScanner) fail(format string, args ...any) error {
	return &jsonSyntaxError{msg: fmt.Sprintf(format, args...), off: s.pos}
}

// unexpected describes the byte at the current position.
func (s *jsonScanner) unexpected(context string) error {
	if s.pos >= len(s.data) {
		return s.fail("unexpected end of JSON input")
	}
	return s.fail("invalid character %s %s", quoteByte(s.data[s.pos]), context)
}

func quoteByte(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	q := strconv.Quote(string(rune(c)))
	return "'" + q[1:len(q)-1] + "'"
}

func (s *jsonScanner) skipSpace() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// peek returns the next non-space byte without consuming it, 0 at the end.
func (s *jsonScanner) peek() byte {
	s.skipSpace()
	if s.pos >= len(s.data) {
		return 0
	}
	return s.data[s.pos]
}

// consume eats c (after space) and reports whether it was there.
func (s *jsonScanner) consume(c byte) bool {
	if s.peek() == c {
		s.pos++
		return true
	}
	return false
}

// null eats a null literal if one comes next.
func (s *jsonScanner) null() (bool, error) {
	if s.peek() != 'n' {
		return false, nil
	}
	return true, s.literal("null")
}

func (s *jsonScanner) literal(word string) error {
	for i := 0; i < len(word); i++ {
		if s.pos >= len(s.data) || s.data[s.pos] != word[i] {
			return s.unexpected("in literal " + word)
		}
		s.pos++
	}
	return nil
}

// object reads an object, calling field for each key with the scanner
// positioned at its value; field must consume the value.
func (s *jsonScanner) object(field func(key string) error) error {
	if !s.consume('{') {
		return s.unexpected("looking for beginning of object")
	}
	if s.consume('}') {
		return nil
	}
	for {
		if s.peek() != '"' {
			return s.unexpected("looking for beginning of object key string")
		}
		key, err := s.str()
		if err != nil {
			return err
		}
		if !s.consume(':') {
			return s.unexpected("after object key")
		}
		s.skipSpace()
		if err := field(key); err != nil {
			return err
		}
		if s.consume(',') {
			continue
		}
		if s.consume('}') {
			return nil
		}
		return s.unexpected("after object key:value pair")
	}
}

// array reads an array, calling elem with the scanner at each element.
func (s *jsonScanner) array(elem func() error) error {
	if !s.consume('[') {
		return s.unexpected("looking for beginning of array")
	}
	if s.consume(']') {
		return nil
	}
	for {
		s.skipSpace()
		if err := elem(); err != nil {
			return err
		}
		if s.consume(',') {
			continue
		}
		if s.consume(']') {
			return nil
		}
		return s.unexpected("after array element")
	}
}

// str reads a string at the current position. Invalid UTF-8 and lone
// surrogates become U+FFFD, as encoding/json does.
func (s *jsonScanner) str() (string, error) {
	if s.pos >= len(s.data) || s.data[s.pos] != '"' {
		return "", s.unexpected("looking for beginning of string")
	}
	s.pos++
	start := s.pos
	for s.pos < len(s.data) { // fast path: plain ASCII, nothing to decode
		c := s.data[s.pos]
		if c == '"' {
			out := string(s.data[start:s.pos])
			s.pos++
			return out, nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		s.pos++
	}
	return s.strSlow(start)
}

// strSlow decodes the rest of a string whose content began at start.
func (s *jsonScanner) strSlow(start int) (string, error) {
	b := make([]byte, 0, s.pos-start+16)
	b = append(b, s.data[start:s.pos]...)
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return string(b), nil
		case c < 0x20:
			return "", s.fail("invalid character %s in string literal", quoteByte(c))
		case c == '\\':
			var err error
			if b, err = s.escape(b); err != nil {
				return "", err
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			s.pos++
		default:
			r, size := utf8.DecodeRune(s.data[s.pos:])
			b = utf8.AppendRune(b, r) // RuneError for a bad byte
			s.pos += size
		}
	}
	return "", s.fail("unexpected end of JSON input")
}

// escape decodes the escape sequence at s.pos (at the backslash) onto b.
func (s *jsonScanner) escape(b []byte) ([]byte, error) {
	s.pos++
	if s.pos >= len(s.data) {
		return nil, s.fail("unexpected end of JSON input")
	}
	c := s.data[s.pos]
	s.pos++
	switch c {
	case '"', '\\', '/':
		return append(b, c), nil
	case 'b':
		return append(b, '\b'), nil
	case 'f':
		return append(b, '\f'), nil
	case 'n':
		return append(b, '\n'), nil
	case 'r':
		return append(b, '\r'), nil
	case 't':
		return append(b, '\t'), nil
	case 'u':
		r, err := s.hex4()
		if err != nil {
			return nil, err
		}
		if utf16.IsSurrogate(r) {
			r = s.lowSurrogate(r)
		}
		return utf8.AppendRune(b, r), nil
	}
	s.pos--
	return nil, s.unexpected("in string escape code")
}

// lowSurrogate pairs the high surrogate hi with a following \uXXXX low
// surrogate, consuming it; a lone surrogate is U+FFFD.
func (s *jsonScanner) lowSurrogate(hi rune) rune {
	save := s.pos
	if s.pos+1 < len(s.data) && s.data[s.pos] == '\\' && s.data[s.pos+1] == 'u' {
		s.pos += 2
		if lo, err := s.hex4(); err == nil {
			if r := utf16.DecodeRune(hi, lo); r != utf8.RuneError {
				return r
			}
		}
	}
	s.pos = save
	return utf8.RuneError
}

func (s *jsonScanner) hex4() (rune, error) {
	if s.pos+4 > len(s.data) {
		s.pos = len(s.data)
		return 0, s.fail("unexpected end of JSON input")
	}
	var r rune
	for i := 0; i < 4; i++ {
		c := s.data[s.pos]
		var v byte
		switch {
		case '0' <= c && c <= '9':
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, s.unexpected("in \\u hexadecimal character escape")
		}
		r = r<<4 | rune(v)
		s.pos++
	}
	return r, nil
}

// boolean reads true or false.
func (s *jsonScanner) boolean() (bool, error) {
	switch s.peek() {
	case 't':
		return true, s.literal("true")
	case 'f':
		return false, s.literal("false")
	}
	return false, s.unexpected("looking for a boolean")
}

// number reads a number and returns its text.
func (s *jsonScanner) number() ([]byte, error) {
	start := s.pos
	if s.pos < len(s.data) && s.data[s.pos] == '-' {
		s.pos++
	}
	switch {
	case s.pos < len(s.data) && s.data[s.pos] == '0':
		s.pos++
	case s.digits() == 0:
		return nil, s.unexpected("in numeric literal")
	}
	if s.pos < len(s.data) && s.data[s.pos] == '.' {
		s.pos++
		if s.digits() == 0 {
			return nil, s.unexpected("after decimal point in numeric literal")
		}
	}
	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		s.pos++
		if s.pos < len(s.data) && (s.data[s.pos] == '+' || s.data[s.pos] == '-') {
			s.pos++
		}
		if s.digits() == 0 {
			return nil, s.unexpected("in exponent of numeric literal")
		}
	}
	return s.data[start:s.pos], nil
}

func (s *jsonScanner) digits() int {
	n := 0
	for s.pos < len(s.data) && '0' <= s.data[s.pos] && s.data[s.pos] <= '9' {
		s.pos++
		n++
	}
	return n
}

// skip reads any value at the current position (space skipped) and
// returns its raw bytes.
func (s *jsonScanner) skip() ([]byte, error) {
	s.skipSpace()
	start := s.pos
	if err := s.skipValue(0); err != nil {
		return nil, err
	}
	return s.data[start:s.pos], nil
}

func (s *jsonScanner) skipValue(depth int) error {
	if depth > maxJSONDepth {
		return s.fail("exceeded max depth")
	}
	switch s.peek() {
	case '{':
		return s.object(func(string) error { return s.skipValue(depth + 1) })
	case '[':
		return s.array(func() error { return s.skipValue(depth + 1) })
	case '"':
		return s.skipString()
	case 't':
		return s.literal("true")
	case 'f':
		return s.literal("false")
	case 'n':
		return s.literal("null")
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		_, err := s.number()
		return err
	}
	return s.unexpected("looking for beginning of value")
}

// skipString validates a string without building it.
func (s *jsonScanner) skipString() error {
	s.pos++ // the opening quote
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return nil
		case c < 0x20:
			return s.fail("invalid character %s in string literal", quoteByte(c))
		case c == '\\':
			if _, err := s.escape(nil); err != nil {
				return err
			}
		default:
			s.pos++
		}
	}
	return s.fail("unexpected end of JSON input")
}

// end checks that only space follows the top-level value.
func (s *jsonScanner) end() error {
	if s.skipSpace(); s.pos < len(s.data) {
		return s.unexpected("after top-level value")
	}
	return nil
}
