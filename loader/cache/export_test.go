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
