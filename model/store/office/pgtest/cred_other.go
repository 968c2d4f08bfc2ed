//go:build !unix

package pgtest

import "os/exec"

func asServerUser(*exec.Cmd) error      { return nil }
func giveToServerUser(dir string) error { return nil }
