package cache

// SetWriteFile replaces how c writes a cache file, to simulate a folder
// that cannot be written even by root.
func SetWriteFile(c *Cache, f func(name string, write func(FileWriter) error) error) { c.writeFile = f }

// FileWriter is fileWriter, for a test's writeFile.
type FileWriter = fileWriter

// FileName is fileName, for tests that damage a cache file.
var FileName = fileName

// WriteAtomic is writeAtomic, for a test's writeFile to call.
var WriteAtomic = writeAtomic

// Poison makes c overwrite each block nothing refers to any more before
// it is read into again, so that a posting still holding its memory
// shows it.
// It also keeps fill one block ahead of the lookups, so that a small file
// frees blocks before it is all read.
func Poison(c *Cache) { c.poison, c.ahead = true, 1 }

// Reused returns how many blocks c read into the memory of earlier ones.
func Reused(c *Cache) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.reused
}
