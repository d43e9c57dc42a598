//go:build !unix

package loader

import "io/fs"

// readDirect is not available here; the caller goes through d.Open.
func readDirect(d *dirFS, h dirHandle, name string, b []byte, limit int64, v *FileVersion) ([]byte, bool, error) {
	return nil, false, nil
}

// openDirect is not available here; the caller goes through d.Open.
func openDirect(d *dirFS, name string) (fs.File, bool, error) { return nil, false, nil }

func fileSize(d *dirFS, name string) int64 { return -1 }
