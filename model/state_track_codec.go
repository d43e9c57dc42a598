package model

import (
	"encoding/json"
	"strings"
	"time"
)

// trackKeys are the version 2 fields of a posting's object, sorted.
var trackKeys = [...]string{stateKeyFollowUp, stateKeyHistory, stateKeyStage}

// hasTrackKey reports whether extra holds one of trackKeys.
func hasTrackKey(extra map[string]json.RawMessage) bool {
	for _, k := range trackKeys {
		if _, ok := extra[k]; ok {
			return true
		}
	}
	return false
}

// resolveTrack gives the fields named in trackKeys, which decodeEntry
// keeps raw in e.extra, their meaning once the file's version is known: in
// a version 1 file they are unknown fields kept as "v1_" + name (replacing
// a field of that name); from version 2 on they are decoded and checked
// into Stage, History and FollowUp. It returns why they are not usable.
func resolveTrack(e *Entry, version int) error {
	var tj trackJSON
	for _, k := range trackKeys {
		raw, ok := e.extra[k]
		if !ok {
			continue
		}
		delete(e.extra, k)
		if version < 2 {
			e.extra[v1FieldPrefix+k] = raw
			continue
		}
		if err := decodeTrackField(&tj, k, raw); err != nil {
			return err
		}
	}
	if len(e.extra) == 0 {
		e.extra = nil
	}
	if version < 2 {
		return nil
	}
	return tj.apply(e)
}

// decodeTrackField decodes the raw value of version 2 field k into tj, as
// encoding/json would into the field's Go type.
func decodeTrackField(tj *trackJSON, k string, raw []byte) error {
	sc := jsonScanner{data: raw}
	var ok bool
	var err error
	switch k {
	case stateKeyStage:
		ok, err = decodeString(&sc, &tj.Stage)
	case stateKeyFollowUp:
		ok, err = decodeString(&sc, &tj.FollowUp)
	default:
		ok, err = decodeHistory(&sc, &tj.History)
	}
	if err == nil && !ok {
		err = errWrongType(k, raw)
	}
	return err
}

// decodeHistory reads an array of {"stage","at"} objects (null is none; a
// null element is a record with neither, which apply refuses).
func decodeHistory(sc *jsonScanner, dst *[]stageChangeJSON) (ok bool, err error) {
	return decodeArray(sc, dst, decodeStageChange, nil)
}

// decodeStageChange reads one history record. As encoding/json does for a
// struct, keys match case-insensitively, unknown keys are ignored and a
// null value leaves the field as it was.
func decodeStageChange(sc *jsonScanner, c *stageChangeJSON) (ok bool, err error) {
	if null, err := sc.null(); null || err != nil {
		return true, err
	}
	if sc.peek() != '{' {
		_, err := sc.skip()
		return false, err
	}
	ok = true
	err = sc.object(func(key string) error {
		var dst *string
		switch {
		case strings.EqualFold(key, "stage"):
			dst = &c.Stage
		case strings.EqualFold(key, "at"):
			dst = &c.At
		default:
			_, err := sc.skip()
			return err
		}
		if null, err := sc.null(); null || err != nil {
			return err
		}
		good, err := decodeString(sc, dst)
		ok = ok && good
		return err
	})
	return ok, err
}

// appendTrackKnown appends the value of version 2 field k of e.
func appendTrackKnown(b []byte, e Entry, k string) []byte {
	switch k {
	case stateKeyStage:
		return appendJSONString(b, e.Stage.String())
	case stateKeyFollowUp:
		return appendJSONString(b, e.FollowUp.Format(dayLayout))
	}
	b = append(b, '[')
	for i, c := range e.History {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"stage":`...)
		b = appendJSONString(b, c.Stage.String())
		b = append(b, `,"at":"`...)
		b = clampStateTime(c.At).AppendFormat(b, time.RFC3339Nano)
		b = append(b, `"}`...)
	}
	return append(b, ']')
}
