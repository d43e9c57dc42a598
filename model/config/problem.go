package config

import (
	"errors"
	"fmt"
	"strings"
)

// The kinds of problem a config file can have; a [Problem] wraps one, so
// callers test its kind with errors.Is.
var (
	ErrSyntax     = errors.New("syntax error")
	ErrUnknownKey = errors.New("unknown key")
	ErrType       = errors.New("wrong type")
	ErrValue      = errors.New("bad value")
	ErrColor      = errors.New("not a colour")
	ErrFile       = errors.New("unreadable file")
)

// Problem is one thing wrong in a config file: where it is and what. The
// setting it concerns keeps its default.
type Problem struct {
	File string // the config file's path
	Line int    // 1-based; 0 when the problem has no line (the file is unreadable)
	Key  string // the dotted key, e.g. "theme.accent"; "" for a syntax error
	Msg  string // what is wrong, for a person
	Kind error  // ErrSyntax, ErrUnknownKey, ...; or a keymap error
}

// Error returns "FILE:LINE: KEY: MSG", leaving out what is unknown.
func (p Problem) Error() string {
	var parts []string
	if p.File != "" {
		where := p.File
		if p.Line > 0 {
			where += fmt.Sprintf(":%d", p.Line)
		}
		parts = append(parts, where)
	}
	if p.Key != "" {
		parts = append(parts, p.Key)
	}
	return strings.Join(append(parts, p.Msg), ": ")
}

// Unwrap returns the problem's kind.
func (p Problem) Unwrap() error { return p.Kind }
