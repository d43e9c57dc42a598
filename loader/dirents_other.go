//go:build !linux

package loader

// readDirents reads the folder name through fs.ReadDir.
func (d *dirFS) readDirents(name string, _ *[]byte) ([]dirent, error) {
	des, err := d.ReadDir(name)
	return direntsOf(des), err
}
