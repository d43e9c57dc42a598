package model

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Word lists for the generated benchmark corpus: fictional companies and
// plausible titles, locations and skills, with some non-ASCII text.
var (
	genSeniority = []string{"", "", "Senior ", "Junior ", "Staff ", "Lead ", "Principal ", "Working Student ", "Head of "}
	genArea      = []string{"Backend", "Frontend", "Full-Stack", "Data", "Machine Learning", "Platform", "DevOps", "Mobile", "iOS", "Android", "Security", "Site Reliability", "QA", "Embedded", "Cloud", "Product", "UX"}
	genRole      = []string{"Engineer", "Developer", "Scientist", "Analyst", "Manager", "Architect", "Designer", "Consultant", "Specialist"}
	genSuffix    = []string{"", "", "", " (m/w/d)", " – Remote", " (Go)", " (Python)", ", Payments", " II"}
	genSyl       = []string{"quill", "bright", "zeph", "nor", "vel", "lum", "cor", "tan", "mir", "ost", "kal", "fen", "dra", "sol", "wick", "har", "bel", "tor"}
	genCoSuffix  = []string{" Labs", " GmbH", " Systems", " AG", " Inc.", " Analytics", " Robotics", "", " & Co", " Software"}
	genLocations = []string{"Berlin", "Zürich", "München", "Hamburg", "Wien", "Kraków", "São Paulo", "London", "Amsterdam", "Remote", "Köln", "Paris", "Lisboa", "Remote (EU)", "New York, NY", "Tōkyō", "Malmö", "Genève", ""}
	genSkills    = []string{"go", "python", "rust", "java", "kotlin", "swift", "typescript", "react", "kubernetes", "terraform", "aws", "gcp", "postgres", "kafka", "spark", "ml", "llm", "security", "linux", "docker", "graphql", "remote", "fintech", "healthtech"}
)

// genPostings returns n generated postings, the same for the same seed.
func genPostings(n int, seed uint64) []*Posting {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	companies := make([]string, max(n/20, 10))
	for i := range companies {
		name := genSyl[r.IntN(len(genSyl))] + genSyl[r.IntN(len(genSyl))]
		companies[i] = strings.ToUpper(name[:1]) + name[1:] + genCoSuffix[r.IntN(len(genCoSuffix))]
	}
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	ps := make([]*Posting, n)
	for i := range ps {
		p := &Posting{
			ID:       fmt.Sprintf("gen-%d", i),
			Path:     fmt.Sprintf("postings/%03d/%d.md", i%1000, i),
			Title:    genSeniority[r.IntN(len(genSeniority))] + genArea[r.IntN(len(genArea))] + " " + genRole[r.IntN(len(genRole))] + genSuffix[r.IntN(len(genSuffix))],
			Company:  companies[r.IntN(len(companies))],
			Location: genLocations[r.IntN(len(genLocations))],
		}
		if r.IntN(20) != 0 {
			p.Date = base.Add(-time.Duration(r.IntN(700*24)) * time.Hour)
		}
		for range r.IntN(6) {
			p.Keywords = append(p.Keywords, genSkills[r.IntN(len(genSkills))])
		}
		ps[i] = p
	}
	return ps
}
