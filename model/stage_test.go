package model

import (
	"errors"
	"testing"
)

func TestParseStage(t *testing.T) {
	tests := []struct {
		in   string
		want Stage
		err  bool
	}{
		{"applied", StageApplied, false},
		{"APPLIED", StageApplied, false},
		{" offer ", StageOffer, false},
		{"app", StageApplied, false},
		{"interv", StageInterviewing, false},
		{"intere", StageInterested, false},
		{"g", StageGhosted, false},
		{"none", StageNone, false},
		{"int", StageNone, true}, // interested or interviewing
		{"", StageNone, true},    // every stage
		{"hired", StageNone, true},
	}
	for _, tt := range tests {
		got, err := ParseStage(tt.in)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("ParseStage(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
		if err != nil && !errors.Is(err, ErrUnknownStage) {
			t.Errorf("ParseStage(%q) error %v does not wrap ErrUnknownStage", tt.in, err)
		}
	}
}

func TestStageSteps(t *testing.T) {
	tests := []struct {
		s              Stage
		next, prev     Stage
		nextOK, prevOK bool
		closed, active bool
	}{
		{StageNone, StageInterested, StageNone, true, false, false, false},
		{StageInterested, StageApplied, StageInterested, true, false, false, true},
		{StageApplied, StageInterviewing, StageInterested, true, true, false, true},
		{StageOffer, StageAccepted, StageInterviewing, true, true, false, true},
		{StageAccepted, StageAccepted, StageOffer, false, true, false, true},
		{StageRejected, StageRejected, StageRejected, false, false, true, false},
		{StageGhosted, StageGhosted, StageGhosted, false, false, true, false},
	}
	for _, tt := range tests {
		n, nok := tt.s.Next()
		p, pok := tt.s.Prev()
		if n != tt.next || nok != tt.nextOK || p != tt.prev || pok != tt.prevOK {
			t.Errorf("%v: Next = %v %v, Prev = %v %v; want %v %v, %v %v", tt.s, n, nok, p, pok, tt.next, tt.nextOK, tt.prev, tt.prevOK)
		}
		if tt.s.IsClosed() != tt.closed || tt.s.IsActive() != tt.active {
			t.Errorf("%v: IsClosed %v IsActive %v", tt.s, tt.s.IsClosed(), tt.s.IsActive())
		}
	}
	all := Stages()
	if len(all) != 8 || all[0] != StageInterested || all[7] != StageGhosted {
		t.Errorf("Stages() = %v", all)
	}
	for _, s := range all {
		if back, err := ParseStage(s.String()); back != s || err != nil {
			t.Errorf("ParseStage(%v.String()) = %v, %v", s, back, err)
		}
	}
}
