//go:build linux && cgo

package memory

/*
#include <malloc.h>
*/
import "C"

// trimC gives the C heap's free pages back, also those between blocks in
// use, which glibc's free never returns on its own.
func trimC() { C.malloc_trim(0) }
