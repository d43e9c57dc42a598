package loader

import (
	"html"
	"net/url"
	"strings"

	"github.com/jobdeck/jobdeck/model"
)

// extraKeys are keys of job-board records that are no field alias but
// that postingFromMap reads (normalised with normKey).
var extraKeys = map[string]bool{
	"text": true, "offices": true, "payinputranges": true, "compensation": true, "salaryrange": true,
	"salarymin": true, "salarymax": true, "minamount": true, "maxamount": true, "minsalary": true,
	"maxsalary": true, "currency": true, "salarycurrency": true, "interval": true, "salaryinterval": true,
	"applicationdate": true,
}

// bodyKeys hold a record's text, best first; "lists" and "additional"
// (Lever) are appended to it.
var bodyKeys = []string{"descriptionhtml", "description", "content", "jobdescription", "descriptionplain", "descriptiontext", "body", "text"}

var bodyKeySet = func() map[string]bool {
	m := map[string]bool{"lists": true, "additional": true, "additionalplain": true}
	for _, k := range bodyKeys {
		m[k] = true
	}
	return m
}()

// wantKey reports whether a record's key (normalised) is read: a field
// alias, one of extraKeys, or, when the body is wanted, one of bodyKeys.
func wantKey(norm string, al *aliasSet, wantBody bool) bool {
	if f, _ := al.lookup(norm); f != fNone {
		return true
	}
	return extraKeys[norm] || (wantBody && bodyKeySet[norm])
}

// postingFromMap is postingFromValues of a decoded record.
func postingFromMap(m map[string]any, al *aliasSet, wantBody bool, maxBody int64) *model.Posting {
	return postingFromValues(mapValues(m), al, wantBody, maxBody)
}

// postingFromValues builds a posting from one job-board record (a JSON
// element, a CSV row) whose keys are in normKey form: the field aliases, then what the boards' own
// shapes say (Lever's text and categories, Greenhouse's offices and pay
// ranges, min/max salary columns, an application date), then the body
// from the description keys (HTML converted to markdown). Remote from the
// location, the ID and the caps are left for the caller (finishPosting).
func postingFromValues(m *recordValues, al *aliasSet, wantBody bool, maxBody int64) *model.Posting {
	p := m.memo.newPosting()
	cats := asMap(m.value("categories"))
	if cats != nil {
		m.drop("categories")
	}
	applyFieldsFrom(p, m, al)
	if p.Title == "" {
		p.Title = cleanField(scalarText(getNorm(m, "text")))
	}
	if cats != nil {
		applyCategories(p, cats)
	}
	if p.Location == "" {
		p.Location = cleanField(officesText(getNorm(m, "offices")))
	}
	if p.Company == "" {
		p.Company = boardCompanyMemo(p.URL, m.memo)
	}
	if p.Salary == "" {
		p.Salary = m.composedSalary()
	}
	if d := parseDate(getNorm(m, "applicationdate")); !d.IsZero() {
		p.SetApplied(d)
		if p.Date.IsZero() {
			p.Date = d
		}
	}
	if wantBody {
		body, warns := cleanBody(recordBody(m), maxBody)
		p.Body = body
		p.AddWarnings(warns...)
	}
	return p
}

// getNorm is get for a record whose keys are already in normKey form:
// the value of the first of names present and not empty.
func getNorm(m *recordValues, names ...string) any {
	for _, n := range names {
		if v := m.value(n); !isEmptyValue(v) {
			return v
		}
	}
	return nil
}

// applyCategories reads Lever's categories object: location, commitment
// (the employment type), team and department (keywords).
func applyCategories(p *model.Posting, c object) {
	if p.Location == "" {
		p.Location = cleanField(placeText(get(c, "location", "alllocations")))
	}
	if p.EmploymentType == "" {
		if v := get(c, "commitment"); v != nil {
			applyTypes(p, []typeCand{{v: v}})
		}
	}
	for _, k := range []string{"department", "team"} {
		if v := get(c, k); v != nil {
			addKeyword(p, scalarText(v))
		}
	}
}

// officesText joins the names of Greenhouse offices.
func officesText(v any) string {
	l, ok := v.([]any)
	if !ok {
		return ""
	}
	var parts []string
	for _, o := range l {
		if s := strings.TrimSpace(nameText(o)); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}

// salaryKeyIndex numbers the keys composeSalary reads from 1; 0 for
// the others.
func salaryKeyIndex(k string) byte {
	switch k {
	case "compensation":
		return 1
	case "salaryrange":
		return 2
	case "payinputranges":
		return 3
	case "minamount":
		return 4
	case "salarymin":
		return 5
	case "minsalary":
		return 6
	case "maxamount":
		return 7
	case "salarymax":
		return 8
	case "maxsalary":
		return 9
	case "currency":
		return 10
	case "salarycurrency":
		return 11
	case "interval":
		return 12
	case "salaryinterval":
		return 13
	}
	return 0
}

// composeSalary renders the salary of records that spread it over
// several keys: min/max columns with a currency and an interval (JobSpy,
// RemoteOK), Greenhouse's pay_input_ranges (in cents), Lever's
// salaryRange, Ashby's compensation summary.
func composeSalary(m *recordValues) string {
	if c := asMap(getNorm(m, "compensation")); c != nil {
		if s := get(c, "compensationtiersummary", "scrapeablecompensationsalarysummary", "summary"); s != nil {
			return scalarText(s)
		}
	}
	if r := asMap(getNorm(m, "salaryrange")); r != nil {
		return rangeText(get(r, "min"), get(r, "max"), get(r, "currency"), get(r, "interval"))
	}
	if l, ok := getNorm(m, "payinputranges").([]any); ok && len(l) > 0 {
		if r := asMap(l[0]); r != nil {
			return rangeText(cents(get(r, "mincents")), cents(get(r, "maxcents")), get(r, "currencytype", "currency"), "year")
		}
	}
	lo := getNorm(m, "minamount", "salarymin", "minsalary")
	hi := getNorm(m, "maxamount", "salarymax", "maxsalary")
	if lo == nil && hi == nil {
		return ""
	}
	return rangeText(lo, hi, getNorm(m, "currency", "salarycurrency"), getNorm(m, "interval", "salaryinterval"))
}

// cents turns an amount in cents into whole units.
func cents(v any) any {
	if f, ok := v.(float64); ok {
		return f / 100
	}
	return v
}

// rangeText renders "USD 120000–150000 per year" from its parts; a zero
// bound counts as missing.
func rangeText(lo, hi, cur, interval any) string {
	if isZeroAmount(lo) {
		lo = nil
	}
	if isZeroAmount(hi) {
		hi = nil
	}
	var amount string
	switch {
	case lo != nil && hi != nil:
		amount = scalarText(lo) + "–" + scalarText(hi)
	case lo != nil:
		amount = "from " + scalarText(lo)
	case hi != nil:
		amount = "up to " + scalarText(hi)
	default:
		return ""
	}
	if c := strings.TrimSpace(scalarText(cur)); c != "" {
		amount = c + " " + amount
	}
	if u := intervalWord(scalarText(interval)); u != "" {
		amount += " per " + u
	}
	return amount
}

func isZeroAmount(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case float64:
		return x == 0
	case string:
		s := strings.TrimSpace(x)
		return s == "" || s == "0"
	}
	return false
}

// intervalWord maps "yearly", "per-year-salary", "YEAR", "hourly"… to
// year, month, week, day or hour; other text is kept in lower case.
func intervalWord(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, w := range []string{"year", "month", "week", "day", "hour"} {
		if strings.Contains(s, w) {
			return w
		}
	}
	switch s {
	case "annual", "annually", "yearly", "annum":
		return "year"
	case "daily":
		return "day"
	}
	return s
}

// recordBody is a record's text as markdown: the first description key
// that has text (HTML converted, HTML-escaped HTML unescaped first), then
// Lever's lists (each a "## " heading over its items) and additional
// text.
func recordBody(m *recordValues) string {
	var sb strings.Builder
	for _, k := range bodyKeys {
		if s, ok := getNorm(m, k).(string); ok && strings.TrimSpace(s) != "" {
			sb.WriteString(textToMarkdown(s))
			break
		}
	}
	if l, ok := getNorm(m, "lists").([]any); ok {
		for _, it := range l {
			lm := asMap(it)
			if lm == nil {
				continue
			}
			if t := cleanField(scalarText(get(lm, "text"))); t != "" {
				sb.WriteString("\n\n## " + escapeInline(t) + "\n\n")
			}
			if c, ok := get(lm, "content").(string); ok {
				sb.WriteString(textToMarkdown("<ul>" + c + "</ul>"))
			}
		}
	}
	if s, ok := getNorm(m, "additional", "additionalplain").(string); ok {
		sb.WriteString("\n\n" + textToMarkdown(s))
	}
	return sb.String()
}

// textToMarkdown converts a description to markdown: HTML (also when it
// is itself HTML-escaped, as Greenhouse sends it) through htmlToMarkdown;
// anything else is taken as markdown already.
func textToMarkdown(s string) string {
	s, _ = stripControls(s)
	if !strings.Contains(s, "<") && strings.Contains(s, "&lt;") {
		s = html.UnescapeString(s)
	}
	if looksLikeHTML(s) {
		return htmlToMarkdown(s)
	}
	return s
}

// hasPostingShape reports whether a record looks like a job posting: a
// title and at least one of a URL, an apply URL, a company, a location,
// a date or a salary. Records that fail (a legal notice, a package.json)
// are not loaded.
func hasPostingShape(p *model.Posting) bool {
	return p.Title != "" && (p.URL != "" || p.ApplyURL != "" || p.Company != "" || p.Location != "" ||
		!p.Date.IsZero() || p.Salary != "")
}

// boardHosts are the job boards whose URLs name the company in their
// first path segment (boards.greenhouse.io/acme/jobs/1).
var boardHosts = map[string]bool{
	"boards.greenhouse.io": true, "job-boards.greenhouse.io": true, "boards.eu.greenhouse.io": true,
	"job-boards.eu.greenhouse.io": true, "jobs.lever.co": true, "jobs.eu.lever.co": true, "jobs.ashbyhq.com": true,
}

// boardCompany returns the company a job board's URL names, in title
// case ("orrery-labs" → "Orrery Labs"); "" for other URLs. The board APIs
// leave the company out of their records: it is the board itself.
func boardCompany(raw string) string { return boardCompanyMemo(raw, nil) }

// boardCompanyMemo is boardCompany with the company of each board path
// segment remembered in m (nil: not remembered).
func boardCompanyMemo(raw string, m *recordMemo) string {
	if m != nil && m.boardURL != "" && sameBoardSegment(raw, m.boardURL) {
		return m.boardCompany
	}
	seg, end, ok := boardSegmentEnd(raw)
	if ok && m != nil {
		s, _ := memoText(m, memoBoardCompany, bytesOf(seg), seg, segmentCompany)
		m.boardURL, m.boardCompany = raw[:end], s
		return s
	}
	if !ok {
		u, err := url.Parse(raw)
		if err != nil || !boardHosts[strings.ToLower(u.Host)] {
			return ""
		}
		seg, _, _ = strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
	}
	s, _ := memoText(m, memoBoardCompany, bytesOf(seg), seg, segmentCompany)
	return s
}

// segmentCompany is the company a board URL's path segment seg names, in
// title case.
func segmentCompany(seg string) (string, bool) {
	words := strings.FieldsFunc(seg, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return cleanField(strings.Join(words, " ")), true
}

// boardSegment is boardCompany's fast path, without url.Parse: the
// first path segment of a plain https URL on one of boardHosts. It
// returns false when raw is no such URL or needs url.Parse (user info,
// escapes); seg is then unset.
func boardSegment(raw string) (seg string, ok bool) {
	seg, _, ok = boardSegmentEnd(raw)
	return seg, ok
}

// boardSegmentEnd is boardSegment that also returns where the segment
// ends in raw.
func boardSegmentEnd(raw string) (seg string, end int, ok bool) {
	const scheme = "https://"
	rest, found := strings.CutPrefix(raw, scheme)
	if !found {
		return "", 0, false
	}
	h := indexURLPart(rest)
	if h < 0 || rest[h] != '/' {
		return "", 0, false
	}
	if host := rest[:h]; !boardHosts[host] {
		return "", 0, false
	}
	seg = rest[h+1:]
	if i := indexURLPart(seg); i >= 0 {
		seg = seg[:i]
	}
	if strings.IndexByte(seg, '%') >= 0 || strings.IndexByte(seg, '@') >= 0 {
		return "", 0, false
	}
	return seg, len(scheme) + h + 1 + len(seg), true
}

// sameBoardSegment reports whether raw starts with prefix, a board URL
// up to the end of its first path segment (boardSegmentEnd found it),
// and its segment ends there too: boardSegment then gives raw the same
// segment, and its company is prefix's.
func sameBoardSegment(raw, prefix string) bool {
	return strings.HasPrefix(raw, prefix) && (len(raw) == len(prefix) || urlPartEnds[raw[len(prefix)]])
}

// indexURLPart is strings.IndexAny(s, "/?#"), without building the set
// on every call.
func indexURLPart(s string) int {
	for i := 0; i < len(s); i++ {
		if urlPartEnds[s[i]] {
			return i
		}
	}
	return -1
}

// urlPartEnds holds the bytes indexURLPart looks for.
var urlPartEnds = [256]bool{'/': true, '?': true, '#': true}
