// Command unmapped checks that a window which is never shown costs no
// processor time: it takes the window manager's place on the X display
// (Xvfb), never maps a window, starts each command given and measures the
// processor time it uses while it waits. It exits 1 when a command uses more
// than -max of one core.
//
//	unmapped -max 10 -- NAME=CMD ARGS... ;; NAME=CMD ARGS...
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	settle := flag.Duration("settle", 3*time.Second, "time given to start before measuring")
	span := flag.Duration("for", 5*time.Second, "how long to measure")
	limit := flag.Float64("max", 10, "highest share of one core (percent) a waiting window may use")
	flag.Parse()
	if err := holdMaps(); err != nil {
		fail(2, err)
	}
	over := false
	for _, c := range commands(flag.Args()) {
		pct, err := measure(c[1:], *settle, *span)
		if err != nil {
			fail(1, fmt.Errorf("%s: %w", c[0], err))
		}
		fmt.Printf("%-10s window never shown: %5.1f %% of one core\n", c[0], pct)
		over = over || pct > *limit
	}
	if over {
		fail(1, fmt.Errorf("a window that is never shown used more than %.0f %% of a core", *limit))
	}
}

func fail(code int, err error) {
	fmt.Fprintln(os.Stderr, "unmapped:", err)
	os.Exit(code)
}

// commands reads "NAME=CMD ARGS... ;; NAME=CMD ARGS..." as [NAME CMD ARGS...].
func commands(args []string) [][]string {
	var out [][]string
	for _, part := range strings.Split(strings.Join(args, "\x00"), "\x00;;\x00") {
		f := strings.Split(part, "\x00")
		name, cmd, ok := strings.Cut(f[0], "=")
		if !ok || cmd == "" {
			fail(2, fmt.Errorf("want NAME=COMMAND, got %q", f[0]))
		}
		out = append(out, append([]string{name, cmd}, f[1:]...))
	}
	return out
}

// measure starts argv and returns the processor time it used in span after
// settle, as a percentage of one core.
func measure(argv []string, settle, span time.Duration) (float64, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	defer func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
	}()
	time.Sleep(settle)
	a, err := cpuTicks(cmd.Process.Pid)
	if err != nil {
		return 0, err
	}
	time.Sleep(span)
	b, err := cpuTicks(cmd.Process.Pid)
	if err != nil {
		return 0, err
	}
	const ticksPerSecond = 100 // USER_HZ on Linux
	return float64(b-a) / ticksPerSecond / span.Seconds() * 100, nil
}

// cpuTicks is the process's user and system time in clock ticks.
func cpuTicks(pid int) (int, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("the command ended early: %w", err)
	}
	f := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+2:]))
	utime, err1 := strconv.Atoi(f[11])
	stime, err2 := strconv.Atoi(f[12])
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("unreadable /proc/%d/stat", pid)
	}
	return utime + stime, nil
}
