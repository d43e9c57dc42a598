//go:build !unix

package model

// openNonBlock is 0 where there is no O_NONBLOCK; readStateFile still
// refuses anything but a regular file before opening it.
const openNonBlock = 0
