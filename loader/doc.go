// Package loader discovers and parses job postings: it walks folders (and
// follows symlinks without looping), reads .md, .markdown and .txt files
// with YAML, TOML or JSON frontmatter or none, repairs their text
// (mojibake, Windows-1252, newlines, control characters and escape
// sequences), maps the many field names job boards use onto
// model.Posting, dedupes, and streams the result in batches. It knows
// nothing of the UI.
package loader
