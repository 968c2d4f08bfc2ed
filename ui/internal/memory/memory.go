// Package memory hands memory the window no longer uses back to the system.
package memory

import "runtime/debug"

// Release returns the Go heap's free pages (after a collection) and, where
// the C library keeps freed memory for itself (glibc), the C heap's: there
// OpenGL keeps the textures of text on screens the caseworker has left.
func Release() {
	debug.FreeOSMemory()
	trimC()
}
