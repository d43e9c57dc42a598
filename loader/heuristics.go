package loader

import (
	"math/bits"
	"regexp"
	"strings"

	"github.com/jobdeck/jobdeck/model"
)

// WarnGuessedCompany starts the warning of a company read from a plain
// posting's prose rather than from a field.
const WarnGuessedCompany = "company guessed from the text"

// hnFields is what a first line in the Hacker News "Who is hiring"
// convention says: "Company | Role | Location | REMOTE | $150k".
type hnFields struct {
	company, title, location, salary, url, etype string
	remote                                       bool
}

// roleWords mark the part of a "Who is hiring" line that is the role.
var roleWords = []string{"engineer", "developer", "designer", "manager", "scientist", "analyst", "lead", "architect",
	"sre", "devops", "programmer", "director", "head of", "intern", "researcher", "administrator", "writer",
	"consultant", "specialist", "founding", "cto", "vp ", "recruiter", "product", "marketing", "sales", "support",
	"operations", "qa", "tester", "technician", "accountant", "counsel", "editor", "officer"}

// parseHNLine reads a "Who is hiring" first line: at least three parts
// between '|'. The first part is the company; the others are recognised
// by their look (remote/onsite/hybrid, a salary with a currency sign or
// "k", an http(s) URL, an employment type, a role word); of what is left,
// the first part is the title (when no part has a role word) and the
// next the location. ok is false for lines that are not of this form.
func parseHNLine(line string) (h hnFields, ok bool) {
	parts := strings.Split(line, "|")
	if len(parts) < 3 || len(line) > 400 {
		return h, false
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
		if parts[i] == "" || len(parts[i]) > 120 {
			return h, false
		}
	}
	h.company = strings.TrimSpace(strings.Trim(parts[0], "*_#"))
	if len(h.company) > 60 || strings.HasSuffix(h.company, ":") {
		return h, false
	}
	var rest []string
	for _, s := range parts[1:] {
		low := strings.ToLower(s)
		switch {
		case isWorkplaceWord(low):
			h.remote = h.remote || containsWord(low, "remote")
		case strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://"):
			if h.url == "" {
				h.url = s
			}
		case normalizeEmploymentType(s) != "":
			h.etype = normalizeEmploymentType(s)
		case looksLikeSalary(s):
			if h.salary == "" {
				h.salary = s
			}
		default:
			rest = append(rest, s)
		}
	}
	for i, s := range rest {
		if hasRoleWord(strings.ToLower(s)) {
			h.title = s
			rest = append(rest[:i:i], rest[i+1:]...)
			break
		}
	}
	if h.title == "" && len(rest) > 0 {
		h.title, rest = rest[0], rest[1:]
	}
	if len(rest) > 0 {
		h.location = rest[0]
		if containsWord(strings.ToLower(h.location), "remote") {
			h.remote = true
		}
	}
	return h, h.title != ""
}

// isWorkplaceWord reports a part that only says where the work happens:
// "REMOTE", "Remote (US)", "Onsite", "Hybrid", "remote ok".
func isWorkplaceWord(low string) bool {
	w, _, _ := strings.Cut(low, "(")
	w = strings.TrimSpace(w)
	switch w {
	case "remote", "onsite", "on-site", "on site", "hybrid", "remote ok", "remote-friendly", "remote friendly", "fully remote", "remote only", "in office", "in-office":
		return true
	}
	return false
}

func hasRoleWord(low string) bool {
	for _, w := range roleWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// looksLikeSalary reports "$150k", "€90-110k", "120,000 USD", "£60k–£75k".
func looksLikeSalary(s string) bool {
	if strings.ContainsAny(s, "$€£¥₹") {
		return true
	}
	low := strings.ToLower(s)
	digits := strings.IndexAny(low, "0123456789") >= 0
	return digits && (strings.Contains(low, "k") || strings.Contains(low, "usd") || strings.Contains(low, "eur") ||
		strings.Contains(low, "gbp") || strings.Contains(low, "salary"))
}

// applyHNLine fills p's empty fields from the first non-blank line of
// body when it is a "Who is hiring" line.
func applyHNLine(p *model.Posting, body string) {
	line, i := firstNonBlank(body)
	h, ok := parseHNLine(line)
	if !ok || isTableHeader(body, i) {
		return
	}
	set := setIfEmpty(p)
	set(fCompany, h.company)
	set(fTitle, h.title)
	if h.location != "" {
		set(fLocation, h.location)
	}
	if h.salary != "" {
		set(fSalary, h.salary)
	}
	if h.url != "" {
		set(fURL, h.url)
	}
	if h.etype != "" && p.EmploymentType == "" {
		p.EmploymentType = h.etype
	}
	p.Remote = p.Remote || h.remote
}

// firstNonBlank returns the first line of s with text, trimmed, and its
// index.
func firstNonBlank(s string) (string, int) {
	for i := 0; s != ""; i++ {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		if t := strings.TrimSpace(line); t != "" {
			return t, i
		}
	}
	return "", -1
}

// companyName matches a company's name in prose: one to four capitalised
// words (also "&", "and", "of" between them).
const companyName = `([A-Z][\w'’.&-]*(?:[ \t]+(?:[A-Z][\w'’.&-]*|&|and|of)){0,3})`

// companyPattern is a phrase that names the company in a posting's prose.
// The expression runs only on windows around the literal words in need
// (from back bytes before one to 160 after), so a long posting without
// them costs one pass over its text (see guessIndex).
type companyPattern struct {
	re *regexp.Regexp
	// need are the literals; those that begin with the same litKeyLen
	// bytes or more are next to each other.
	need []string
	back int
}

// companyPatterns are the phrases: "About the company: Acme is…", "join
// the Acme team", "At Acme, we…", "A Acme engineer will…". A window
// starting at the text's start begins with "\n", so "sentence start"
// is always a character class.
var companyPatterns = []companyPattern{
	{regexp.MustCompile(`(?i:about (?:the )?company|about us|the company|who we are)[ \t]*[:\-–—]?[ \t]*\n?[ \t]*` + companyName + `(?:,[^\n]{0,40})?[ \t]+(?:is|are|was|builds|makes|helps|provides|creates|develops|designs|runs|has)\b`),
		[]string{"ompany", "OMPANY", "bout us", "BOUT US", "ho we are", "HO WE ARE"}, 12},
	{regexp.MustCompile(`\b(?i:join)[ \t]+(?i:the)[ \t]+` + companyName + `[ \t]+(?i:team|family|crew)\b`),
		[]string{"join the", "Join the", "JOIN THE"}, 1},
	{regexp.MustCompile(`[.!?\n][ \t]*At[ \t]+` + companyName + `,[ \t]+(?:we|our)\b`),
		[]string{"At "}, 3},
	{regexp.MustCompile(`[.!?\n][ \t]*(?:A|An|As an?)[ \t]+` + companyName + `[ \t]+(?:engineer|developer|designer|employee|team member)\b`),
		[]string{". A ", ". An ", ". As a", "\nA ", "\nAn ", "\nAs a", "! A ", "! An "}, 0},
}

// litGroup is a run of a companyPattern's literals that begin with the
// same litKeyLen bytes or more (". A ", ". An ", ". As a"), found by one
// search for the bytes they all begin with, key.
type litGroup struct {
	key  string
	lits []string
}

// litKeyLen is how many first bytes the literals of a litGroup share at
// least.
const litKeyLen = 2

// groups returns cp's literal groups, in the order of cp.need.
func (cp companyPattern) groups() []litGroup {
	var gs []litGroup
	for k := 0; k < len(cp.need); {
		key, group := cp.need[k], k+1
		for group < len(cp.need) && commonPrefix(key, cp.need[group]) >= litKeyLen {
			key = key[:commonPrefix(key, cp.need[group])]
			group++
		}
		gs = append(gs, litGroup{key, cp.need[k:group]})
		k = group
	}
	return gs
}

// commonPrefix is the length of the longest common prefix of a and b.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// guessIndex finds, in one pass over a text, where the keys of every
// litGroup of a list of companyPatterns are: a byte pair's bits (rows,
// through the row class gives its first byte) say the groups whose key
// begins with it, and only there is the key compared. It is made once
// (see newGuessIndex) and only read after.
type guessIndex struct {
	pats  [][]litGroup         // each pattern's groups; the bit of a group counts through them
	keys  []string             // by bit
	class [256]uint8           // first byte → its row, 0 for a byte no key begins with
	rows  [maxRows][256]uint32 // by row, then second byte
	nrows int
	// pairs finds the places whose pair may begin a key, sixteen at a
	// time; keys alike but for the case of their letters share a bucket.
	pairs pairFilter
}

// maxRows bounds the distinct first bytes of the keys (row 0 is none).
const maxRows = 16

// keyAt is where a group's key begins in the text, and the group's bit.
type keyAt struct {
	pos int32
	bit uint8
}

// newGuessIndex builds the index of cps' groups; it panics on more
// groups than bits or a key shorter than a pair, which would be a mistake
// in companyPatterns (the tests load them).
func newGuessIndex(cps []companyPattern) *guessIndex {
	gx := &guessIndex{nrows: 1}
	buckets := map[string]int{}
	for _, cp := range cps {
		gs := cp.groups()
		gx.pats = append(gx.pats, gs)
		for _, g := range gs {
			bit := len(gx.keys)
			if bit >= 32 || len(g.key) < 2 {
				panic("loader: company pattern literals: " + g.key)
			}
			gx.keys = append(gx.keys, g.key)
			c := g.key[0]
			if gx.class[c] == 0 {
				if gx.nrows == maxRows {
					panic("loader: company pattern literals: too many first bytes")
				}
				gx.class[c] = uint8(gx.nrows)
				gx.nrows++
			}
			gx.rows[gx.class[c]][g.key[1]] |= 1 << bit
			gx.pairs.add(g.key[0], g.key[1], bucketOf(buckets, g.key))
		}
	}
	return gx
}

// find appends to at, in order of place, every place in text where a
// group's key begins (a place once for each group whose key is there).
// The places whose pair may begin a key are found sixteen at a time
// where the processor can (see pairBlocks), and the rest one by one.
func (gx *guessIndex) find(text string, at []keyAt) []keyAt {
	class, rows := &gx.class, &gx.rows
	var masks [guessWindow / 16]uint16
	n := pairBlocks(&gx.pairs, text, masks[:])
	for k, mask := range masks[:n] {
		for ; mask != 0; mask &= mask - 1 {
			i := k*16 + bits.TrailingZeros16(mask)
			if m := rows[class[text[i]]%maxRows][text[i+1]]; m != 0 {
				at = gx.keysAt(text, i, m, at)
			}
		}
	}
	for i := n * 16; i+1 < len(text); i++ {
		if m := rows[class[text[i]]%maxRows][text[i+1]]; m != 0 {
			at = gx.keysAt(text, i, m, at)
		}
	}
	return at
}

// bucketOf returns the pairFilter bucket of key: the same for keys whose
// first two bytes are alike but for the case of letters, the next one
// (modulo 8) for each other pair.
func bucketOf(buckets map[string]int, key string) int {
	folded := string([]byte{key[0] | 0x20, key[1] | 0x20})
	b, ok := buckets[folded]
	if !ok {
		b = len(buckets)
		buckets[folded] = b
	}
	return b
}

// keysAt appends to at the keys of the groups of bits m that begin at
// text[i:]. It is out of find's loop, which then keeps its few values in
// registers.
//
//go:noinline
func (gx *guessIndex) keysAt(text string, i int, m uint32, at []keyAt) []keyAt {
	for m != 0 {
		bit := bits.TrailingZeros32(m)
		m &= m - 1
		if strings.HasPrefix(text[i:], gx.keys[bit]) {
			at = append(at, keyAt{int32(i), uint8(bit)})
		}
	}
	return at
}

// companyIndex is the guessIndex of companyPatterns.
var companyIndex = newGuessIndex(companyPatterns)

// names calls fn with the name each match of cp in text gives, in no
// particular order; groups are cp's literal groups, whose keys begin at
// the places at gives (see guessIndex.find), from bit on.
func (cp companyPattern) names(text string, groups []litGroup, at []keyAt, bit int, fn func(string) bool) bool {
	for _, lit := range cp.need {
		if lit[0] == '\n' && strings.HasPrefix(text, lit[1:]) {
			for _, m := range cp.re.FindAllStringSubmatch("\n"+text[:min(len(text), 160)], 1) {
				if !fn(m[1]) {
					return false
				}
			}
		}
	}
	for g, grp := range groups {
		// A key found is searched again after its end, as a search from
		// one place found to the next would.
		off := 0
		for _, a := range at {
			i := int(a.pos)
			if int(a.bit) != bit+g || i < off {
				continue
			}
			off = i + len(grp.key)
			for _, lit := range grp.lits {
				if strings.HasPrefix(text[i:], lit) && !cp.window(text, i, len(lit), fn) {
					return false
				}
			}
		}
	}
	return true
}

// window calls fn with the names matched around the literal of n bytes
// at text[i:] (from cp.back bytes before it to 160 after).
func (cp companyPattern) window(text string, i, n int, fn func(string) bool) bool {
	lo, hi := max(0, i-cp.back), min(len(text), i+n+160)
	w := text[lo:hi]
	if lo == 0 {
		w = "\n" + w
	}
	for _, m := range cp.re.FindAllStringSubmatch(w, 4) {
		if !fn(m[1]) {
			return false
		}
	}
	return true
}

// notCompanyWords are capitalised words that start a phrase, not a name.
var notCompanyWords = map[string]bool{
	"the": true, "our": true, "we": true, "this": true, "you": true, "your": true, "a": true, "an": true, "job": true,
	"role": true, "team": true, "company": true, "about": true, "remote": true, "senior": true, "junior": true,
	"lead": true, "staff": true, "principal": true, "software": true, "engineering": true, "new": true, "great": true,
	"here": true, "us": true, "it": true, "they": true, "its": true, "my": true, "all": true, "every": true, "each": true,
	"backend": true, "frontend": true, "full": true, "mobile": true, "data": true, "product": true, "platform": true,
}

// guessWindow is how much of a posting's text guessCompany reads: the
// company is named near the top.
const guessWindow = 8 << 10

// guessCompany returns the company a plain posting names in its prose,
// when every phrase of companyPatterns that matches in its first
// guessWindow bytes names the same one; "" when none does or they
// disagree.
func guessCompany(text string) string {
	text = text[:min(len(text), guessWindow)]
	var buf [32]keyAt
	at := companyIndex.find(text, buf[:0])
	var found string
	agree := true
	bit := 0
	for k, cp := range companyPatterns {
		groups := companyIndex.pats[k]
		agree = cp.names(text, groups, at, bit, func(name string) bool {
			name = strings.TrimRight(strings.TrimSpace(name), ".&-'’")
			first, _, _ := strings.Cut(name, " ")
			switch {
			case name == "" || notCompanyWords[strings.ToLower(first)]:
			case found == "":
				found = name
			case !strings.EqualFold(found, name):
				return false
			}
			return true
		})
		if !agree {
			return ""
		}
		bit += len(groups)
	}
	return found
}

// isTableHeader reports whether line i of s is followed by a markdown
// table's delimiter row ("---|---"): then it is a table, not a "Who is
// hiring" line.
func isTableHeader(s string, i int) bool {
	lines := strings.SplitN(s, "\n", i+3)
	if len(lines) < i+2 {
		return false
	}
	next := strings.TrimSpace(lines[i+1])
	return next != "" && strings.Trim(next, "|-: \t") == "" && strings.Contains(next, "-")
}
