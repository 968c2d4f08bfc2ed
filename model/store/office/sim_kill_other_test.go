//go:build !unix

package office

// simChild: the real-kill simulation needs SIGKILL (Unix).
func simChild(string) int { return 2 }
