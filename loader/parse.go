package loader

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"strings"
	"unsafe"

	"github.com/jobdeck/jobdeck/model"
)

// Warnings about frontmatter.
const (
	WarnMalformed = "malformed frontmatter" // starts the warning for frontmatter that did not decode
	WarnUnclosed  = "frontmatter not closed"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// Parse parses one file's bytes into a Posting (pure; no I/O). name is the
// file path, used for the title fallback and the extension: ".md" and
// ".markdown" bodies are markdown; ".txt" (and anything else) is plain text
// converted to markdown, unless it has frontmatter or opens with a "# "
// heading. Parse never panics; every field and the body are valid UTF-8
// without control characters (the body keeps \n and \t), escape sequences
// or bidi controls. Path, Source and SourcePath are left for the caller.
func Parse(name string, data []byte) *model.Posting {
	return parse(name, data, true)
}

// parse is Parse; with wantBody false it skips building the body (the
// metadata and the ID are the same).
func parse(name string, data []byte, wantBody bool) *model.Posting {
	return parseFile(name, data, wantBody, scan(data), nil, DefaultMaxBody, nil)
}

// parseScanned is parse for data already scanned (the walk's sniff does
// the scan, so the bytes are read once).
func parseScanned(name string, data []byte, wantBody bool, info scanInfo) *model.Posting {
	return parseScannedWith(name, data, wantBody, info, nil, nil)
}

// parseScannedWith is parseScanned with the user's aliases al (nil: the
// built-in ones only), and the salaries and shared texts of the files
// parsed before taken from m (see [recordMemo]; nil: none).
func parseScannedWith(name string, data []byte, wantBody bool, info scanInfo, al *aliasSet, m *recordMemo) *model.Posting {
	return parseScannedAs(name, data, wantBody, false, info, al, m)
}

// parseScannedAs is parseScannedWith; with bodyOnly (and wantBody) it
// skips what the body does not depend on (the ID, the salary, the shared
// texts, Remote; see [finishBody]) and reads the text in place, without a
// copy: then only p.Body is meaningful — the body a full parse gives —
// and it may share data's memory (see [bodyOf]).
func parseScannedAs(name string, data []byte, wantBody, bodyOnly bool, info scanInfo, al *aliasSet, m *recordMemo) (p *model.Posting) {
	defer func() {
		if r := recover(); r != nil {
			p = &model.Posting{ID: contentID(data), Title: titleFromName(name)}
			p.SetWarnings([]string{cleanField(fmt.Sprintf("parser error: %v", r))})
		}
	}()
	text, warns := repairScanned(data, info, !wantBody || bodyOnly)
	p = m.newPosting()
	p.AddWarnings(warns...)
	fm, body, kind, err := splitFrontmatter(text)
	raw := applyFrontmatter(p, text, fm, kind, err, al, m)
	// Unclosed frontmatter that does not decode may be no frontmatter at
	// all: the text is then read as it would be without it.
	markdown := raw || kind == fmFound || isMarkdownName(name)
	if !markdown && kind != fmMalformed {
		if l, _ := firstLine(body); strings.HasPrefix(l, "# ") {
			markdown = true
		}
	}
	if kind == fmNone {
		applyHNLine(p, body)
	}
	if kind != fmFound {
		scanKeyValues(body, 12, al, setIfEmpty(p))
		if p.Company == "" {
			if c := guessCompany(body); c != "" {
				p.Company = cleanField(c)
				p.AddWarnings(WarnGuessedCompany + ": " + p.Company)
			}
		}
	}
	titleLine := -1
	if p.Title == "" {
		if markdown && !(raw && kind == fmUnclosed) { // all of the text is frontmatter: "# " is a comment
			p.Title = markdownTitle(body)
		}
		if p.Title == "" {
			p.Title, titleLine = plainTitle(body)
		}
		if p.Title == "" {
			p.Title = titleFromName(name)
		}
	} else if !markdown && wantBody {
		if t, i := plainTitle(body); t == p.Title {
			titleLine = i
		}
	}
	if wantBody {
		switch {
		case raw:
			// Keep the raw frontmatter visible, fenced so that markdown
			// does not turn its lines into headings.
			block, rest, _ := splitBlock(text)
			f := fenceFor(block)
			p.Body = f + "\n" + strings.TrimRight(block, "\n") + "\n" + f + "\n\n" + trimBlankLines(rest)
		case markdown && bodyOnly:
			p.Body = trimBlankLinesShared(body)
		case markdown:
			p.Body = trimBlankLines(body)
		default:
			p.Body = plainBodyToMarkdown(body, titleLine)
		}
	}
	if bodyOnly {
		finishBody(p)
	} else {
		textOf := func() string { return text }
		finishPostingMemo(p, textOf, textOf, wantBody, m)
	}
	return p
}

// applyFrontmatter fills p from what splitFrontmatter found and adds the
// warnings it calls for. raw reports that the body is to show the
// frontmatter as it is, fenced: it is malformed, over a bound, or unclosed
// (and decoded from what there is of it). Frontmatter that did not decode
// still gives what its "key: value" and "key = value" lines hold. Keys are
// read with the user's aliases al (nil: the built-in ones only); m, when
// set, lends the list the values are read from (see fmFields.values).
func applyFrontmatter(p *model.Posting, text string, fm fmFields, kind fmKind, err error, al *aliasSet, m *recordMemo) (raw bool) {
	switch kind {
	case fmNone:
		return false
	case fmFound:
		applyFieldsFrom(p, fm.values(al, m), al)
		return false
	case fmUnclosed:
		p.AddWarnings(WarnUnclosed)
		if err == nil {
			applyFieldsFrom(p, fm.values(al, m), al)
			return true
		}
	}
	limit := errors.Is(err, ErrFrontmatterLimit)
	if kind == fmMalformed || limit {
		p.AddWarnings(frontmatterWarning(err))
	}
	block, _, _ := splitBlock(text)
	scanKeyValues(block, 60, al, setIfEmpty(p))
	scanTOMLKeyValues(block, 60, al, setIfEmpty(p))
	return kind == fmMalformed || limit
}

// frontmatterWarning is the warning for frontmatter that did not decode.
func frontmatterWarning(err error) string {
	if errors.Is(err, ErrFrontmatterLimit) {
		return WarnNotParsed + ": " + err.Error()
	}
	return cleanField(WarnMalformed + ": " + shortErr(err))
}

// setSalary fills the parsed salary fields of p from its Salary field or,
// when that has none, from text (see [ParseSalary]). text may alias a
// reused read buffer: nothing of it is kept.
func setSalary(p *model.Posting, text string) {
	s, ok := ParseSalary(p.Salary, text)
	putSalary(p, s, ok)
}

// putSalary fills the parsed salary fields of p from s when ok.
func putSalary(p *model.Posting, s Salary, ok bool) {
	if ok {
		p.SalaryMin, p.SalaryMax = s.Min, s.Max
		p.SalaryCurrency, _ = model.CurrencyOf(s.Currency)
		p.SalaryPeriod, _ = model.PeriodOf(string(s.Period))
	}
}

// repairText turns file bytes into clean text: BOM removed, non-UTF-8 read
// as Windows-1252, newlines normalized, mojibake undone, controls removed;
// with a warning for each repair that happened.
func repairText(data []byte) (string, []string) {
	return repairScanned(data, scan(data), false)
}

// scanInfo is what one pass over a file's bytes learned: its flags,
// whether it is valid UTF-8 and, when it is, where the runs of non-ASCII
// runes lie that the mojibake repair may change or that hold a control it
// flags (see scanRuns).
type scanInfo struct {
	f      textFlags
	valid  bool
	lo, hi int
}

func scan(data []byte) scanInfo {
	var hm highMasks
	f := scanTextMasks(data, &hm)
	info := scanInfo{f: f, valid: true}
	if f.high {
		info.valid, info.lo, info.hi = scanRuns(data, &hm)
	}
	return info
}

// repairScanned is repairText for data already scanned. With borrow, a
// text that needs no repair is a view of data instead of a copy: the
// caller must then keep no substring of it (fields go through cleanField,
// which copies) and must not change data while it uses the text.
func repairScanned(data []byte, info scanInfo, borrow bool) (string, []string) {
	var warns []string
	f := info.f
	var text string
	switch {
	case !info.valid:
		text = decodeCP1252(bytes.TrimPrefix(data, bom))
		warns = append(warns, WarnCP1252)
	case borrow:
		text = strings.TrimPrefix(unsafe.String(unsafe.SliceData(data), len(data)), "\uFEFF")
	case !f.high:
		text = string(data)
	default:
		text = strings.TrimPrefix(string(bytes.TrimPrefix(data, bom)), "\uFEFF")
	}
	if f.cr {
		text = normalizeNewlines(text)
	}
	special := false
	if f.high {
		// Valid UTF-8 is repaired where scan found runs to look at, the
		// BOMs dropped from its start taken into account; the rest of
		// the text is left as it is.
		lo, hi := 0, len(text)
		if info.valid && !f.cr {
			cut := len(data) - len(text)
			lo, hi = max(info.lo-cut, 0), max(info.hi-cut, 0)
		}
		if lo < hi {
			t, changed, sp := repairMojibakeSpecial(text[lo:hi])
			if changed {
				text = text[:lo] + t + text[hi:]
				warns = append(warns, WarnMojibake)
			}
			special = sp
		}
	}
	if f.ctl || special {
		if t, ok := stripControls(text); ok {
			text = t
			warns = append(warns, WarnControls)
		}
	}
	return text, warns
}

// setIfEmpty returns a setter for scanKeyValues that fills only empty
// fields.
func setIfEmpty(p *model.Posting) func(field, string) {
	return func(f field, v string) {
		switch f {
		case fTitle:
			if p.Title == "" {
				p.Title = cleanField(v)
			}
		case fCompany:
			if p.Company == "" {
				p.Company = cleanField(v)
			}
		case fLocation:
			if p.Location == "" {
				p.Location = cleanField(v)
			}
		case fDate:
			if p.Date.IsZero() {
				p.Date = parseDate(v)
			}
		case fTags:
			if p.Keywords == nil {
				p.Keywords = parseTags(v)
			}
		case fURL:
			if p.URL == "" {
				p.URL = cleanField(v)
			}
		case fApplyURL:
			if p.ApplyURL == "" {
				p.ApplyURL = cleanField(v)
			}
		case fSalary:
			if p.Salary == "" {
				p.Salary = cleanField(v)
			}
		case fType:
			if p.EmploymentType == "" {
				applyTypes(p, []typeCand{{v: v}})
			}
		case fRemote:
			p.Remote = p.Remote || parseBool(v)
		case fCompanyURL:
			if p.CompanyURL() == "" {
				p.SetCompanyURL(cleanField(v))
			}
		}
	}
}

// splitBlock returns the lines after the opening frontmatter delimiter up
// to the closing one, and the text after the closing line; closed is false
// when there is no closing line (block is then the whole rest and rest "").
func splitBlock(text string) (block, rest string, closed bool) {
	open, after := firstLine(text)
	end := open
	switch open {
	case "{":
		end = "}"
	case "---yaml", "---toml", "---json":
		end = "---"
	}
	off := 0
	for off < len(after) {
		line, _, _ := strings.Cut(after[off:], "\n")
		if strings.TrimSpace(line) == end {
			next := min(off+len(line)+1, len(after))
			return after[:off], after[next:], true
		}
		off += len(line) + 1
	}
	return after, "", false
}

// fenceFor returns a code fence longer than any backtick run in s.
func fenceFor(s string) string {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

func shortErr(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 120 {
		s = s[:120]
	}
	return s
}

func isMarkdownName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// trimBlankLines drops blank lines at both ends and ends the text with one
// newline.
func trimBlankLines(s string) string {
	s = trimLeadingBlankLines(s)
	t := strings.TrimRight(s, " \t\n")
	if t == "" {
		return ""
	}
	return t + "\n"
}

// trimBlankLinesShared is trimBlankLines returning part of s where s has
// the newline that ends the text already (most files): no copy, so the
// text shares the memory of s.
func trimBlankLinesShared(s string) string {
	s = trimLeadingBlankLines(s)
	t := strings.TrimRight(s, " \t\n")
	switch {
	case t == "":
		return ""
	case len(t) < len(s) && s[len(t)] == '\n':
		return s[:len(t)+1]
	}
	return t + "\n"
}

// trimLeadingBlankLines drops the blank lines at the start of s.
func trimLeadingBlankLines(s string) string {
	s = strings.TrimLeft(s, "\n")
	for {
		line, rest, ok := strings.Cut(s, "\n")
		if !ok || strings.TrimSpace(line) != "" {
			return s
		}
		s = rest
	}
}

// containsFold reports whether s holds w (lower-case ASCII letters) in
// any case: false tells, without lower-casing s, that strings.ToLower(s)
// does not hold w (no other rune lower-cases to an ASCII letter of w but
// K and I, which w must not hold).
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 == w[0] && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

func containsWord(s, w string) bool {
	for i := strings.Index(s, w); i >= 0; {
		before := i == 0 || !isWordByte(s[i-1])
		after := i+len(w) >= len(s) || !isWordByte(s[i+len(w)])
		if before && after {
			return true
		}
		j := strings.Index(s[i+1:], w)
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}

// hashID is the first 16 hex digits of the SHA-256 of kind followed by s.
func hashID(kind, s string) string {
	var buf [256]byte
	if len(kind)+len(s) <= len(buf) { // the common case (a URL) without allocating a digest
		sum := sha256.Sum256(append(append(buf[:0], kind...), s...))
		return hex.EncodeToString(sum[:8])
	}
	h := sha256.New()
	h.Write([]byte(kind))
	h.Write(bytesOf(s))
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:8])
}

// contentID is hashID over raw bytes, for the panic fallback.
func contentID(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}
