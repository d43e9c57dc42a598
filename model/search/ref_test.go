package search_test

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/jobdeck/jobdeck/loader/corpus"
	"github.com/jobdeck/jobdeck/model/search"
)

// refDoc is a document split into folded words, field by field, for the
// brute-force matcher.
type refDoc struct {
	id     string
	fields [][]string
}

// fold lower-cases s and removes its accents, as the index does.
func fold(s string) string {
	var sb strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		sb.WriteRune(unicode.ToLower(r))
	}
	return sb.String()
}

// words splits s into folded words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r))
	})
}

func newRef(d search.Doc) refDoc {
	return refDoc{id: d.ID, fields: [][]string{words(d.Title), words(d.Company), words(d.Location),
		words(strings.Join(d.Keywords, "\n")), words(search.PlainText(d.Body))}}
}

// matches reports whether the term's words occur in a row in one field.
func (r refDoc) matches(t search.Term) bool {
	want := words(t.Words)
	for _, f := range r.fields {
		for i := 0; i+len(want) <= len(f); i++ {
			ok := true
			for j, w := range want {
				last := j == len(want)-1
				if f[i+j] != w && !(last && t.Prefix && strings.HasPrefix(f[i+j], w)) {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// refSearch is the brute-force scan: the sorted IDs of the documents that
// match every included term and no excluded one.
func refSearch(docs []refDoc, q search.Query) []string {
	var out []string
	for _, d := range docs {
		ok := true
		for _, t := range q {
			if d.matches(t) == t.Exclude {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, d.id)
		}
	}
	slices.Sort(out)
	return out
}

// planted are the texts planted into generated bodies: phrases, accents,
// markdown around words, and a word that only a link destination holds.
var planted = []string{
	"We offer **visa sponsorship** and help with relocation.",
	"Our office is in *München*, near the river.",
	"We run kubernetes-native services; Kubernetes experience helps.",
	"There is _no on-call_ rotation.",
	"[Apply here](https://zorbloq.example/apply) or <a href=\"https://qwyxt.example\">there</a>.",
	"Kubectl and kubeadm are daily tools.",
	"Visa: we cannot sponsor.",
	"Salaries from &euro;80k &amp; equity; Rust &amp; Go.",
	"Café culture, naïve questions welcome, Zürich or Kraków.",
	"Sponsorship of conferences, not visas.",
}

// testDocs returns n generated postings as documents, with a planted text
// appended to some bodies (document i gets planted[i%len] when i%3 == 0).
func testDocs(n int) []search.Doc {
	ps := corpus.Postings(n, 7)
	docs := make([]search.Doc, n)
	for i, p := range ps {
		body := p.Body
		if i%3 == 0 {
			body += "\n\n" + planted[(i/3)%len(planted)] + "\n"
		}
		docs[i] = search.Doc{ID: p.ID, Stamp: fmt.Sprintf("v1-%d", i), Title: p.Title, Company: p.Company,
			Location: p.Location, Keywords: p.Keywords, Body: body}
	}
	return docs
}
