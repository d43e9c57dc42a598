package loader

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
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
	maxSymlinkFollows = 40
)

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

// walker walks sources and hands files to the parsers and skips to the
// collector.
type walker struct {
	ctx     context.Context
	jobs    chan<- job
	results chan<- result
	seen    func()
}

// dirKey identifies a visited folder: device and inode where the FS
// exposes them, else its path.
type dirKey struct {
	dev, ino uint64
	path     string
}

// isBackup reports editor backup and swap files: "x~", "#x#", "*.swp",
// "*.swo", "*.swx". Backups of postings (see backupOf) are reported as
// skipped; backups of other files are ignored like those files.
func isBackup(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasSuffix(name, "~") ||
		(len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#') ||
		strings.HasSuffix(lower, ".swp") || strings.HasSuffix(lower, ".swo") || strings.HasSuffix(lower, ".swx")
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

// source walks one Source. It returns false when the context ended.
func (w *walker) source(src *Source) bool {
	root := src.Root
	if root == "" {
		root = "."
	}
	fi, err := fs.Stat(src.FS, root)
	if err != nil {
		return w.skip(displayPath(src, root, root), reasonOf(ReasonUnreadable, err))
	}
	if !fi.IsDir() {
		if !fi.Mode().IsRegular() {
			return w.skip(displayPath(src, root, root), ReasonNotRegular)
		}
		// A file named on the command line is read whatever its name.
		return w.file(src, root, root)
	}
	visited := map[dirKey]bool{}
	k, _ := keyOf(fi, root)
	visited[k] = true
	return w.dir(src, root, root, root, visited, 0)
}

// dir walks the folder dir; canon is its path with symlinks resolved,
// the folder's identity where the FS exposes no inodes.
func (w *walker) dir(src *Source, root, dir, canon string, visited map[dirKey]bool, links int) bool {
	if w.ctx.Err() != nil {
		return false
	}
	entries, dirErr := fs.ReadDir(src.FS, dir)
	if dirErr != nil && len(entries) == 0 {
		return w.skip(displayPath(src, root, dir), reasonOf(ReasonUnreadDir, dirErr))
	}
	for _, e := range entries {
		name := e.Name()
		p := path.Join(dir, name)
		t := e.Type()
		ok := true
		nlinks := links
		var info fs.FileInfo
		if t&fs.ModeSymlink != 0 {
			if links >= maxSymlinkFollows {
				ok = w.skip(displayPath(src, root, p), ReasonTooDeep)
				if !ok {
					return false
				}
				continue
			}
			var err error
			info, err = fs.Stat(src.FS, p)
			if err != nil {
				if !w.skip(displayPath(src, root, p), reasonOf(ReasonBrokenLink, err)) {
					return false
				}
				continue
			}
			t = info.Mode().Type()
			nlinks++
		}
		switch {
		case t.IsDir():
			if strings.HasPrefix(name, ".") {
				ok = w.skip(displayPath(src, root, p), ReasonHiddenDir)
				break
			}
			if isPageAssets(name, entries) {
				ok = w.skip(displayPath(src, root, p), ReasonPageAssets)
				break
			}
			if info == nil {
				if fi, err := e.Info(); err == nil {
					info = fi
				}
			}
			k, byInode := keyOf(info, p)
			c := path.Join(canon, name)
			if !byInode {
				if nlinks != links {
					if r, ok := evalLinks(src.FS, p); ok {
						c = r
					}
				}
				k = dirKey{path: c}
			}
			if visited[k] {
				reason := ReasonLoop
				if nlinks == links {
					reason = ReasonVisited
				}
				ok = w.skip(displayPath(src, root, p), reason)
				break
			}
			visited[k] = true
			ok = w.dir(src, root, p, c, visited, nlinks)
		case isBackup(name):
			if readExts[strings.ToLower(path.Ext(backupOf(name)))] {
				ok = w.skip(displayPath(src, root, p), ReasonBackup)
			}
		case !readExts[strings.ToLower(path.Ext(name))]:
			// ignored silently
		case strings.HasPrefix(name, "."):
			ok = w.skip(displayPath(src, root, p), ReasonHidden)
		case !t.IsRegular():
			ok = w.skip(displayPath(src, root, p), ReasonNotRegular)
		default:
			ok = w.file(src, root, p)
		}
		if !ok {
			return false
		}
	}
	if dirErr != nil {
		return w.skip(displayPath(src, root, dir), reasonOf(ReasonUnreadDir, dirErr))
	}
	return true
}

func (w *walker) file(src *Source, root, p string) bool {
	w.seen()
	select {
	case w.jobs <- job{src: src, fsPath: p, display: displayPath(src, root, p)}:
		return true
	case <-w.ctx.Done():
		return false
	}
}

func (w *walker) skip(display, reason string) bool {
	w.seen()
	select {
	case w.results <- result{skip: &Skip{Path: display, Reason: reason}}:
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

// displayPath is Posting.Path of p: path.Join(Name, p relative to root),
// made safe to print (see safePath).
func displayPath(src *Source, root, p string) string {
	rel := p
	if root != "." {
		if p == root {
			rel = "."
		} else {
			rel = strings.TrimPrefix(p, root+"/")
		}
	}
	return safePath(path.Join(src.Name, rel))
}

// safePath escapes what a file name must not send to a terminal: control
// and bidi characters become Go escapes ("\x1b", "\u202e"), invalid
// UTF-8 bytes "\xff". Ordinary names are returned unchanged.
func safePath(p string) string {
	if !needsStrip(p) && !strings.ContainsAny(p, "\n\t") && utf8.ValidString(p) {
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

// reasonOf is a skip reason with the error's cause ("unreadable:
// permission denied").
func reasonOf(reason string, err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return reason + ": " + cleanField(err.Error())
}
