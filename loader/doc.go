// Package loader discovers and parses job postings. It knows nothing of
// the UI.
//
// # Walk
//
// Stream and Load walk each Source recursively and read files ending in
// .md, .markdown, .txt, .html, .htm, .json, .jsonl, .ndjson or .csv (in
// any case). Files with other extensions are
// ignored silently: not loaded, not counted, not reported. A file named
// directly as a Source is read whatever its extension. Reported as skipped,
// each with a reason: hidden files (".x.md") and hidden folders (one line
// for the folder), editor backups ("x~", "#x#", ".swp", ".swo", ".swx"),
// binary files (a NUL byte, or mostly control bytes or non-text in the
// first 8 KiB), empty and white-space-only files, files that are not
// regular (FIFOs, devices; such a file is never opened for reading, so it
// cannot block the load or a later Body), broken symlinks, and unreadable
// files and folders (the load goes on). File names need not be valid
// UTF-8; Posting.Path and Skip.Path escape them (see SafePath).
//
// Symlinks are followed; a folder already visited (same device and inode;
// by path, with a limit of 40 nested links, where the FS exposes no
// inode) is skipped as a symlink loop. A symlink to a folder on another
// file system than the Source's, to the root folder, or to a folder
// holding the Source is not followed unless Options.FollowAll; /proc and
// /sys are walked only when the Source is inside them. A folder or file
// reached from several Sources (DIR DIR, DIR DIR/sub, DIR DIR/a.md) is
// read once, silently.
//
// # Parsing
//
// Frontmatter is YAML (---), TOML (+++) or JSON ({ ... }); flat YAML and
// TOML, and JSON whose first line is "{", are decoded by fast hand-written
// readers, everything else through adrg/frontmatter with gopkg.in/yaml.v2,
// BurntSushi/toml and encoding/json. A UTF-8 BOM is removed first; JSON
// frontmatter is accepted even when "}" is not followed by a blank line; a
// leading "---" that is not followed by a "key:" line is a horizontal rule,
// not frontmatter. Malformed frontmatter leaves the raw text as the body
// (the frontmatter lines fenced as code), fills what it can from its
// "key: value" (and TOML "key = value") lines, and adds a "malformed
// frontmatter" warning. So does frontmatter over a bound, with a
// "frontmatter not parsed" warning: the full parsers only see frontmatter
// of at most MaxFrontmatterSize (TOML MaxTOMLSize) nested at most
// MaxFrontmatterDepth deep (TOML key paths MaxTOMLKeyPath long), checked
// by a linear scan first. Frontmatter that is never closed (a file cut at
// the size cap) is decoded from what there is of it, with a "frontmatter
// not closed" warning.
//
// Every posting, whatever its format (a record and a web page too), ends
// with the same step (finishPosting): Remote from a location naming it,
// the ID, then caps on the one-line fields — title and company MaxTitle
// and MaxCompany (300) characters, location and salary 200, employment
// type 100, at most 50 keywords of 50 characters; a URL (CompanyURL too)
// over 2,048 bytes is dropped — with a "long fields cut" warning and the
// full text at the end of the body.
//
// Keys are matched case-insensitively, ignoring '_', '-', ' ' and '.', in
// this order of preference: title/position/role/job_title;
// company/companyName/company_name/employer/organization/
// hiringOrganization(.name); location/jobLocation (schema.org addresses
// are joined)/candidate_required_location; date/datePosted/
// publication_date/postedDate/timestamp/createdAt/first_published/
// publishedAt/addedAt/updated_at (ISO 8601, date only, epoch seconds, or
// epoch milliseconds from 10^11 up);
// tags/hashtags/skills/keywords/categories/technologies/departments (a
// list, of names or of objects with a name, or "#a,#b" or "a, b");
// url/link/source_url/job_url/hostedUrl/absolute_url/applyLink;
// applyUrl/apply_url; salary/baseSalary (a schema.org MonetaryAmount
// becomes "USD 100000–130000 per year"); jobType/employmentType/type/
// contract (normalised: FULL_TIME → "full-time"; a jobType or type that is
// no employment type is a board's category and becomes a keyword);
// remote/workplaceType/remote_policy/location_type/jobLocationType (true,
// "yes", "remote", "TELECOMMUTE", ...); company_url/website/careers_url
// (CompanyURL). A location with the word "remote" also sets Remote.
// Options.Aliases adds a user's own keys (see NewFieldAliases).
//
// Without frontmatter, "Key: value" lines among the first lines (also in
// bullets) fill the same fields. The title is then the first "# " heading
// of markdown (and of a .txt whose first line is one), else the first
// non-blank line, unless that is a section word (Requirements, About…,
// Experience, with small misspellings forgiven), a list item, a
// "Key: value" line or a whole paragraph; then the file name gives it:
// "senior-go-dev_2.txt" → "Senior Go Dev 2", while a machine-made name
// such as "002_71463f877dbb845b.txt" gives
// "Untitled posting (002_71463f877dbb845b)".
//
// Plain text (.txt without frontmatter) becomes markdown: the title line
// a "# " heading, "•", "–", "·" (and "-", "*", "+", ...) bullets "- "
// items, short lines standing alone "## " headings, hand-wrapped lines
// hard line breaks (two trailing spaces); a line start that markdown
// would misread ("#1 rule", "> x", "---") and HTML-like "<tags" are
// escaped.
//
// # Web pages
//
// A page (.html, .htm; up to 8 MiB read) gives the first schema.org
// JobPosting among its JSON-LD blocks (an object, an array, an @graph;
// @type a string or a list), mapped through the same aliases plus
// hiringOrganization.sameAs (CompanyURL), applicantLocationRequirements
// and directApply. Without one, the title comes from og:title, the first
// <h1> or <title>, with WarnNoStructured. Only tags are scanned for this;
// the body (the description, else <main>, <article>, role=main or the
// body without header and footer) is built on demand: pruned of scripts,
// styles, forms, navigation, media and unsafe links, converted with
// html-to-markdown, then cleaned like any body. A folder "X_files" beside
// "X.html" is skipped as ReasonPageAssets.
//
// # Files of many postings
//
// A .json file (a top-level array, an object with an array under jobs,
// postings, data, results or items, or one posting object), a JSON Lines
// file or a CSV with a header row holds one posting per record, with
// Path "file.json#N". Records are read as a stream (see recordChunk,
// maxRecord) and parsed on the workers; their Source is a recordFile that
// serves that record alone, so Body re-reads it by offset. Records that
// are no posting (no title, or a title alone) are counted; a file with
// none is skipped as ReasonNotPostings. The shapes of the Greenhouse,
// Lever, Ashby, Remotive and RemoteOK APIs, JobSpy scrapes and LinkedIn's
// exports are read (see postingFromMap).
// A value of a record, or a JSON-LD block, nesting more than
// maxDecodeDepth levels or holding more than maxDecodeValues values is
// not decoded (WarnNotDecoded). A file that holds postings, a page and a
// record read again are opened only when they are regular files
// (ErrNotRegular), as every posting file is.
//
// # Heuristics
//
// A first line "Company | Role | Location | REMOTE | $150k" fills those
// fields (parseHNLine); a plain posting without a company takes the one
// its prose names, when unambiguous, with WarnGuessedCompany.
//
// # Text repair
//
// A file that is not valid UTF-8 is read as Windows-1252 (undefined bytes
// as Latin-1). CRLF and lone CR become LF. Mojibake — UTF-8 once decoded
// as Windows-1252 or Mac Roman — is undone where mapping a run of
// non-ASCII characters back to bytes gives valid multi-byte UTF-8
// ("â€™" → "’", "‚Äôs" → "’s", "üöÄ" → "🚀", "CafÃ©" → "Café"). Then C0
// and C1 controls (except newline and tab in the body), whole ANSI
// escape sequences (CSI, OSC, DCS, SOS, PM, APC, in ESC and C1 form) and
// bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)
// are removed from every field and the body. Each repair adds a warning.
//
// # Size cap, IDs and duplicates
//
// At most Options.MaxBody bytes (DefaultMaxBody, 1 MiB) of a file are
// read; a longer file is cut at the last line break before the cap, with
// a "body cut at" warning. A posting's ID is the first 16 hex digits of
// the SHA-256 of its normalized URL (lower-case scheme and host, no
// fragment, trailing slash, default port or utm_* parameters) or, without
// a URL, of its repaired text; it survives moving or renaming the folder.
// Postings with the same ID are one posting that knows all its paths.
package loader
