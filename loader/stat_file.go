package loader

import (
	"io/fs"

	"github.com/jobdeck/jobdeck/model"
)

// StatFile returns the file information of the file p was read from: for a
// record of a JSON or CSV file ("jobs.json#3"), of that whole file. It
// fails wrapping [ErrNoSource] when p has no file.
func StatFile(p *model.Posting) (fs.FileInfo, error) {
	switch src := p.Source.(type) {
	case nil:
		return nil, ErrNoSource
	case *recordFile:
		return fs.Stat(src.fsys, src.name)
	default:
		return fs.Stat(src, FileOf(p.SourcePath))
	}
}
