//go:build windows

package cli

import (
	"os"
	"syscall"
)

// jobspor.exe is built for the GUI subsystem (-H=windowsgui) so no console
// window flashes when a caseworker opens it. Such a process gets no console:
// started from cmd or PowerShell, `jobspor.exe version` would print nothing.
// At start, before main reads os.Stdout, attach to the console of the process
// that started us (if any) and send output there. Handles the parent already
// gave us (output redirected to a file or pipe) are kept as they are.
func init() {
	attachParentConsole()
}

const attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS, (DWORD)-1

var (
	kernel32         = syscall.NewLazyDLL("kernel32.dll")
	procAttachCons   = kernel32.NewProc("AttachConsole")
	procSetStdHandle = kernel32.NewProc("SetStdHandle")
)

func attachParentConsole() {
	if hasStdHandle(syscall.STD_OUTPUT_HANDLE) && hasStdHandle(syscall.STD_ERROR_HANDLE) {
		return // redirected (or already a console): nothing to do
	}
	if procAttachCons.Find() != nil {
		return
	}
	if r, _, _ := procAttachCons.Call(uintptr(attachParentProcess)); r == 0 {
		return // started from Explorer or the Start menu: no console to attach to
	}
	if !hasStdHandle(syscall.STD_OUTPUT_HANDLE) {
		if f := openConsole("CONOUT$", syscall.GENERIC_READ|syscall.GENERIC_WRITE, "/dev/stdout"); f != nil {
			setStd(syscall.STD_OUTPUT_HANDLE, f)
			os.Stdout = f
		}
	}
	if !hasStdHandle(syscall.STD_ERROR_HANDLE) {
		if f := openConsole("CONOUT$", syscall.GENERIC_READ|syscall.GENERIC_WRITE, "/dev/stderr"); f != nil {
			setStd(syscall.STD_ERROR_HANDLE, f)
			os.Stderr = f
		}
	}
}

// hasStdHandle reports whether the process already has a usable standard handle.
func hasStdHandle(which int) bool {
	h, err := syscall.GetStdHandle(which)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	_, err = syscall.GetFileType(h)
	return err == nil
}

func openConsole(name string, access uint32, osName string) *os.File {
	p, err := syscall.UTF16PtrFromString(name)
	if err != nil {
		return nil
	}
	h, err := syscall.CreateFile(p, access, syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE, nil, syscall.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil
	}
	return os.NewFile(uintptr(h), osName)
}

// setStd makes the handle the process's standard handle too, so that a Go
// runtime panic, which writes to the standard error handle, is seen.
func setStd(which int, f *os.File) {
	if procSetStdHandle.Find() == nil {
		procSetStdHandle.Call(uintptr(uint32(which)), f.Fd())
	}
}
