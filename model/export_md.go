package model

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// writeMarkdown writes a document a person would send or print: a heading
// with the title, date and count, then one section per posting with its
// title, company, location, date, link, apply link, salary, tags, stage
// (with the day it began), stage history, follow-up day, file and note. Postings whose file is gone are marked "(file missing)".
func (x Exporter) writeMarkdown(w io.Writer, items []ExportItem) error {
	bw := bufio.NewWriter(w)
	title := x.Title
	if title == "" {
		title = "Shortlist"
	}
	fmt.Fprintf(bw, "# %s — %s\n\n", mdInline(title), x.Now.Format("2006-01-02"))
	fmt.Fprintf(bw, "%s", countLine(items))
	for i, it := range items {
		p, e := it.Posting, it.Entry
		heading := p.Title
		if heading == "" {
			heading = "Untitled posting"
		}
		fmt.Fprintf(bw, "\n## %d. %s", i+1, mdInline(heading))
		if it.Missing {
			bw.WriteString(" (file missing)")
		}
		bw.WriteString("\n\n")
		field := func(name, value string) {
			if value != "" {
				fmt.Fprintf(bw, "- **%s:** %s\n", name, value)
			}
		}
		field("Company", mdInline(p.Company))
		field("Location", mdInline(p.Location))
		field("Posted", exportDate(p.Date))
		field("Link", mdLink(p.URL))
		if p.ApplyURL != p.URL {
			field("Apply", mdLink(p.ApplyURL))
		}
		field("Salary", mdInline(p.Salary))
		field("Tags", mdInline(strings.Join(e.Tags, ", ")))
		field("Stage", mdInline(stageText(e, exportLoc(x.Now))))
		field("History", mdInline(historyText(e.History, exportLoc(x.Now))))
		field("Follow-up", followUpText(e))
		if it.Missing {
			field("File", "(file missing) — details from the snapshot jobdeck saved")
		} else {
			field("File", mdCode(p.Path))
		}
		if e.Note != "" {
			bw.WriteString("\n**Note:**\n\n")
			for line := range strings.SplitSeq(e.Note, "\n") {
				if strings.TrimSpace(line) == "" {
					bw.WriteString(">\n")
				} else {
					fmt.Fprintf(bw, "> %s\n", line)
				}
			}
		}
	}
	return bw.Flush()
}

// countLine says how many postings the document holds.
func countLine(items []ExportItem) string {
	missing := 0
	for _, it := range items {
		if it.Missing {
			missing++
		}
	}
	var s string
	switch len(items) {
	case 0:
		return "No postings.\n"
	case 1:
		s = "1 posting"
	default:
		s = fmt.Sprintf("%d postings", len(items))
	}
	if missing > 0 {
		s += fmt.Sprintf(" (%d with the file missing)", missing)
	}
	return s + ".\n"
}

// mdInline escapes the characters that would turn plain text into
// Markdown markup (emphasis, code, links, HTML) and keeps it on one line.
func mdInline(s string) string {
	s = stateLine(s)
	if !strings.ContainsAny(s, "\\`*_[]<>") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdLink renders a URL as an autolink when it is a plain http(s) URL, else
// as escaped text.
func mdLink(s string) string {
	s = stateLine(s)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " <>") {
		return "<" + s + ">"
	}
	return mdInline(s)
}

// mdCode renders s as inline code, with a fence longer than any backtick
// run inside it.
func mdCode(s string) string {
	s = stateLine(s)
	if s == "" {
		return ""
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}
