//go:build unix

package store

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used (user and system),
// steadier than the wall clock on a machine shared with other work.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
