//go:build !linux || !cgo

package memory

// trimC does nothing where the C heap is not glibc's (or there is no cgo).
func trimC() {}
