package testutil

import "os"

// PrivateConfigDir points the user's configuration folder (where Jobspor
// keeps the audit's kept head and the office identity) at a new temp folder
// for a test binary, so tests never write into the real user's folders.
// The returned function removes it (call it after m.Run).
func PrivateConfigDir() func() {
	dir, err := os.MkdirTemp("", "jobspor-config-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir) // Linux, BSD
	os.Setenv("APPDATA", dir)         // Windows
	return func() { os.RemoveAll(dir) }
}
