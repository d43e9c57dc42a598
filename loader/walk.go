package loader

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Skip reasons given by the walk.
const (
	ReasonHidden      = "hidden file"
	ReasonHiddenDir   = "hidden folder"
	ReasonBackup      = "editor backup"
	ReasonLoop        = "symlink loop: folder already visited"
	ReasonVisited     = "folder already loaded through a symlink"
	ReasonTooDeep     = "too many nested symlinks"
	ReasonBrokenLink  = "broken symlink"
	ReasonNotRegular  = "not a regular file"
	ReasonUnreadable  = "unreadable"
	ReasonUnreadDir   = "unreadable folder"
	ReasonNotFollowed = "symlink not followed" // see notFollowed
	ReasonSystem      = "system folder, read only when named"
	maxSymlinkFollows = 40
)

// systemDirs are the folders of the kernel's own file systems, never
// walked into unless a PATH names them (or a folder inside them).
var systemDirs = []string{"/proc", "/sys"}

// readExts are the extensions the walk reads (compared in lower case).
// Files with other extensions are ignored silently: they are neither
// loaded nor counted nor reported as skipped.
var readExts = map[string]bool{".md": true, ".markdown": true, ".txt": true,
	".json": true, ".jsonl": true, ".ndjson": true, ".csv": true, ".html": true, ".htm": true}

// job is one file for the parser pool.
type job struct {
	src     *Source
	fsPath  string // path inside src.FS
	display string // Posting.Path
}

// jobChunk is how many files of one folder the walk hands the parsers at
// once: a send on a channel and a goroutine switch cost about as much as
// looking a file up in the parse cache, so they are paid per chunk.
const jobChunk = 64

// chunk is files of one folder of one Source, in walk order.
type chunk []job

// walker walks sources and hands files to the parsers and skips to the
// collector. Each folder and each file named as a Source is read once,
// however many Sources reach it.
type walker struct {
	ctx       context.Context
	jobs      chan<- numbered
	results   chan<- part
	seen      func()
	followAll bool
	cache     *cacheHook  // keeps folders' entries between loads; nil: none
	spare     spares[job] // chunks the parsers are done with

	pending chunk  // files not yet handed to the parsers
	seq     int    // the number of the next chunk handed out
	pendDir string // their folder
	dirBuf  []byte // scratch space of readDirents
	// spareDirents are slices of entries that folders walked gave back,
	// for the cached listings of the next (a walk's folders nest, so
	// they are taken and given back in turn).
	spareDirents [][]dirent
	paths        stringSlab // the display paths of the files walked

	dirs  map[dirKey]int   // folders walked, with the index of the Source that walked them
	named map[fileKey]bool // files named as Sources: true once read
}

// dirKey identifies a visited folder: device and inode where the FS
// exposes them, else its path in the FS of Source src.
type dirKey struct {
	dev, ino uint64
	path     string
	src      int
}

// fileKey identifies a file by its folder and name.
type fileKey struct {
	dir  dirKey
	name string
}

// sourceWalk is the walk of one Source.
type sourceWalk struct {
	src    *Source
	idx    int    // its index among the Sources
	root   string // the folder walked, in src.FS
	dev    uint64 // root's device, where hasDev
	hasDev bool
	real   string // root's system path with symlinks resolved; "" where the FS has none
}

// folder is a folder being walked.
type folder struct {
	path    string // in the FS
	display string // displayPath of path, set by dir
	prefix  string // what the display path of a file in it starts with (see displayPrefix)
	canon   string // path with symlinks resolved, the folder's identity where the FS exposes no inodes
	real    string // system path with symlinks resolved, or ""
	key     dirKey
	info    fs.FileInfo // its stat, taken before it is read; nil when unknown
	links   int         // symlinks followed to reach it
}

// isBackup reports editor backup and swap files: "x~", "#x#", "*.swp",
// "*.swo", "*.swx". Backups of postings (see backupOf) are reported as
// skipped; backups of other files are ignored like those files.
func isBackup(name string) bool {
	n := len(name)
	switch {
	case n == 0:
		return false
	case name[n-1] == '~', n > 1 && name[0] == '#' && name[n-1] == '#':
		return true
	case n < 4 || name[n-4] != '.':
		return false
	}
	ext := name[n-3:] // compared in lower case, without lowering the whole name
	return strings.EqualFold(ext, "swp") || strings.EqualFold(ext, "swo") || strings.EqualFold(ext, "swx")
}

// readsExt reports whether the walk reads files named name: whether its
// extension, in lower case, is one of readExts.
func readsExt(name string) bool {
	ext := path.Ext(name)
	if len(ext) > len(".markdown") {
		return readExts[strings.ToLower(ext)] // a longer one may lower to a shorter
	}
	var buf [len(".markdown")]byte
	for i := 0; i < len(ext); i++ {
		c := ext[i]
		if c >= utf8.RuneSelf { // the Kelvin sign lowers to k
			return readExts[strings.ToLower(ext)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return readExts[string(buf[:len(ext)])] // a lookup of a converted slice does not allocate
}

// backupOf returns the name of the file a backup name is for:
// "x.md~" → "x.md", "#x.md#" → "x.md", ".x.md.swp" → "x.md".
func backupOf(name string) string {
	switch {
	case strings.HasSuffix(name, "~"):
		return strings.TrimRight(name, "~")
	case len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#':
		return name[1 : len(name)-1]
	}
	return strings.TrimPrefix(name[:len(name)-len(path.Ext(name))], ".")
}

// register notes the files among sources, so that a folder walk that
// reaches one of them and the Source itself read it once between them.
func (w *walker) register(sources []Source) {
	w.dirs = map[dirKey]int{}
	w.named = map[fileKey]bool{}
	for i := range sources {
		if k, ok := namedFile(&sources[i], i); ok {
			w.named[k] = false
		}
	}
}

// namedFile is the key of the file a Source names, if it names a file.
func namedFile(src *Source, idx int) (fileKey, bool) {
	root := cmp.Or(src.Root, ".")
	fi, err := fs.Stat(src.FS, root)
	if err != nil || fi.IsDir() {
		return fileKey{}, false
	}
	dir := path.Dir(root)
	di, err := fs.Stat(src.FS, dir)
	if err != nil {
		return fileKey{}, false
	}
	return fileKey{dir: folderKey(di, dir, idx), name: path.Base(root)}, true
}

// folderKey is keyOf for the folder p of Source idx.
func folderKey(fi fs.FileInfo, p string, idx int) dirKey {
	k, byInode := keyOf(fi, p)
	if !byInode {
		k.src = idx
	}
	return k
}

// source walks Source idx. It returns false when the context ended.
func (w *walker) source(src *Source, idx int) bool {
	root := cmp.Or(src.Root, ".")
	fi, err := fs.Stat(src.FS, root)
	if err != nil {
		return w.skip(displayPath(src, root, root), reasonOf(ReasonUnreadable, err))
	}
	if !fi.IsDir() {
		if !fi.Mode().IsRegular() {
			return w.skip(displayPath(src, root, root), ReasonNotRegular)
		}
		if k, ok := namedFile(src, idx); ok {
			if w.named[k] {
				return true // read already
			}
			w.named[k] = true
		}
		// A file named on the command line is read whatever its name.
		return w.file(src, root, root)
	}
	key := folderKey(fi, root, idx)
	if _, ok := w.dirs[key]; ok {
		return true // walked already, from an earlier Source
	}
	w.dirs[key] = idx
	sw := &sourceWalk{src: src, idx: idx, root: root}
	sw.dev, sw.hasDev = key.dev, key.path == ""
	if r, ok := src.FS.(interface{ realPath(string) (string, error) }); ok {
		sw.real, _ = r.realPath(root)
	}
	return w.dir(sw, folder{path: root, canon: root, real: sw.real, key: key, info: fi})
}

// dir walks the folder f.
func (w *walker) dir(sw *sourceWalk, f folder) bool {
	if w.ctx.Err() != nil {
		return false
	}
	src, root := sw.src, sw.root
	f.display = displayPath(src, root, f.path)
	f.prefix = displayPrefix(f.display)
	entries, release, dirErr := w.readFolder(src, f)
	defer release()
	if dirErr != nil && len(entries) == 0 {
		return w.skip(f.display, reasonOf(ReasonUnreadDir, dirErr))
	}
	for _, e := range entries {
		if !w.entry(sw, f, e, entries) {
			return false
		}
	}
	if dirErr != nil {
		return w.skip(f.display, reasonOf(ReasonUnreadDir, dirErr))
	}
	return true
}

// readFolder returns the entries of the folder f of src sorted by name,
// as [readDirents] does: from the parse cache when it holds them for f's
// stat, else read, and then offered to the cache. Call release once the
// entries are walked: the cache's names are its memory until then, and
// the slice goes back to w's spares.
func (w *walker) readFolder(src *Source, f folder) (es []dirent, release func(), err error) {
	var buf []dirent
	if n := len(w.spareDirents); n > 0 {
		buf, w.spareDirents = w.spareDirents[n-1], w.spareDirents[:n-1]
	}
	if es, done, ok := w.cache.listing(src, f.path, f.info, buf); ok {
		return es, func() {
			done()
			clear(es) // its names are the cache's
			w.spareDirents = append(w.spareDirents, es[:0])
		}, nil
	}
	if buf != nil {
		w.spareDirents = append(w.spareDirents, buf)
	}
	es, err = readDirents(src.FS, f.path, &w.dirBuf)
	if err == nil {
		w.cache.listed(src, f.path, f.info, es)
	}
	return es, func() {}, err
}

// entry walks one entry e of the folder f, whose entries are siblings.
// It returns false when the context ended.
func (w *walker) entry(sw *sourceWalk, f folder, e dirent, siblings []dirent) bool {
	src, root := sw.src, sw.root
	name := e.name
	t := e.typ
	links := f.links
	var info fs.FileInfo
	if t&fs.ModeSymlink != 0 {
		p := joinName(f.path, name)
		if f.links >= maxSymlinkFollows {
			return w.skip(displayPath(src, root, p), ReasonTooDeep)
		}
		var err error
		if info, err = fs.Stat(src.FS, p); err != nil {
			reason := ReasonBrokenLink
			if errors.Is(err, fs.ErrPermission) {
				reason = ReasonUnreadable
			}
			return w.skip(displayPath(src, root, p), reasonOf(reason, err))
		}
		t = info.Mode().Type()
		links++
	}
	switch {
	case t.IsDir():
		p := joinName(f.path, name)
		if strings.HasPrefix(name, ".") {
			return w.skip(displayPath(src, root, p), ReasonHiddenDir)
		}
		if isPageAssets(name, siblings) {
			return w.skip(displayPath(src, root, p), ReasonPageAssets)
		}
		return w.subdir(sw, f, p, info, links)
	case isBackup(name):
		if readsExt(backupOf(name)) {
			return w.skip(displayPath(src, root, joinName(f.path, name)), ReasonBackup)
		}
	case !readsExt(name):
		// ignored silently
	case strings.HasPrefix(name, "."):
		return w.skip(displayPath(src, root, joinName(f.path, name)), ReasonHidden)
	case !t.IsRegular():
		return w.skip(displayPath(src, root, joinName(f.path, name)), ReasonNotRegular)
	default:
		if len(w.named) > 0 {
			k := fileKey{dir: f.key, name: name}
			if read, ok := w.named[k]; ok {
				if read {
					return true
				}
				// An assignment stores its key again: a copy, as name
				// may be the cache's memory (see readFolder).
				w.named[fileKey{dir: f.key, name: strings.Clone(name)}] = true
			}
		}
		return w.folderFile(src, f, name)
	}
	return true
}

// subdir walks the folder p inside f, reached through links symlinks
// (more than f's when p is one); info is its FileInfo when known.
func (w *walker) subdir(sw *sourceWalk, f folder, p string, info fs.FileInfo, links int) bool {
	src := sw.src
	viaLink := links != f.links
	if info == nil {
		info, _ = fs.Stat(src.FS, p)
	}
	sub := folder{path: p, canon: path.Join(f.canon, path.Base(p)), info: info, links: links}
	sub.key = folderKey(info, p, sw.idx)
	if f.real != "" {
		sub.real = filepath.Join(f.real, path.Base(p))
	}
	if viaLink {
		if sub.key.path != "" {
			if r, ok := evalLinks(src.FS, p); ok {
				sub.canon = r
			}
		}
		if r, ok := src.FS.(interface{ realPath(string) (string, error) }); ok {
			sub.real, _ = r.realPath(p)
		}
	}
	if sub.key.path != "" {
		sub.key.path = sub.canon
	}
	if by, ok := w.dirs[sub.key]; ok {
		if by != sw.idx && !viaLink {
			return true // walked already, from an earlier Source
		}
		reason := ReasonLoop
		if !viaLink {
			reason = ReasonVisited
		}
		return w.skip(displayPath(src, sw.root, p), reason)
	}
	if why := w.notFollowed(sw, sub, viaLink); why != "" {
		return w.skip(displayPath(src, sw.root, p), why)
	}
	w.dirs[sub.key] = sw.idx
	return w.dir(sw, sub)
}

// notFollowed returns why the walk does not go into the folder sub, or
// "": a system folder (see systemDirs) the Source is not inside; or,
// through a symlink and unless followAll, a folder on another device than
// the Source's, the root folder, or a folder holding the Source.
func (w *walker) notFollowed(sw *sourceWalk, sub folder, viaLink bool) string {
	for _, d := range systemDirs {
		if sub.real == d && !within(sw.real, d) {
			return ReasonSystem
		}
	}
	if !viaLink || w.followAll {
		return ""
	}
	target := sub.real
	if target == "" {
		target = sub.canon
	}
	switch {
	case sw.hasDev && sub.key.path == "" && sub.key.dev != sw.dev:
		return notFollowed(target, "on another file system")
	case sub.real == "/" || sub.real == filepath.VolumeName(sub.real)+`\`:
		return notFollowed(target, "the root folder")
	case sub.real != "" && within(sw.real, sub.real), sub.real == "" && within(sw.root, sub.canon):
		return notFollowed(target, "a folder holding "+SafePath(sw.src.Name))
	}
	return ""
}

// notFollowed is the skip reason of a symlink to target not followed.
func notFollowed(target, why string) string {
	return ReasonNotFollowed + " (to " + SafePath(target) + "): " + why + "; --follow-all follows it"
}

// within reports whether the path p is dir or inside it (slash- or
// system-separated, "." the top of an FS).
func within(p, dir string) bool {
	if dir == "." || dir == p || dir == "/" {
		return true
	}
	return strings.HasPrefix(p, dir+"/") || strings.HasPrefix(p, dir+string(filepath.Separator))
}

// file hands the file p under root to the workers, in a chunk of files of
// its folder (see [walker.queue]). When the display path ends with p (the
// usual case) the job's fsPath is that end of it, so a posting's Path and
// SourcePath share one string.
func (w *walker) file(src *Source, root, p string) bool {
	w.seen()
	display := displayPath(src, root, p)
	if strings.HasSuffix(display, p) {
		p = display[len(display)-len(p):]
	}
	return w.queue(job{src: src, fsPath: p, display: display}, path.Dir(p))
}

// folderFile is file for the file name of the folder f: its display path
// made from the folder's, and its path, where it can, the end of that.
func (w *walker) folderFile(src *Source, f folder, name string) bool {
	w.seen()
	display := w.paths.concat(f.prefix, SafePath(name))
	p, ok := tailPath(display, f.path, name)
	if !ok {
		p = joinName(f.path, name)
	}
	return w.queue(job{src: src, fsPath: p, display: display}, f.path)
}

// queue adds j, a file of the folder dir, to the pending files, handing
// them to the workers when the folder changes or a chunk is full.
func (w *walker) queue(j job, dir string) bool {
	if len(w.pending) > 0 && (w.pending[0].src != j.src || w.pendDir != dir) {
		if !w.flush() {
			return false
		}
	}
	w.pending = append(w.pending, j)
	w.pendDir = dir
	if len(w.pending) == jobChunk {
		return w.flush()
	}
	return true
}

// displayPrefix is what the display path of each file of the folder
// whose display path is dir starts with: the file's name (made safe) is
// the rest, as both are clean and the name is one element.
func displayPrefix(dir string) string {
	switch dir {
	case ".":
		return ""
	case "/":
		return "/"
	}
	return dir + "/"
}

// tailPath returns the end of display that is joinName(dir, name), if
// display ends so.
func tailPath(display, dir, name string) (string, bool) {
	n := len(name)
	if dir != "." {
		n += len(dir) + 1
	}
	if len(display) < n {
		return "", false
	}
	tail := display[len(display)-n:]
	if dir == "." {
		return tail, tail == name
	}
	return tail, tail[:len(dir)] == dir && tail[len(dir)] == '/' && tail[len(dir)+1:] == name
}

// flush hands the pending files to the workers. It returns false when the
// context ended.
func (w *walker) flush() bool {
	if len(w.pending) == 0 {
		return true
	}
	c := numbered{seq: w.seq, files: w.pending}
	w.pending = w.spare.get(jobChunk)
	select {
	case w.jobs <- c:
		w.seq++
		return true
	case <-w.ctx.Done():
		return false
	}
}

func (w *walker) skip(display, reason string) bool {
	w.seen()
	select {
	case w.results <- part{seq: unordered, rs: []result{{skip: &Skip{Path: display, Reason: reason}}}}:
		return true
	case <-w.ctx.Done():
		return false
	}
}

// evalLinks resolves the symlinks in p through fsys (fs.ReadLink),
// component by component. ok is false when a link points outside fsys
// (an absolute target) or there are too many links.
func evalLinks(fsys fs.FS, p string) (string, bool) {
	todo := strings.Split(p, "/")
	done := "."
	for n := 0; len(todo) > 0; {
		part := todo[0]
		todo = todo[1:]
		if part == "." || part == "" {
			continue
		}
		cand := path.Join(done, part)
		target, err := fs.ReadLink(fsys, cand)
		if err != nil {
			done = cand
			continue
		}
		if n++; n > maxSymlinkFollows || path.IsAbs(target) {
			return "", false
		}
		next := path.Join(done, target)
		if strings.HasPrefix(next, "../") || next == ".." {
			return "", false
		}
		todo = append(strings.Split(next, "/"), todo...)
		done = "."
	}
	return done, true
}

// joinName is path.Join(dir, name) for a clean folder dir and a name
// read from it (neither empty, ".", ".." nor holding a slash), without
// path.Join's scan for what to clean.
func joinName(dir, name string) string {
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

// displayPath is Posting.Path of p: path.Join(Name, p relative to root),
// made safe to print (see SafePath).
func displayPath(src *Source, root, p string) string {
	rel := p
	if root != "." {
		if p == root {
			rel = "."
		} else {
			rel = strings.TrimPrefix(p, root+"/")
		}
	}
	name := src.Name
	if rel != "." && name != "" && name != "." && name != "/" && !strings.HasPrefix(rel, "../") && path.Clean(name) == name {
		return SafePath(name + "/" + rel) // path.Join's result: both halves are clean
	}
	return SafePath(path.Join(name, rel))
}

// SafePath escapes what a file name must not send to a terminal: control
// and bidi characters become Go escapes ("\x1b", "\u202e"), invalid
// UTF-8 bytes "\xff". Ordinary names are returned unchanged. Posting.Path
// and Skip.Path are escaped so, as is every error of this package that
// names a path; any other message naming a path should be too.
func SafePath(p string) string {
	if printableASCII(p) || (!needsStrip(p) && !strings.ContainsAny(p, "\n\t") && utf8.ValidString(p)) {
		return p
	}
	var sb strings.Builder
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&sb, "\\x%02x", p[i])
		case r < 0x20 || (r >= 0x7F && r < 0xA0):
			fmt.Fprintf(&sb, "\\x%02x", r)
		case isBidi(r):
			fmt.Fprintf(&sb, "\\u%04x", r)
		default:
			sb.WriteString(p[i : i+n])
		}
		i += n
	}
	return sb.String()
}

// printableASCII reports whether p is printable ASCII only (a space to
// a tilde): a file name as most are, which SafePath returns unchanged
// after one pass over it.
func printableASCII(p string) bool {
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c >= 0x7F {
			return false
		}
	}
	return true
}

// reasonOf is a skip reason with the error's cause ("unreadable:
// permission denied").
func reasonOf(reason string, err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return reason + ": " + cleanField(err.Error())
}
