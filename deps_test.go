package main

import (
	"testing"

	_ "github.com/charmbracelet/x/exp/teatest/v2"
)

func TestDeps(t *testing.T) {}
