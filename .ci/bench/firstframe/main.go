// Command firstframe times a window's cold start as the eye sees it: it
// starts a command on an X display (Xvfb), reads the screen's pixels every
// half millisecond until the window's first drawn pixels appear, then ends
// the command. Runs alternate between the commands given, so that the
// floor (an empty Fyne window) is measured in the same run, and each
// command's median is printed.
//
// With -type N it then types N keys into the window through XTest (the
// letters of -text, then as many BackSpaces, and again) and times each from
// the key press to the first change of the band of the screen where the
// typed text shows. A change no wider than the caret is not counted: the
// entry's caret blinks (fades) in place, while a typed letter or a
// BackSpace moves it by a glyph's width and changes the glyph's columns.
//
//	firstframe -runs 7 -rss-after 3s -- NAME=CMD ARGS... ;; NAME=CMD ARGS...
//	firstframe -runs 3 -keys ctrl+f -type 36 -text hansen -- NAME=CMD ARGS... ;; ...
//
// With -stamps it also prints, for each run, the wall-clock times (local,
// to the microsecond) when the first key was pressed and the last key's
// pixels came, and each key's press and milliseconds to pixels:
// officesetup sets them beside the window's own log. -band-for NAME=x,y,w,h
// gives one command a band of its own (a window whose search field sits
// lower than the floor's).
//
// With -idle D it reads the process's CPU time (/proc/PID/stat, user and
// system) -idle-after after the first pixels and again D later, nothing
// touched in between, and prints it as a share of one core.
//
//	firstframe -runs 3 -idle 60s -idle-after 15s -- NAME=CMD ARGS... ;; ...
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type command struct {
	name  string
	argv  []string
	ms    []float64
	rss   []float64
	later []float64 // resident memory -rss-later after
	keys  []float64 // key to pixels, every key of every run
	idle  []float64 // percent of one core while idle
}

// typing is what -type asks for.
type typing struct {
	n      int
	text   string
	band   [4]int // x, y, width, height on the screen
	settle time.Duration
}

// caret is the widest change (in columns) taken for the caret's blinking.
const caret = 4

func main() {
	runs := flag.Int("runs", 7, "runs of each command")
	timeout := flag.Duration("timeout", 20*time.Second, "give up on a run after this long")
	rssAfter := flag.Duration("rss-after", 0, "also read the resident memory this long after the first pixels (with -keys typed first)")
	rssLater := flag.Duration("rss-later", 0, "with -rss-after, read the resident memory again this much later (once Fyne has let go of the screens left)")
	keys := flag.String("keys", "", "xdotool key names typed after the first pixels, before reading memory or typing (e.g. ctrl+f)")
	open := flag.Int("open", 0, "after -keys, open this many citizens from the caseload's rows (Escape back after each) before reading memory")
	var ty typing
	flag.IntVar(&ty.n, "type", 0, "type this many keys and time each from key press to pixels")
	flag.StringVar(&ty.text, "text", "hansen", "ASCII letters typed (then erased with BackSpace), over and over")
	band := flag.String("band", "0,0,1024,48", "x,y,width,height of the screen where the typed text shows")
	flag.DurationVar(&ty.settle, "settle", 2*time.Second, "wait this long after -keys before typing")
	bands := map[string][4]int{}
	flag.Func("band-for", "NAME=x,y,width,height: -band for the command NAME (repeatable)", func(v string) error {
		name, b, _ := strings.Cut(v, "=")
		var r [4]int
		_, err := fmt.Sscanf(b, "%d,%d,%d,%d", &r[0], &r[1], &r[2], &r[3])
		bands[name] = r
		return err
	})
	stamps := flag.Bool("stamps", false, "print each run's typing start and end (wall clock) as a line of its own")
	var id idling
	flag.DurationVar(&id.over, "idle", 0, "read the CPU time used over this long, nothing touched (after -keys)")
	flag.DurationVar(&id.after, "idle-after", 15*time.Second, "start reading the idle CPU time this long after the first pixels")
	flag.Parse()
	_, err := fmt.Sscanf(*band, "%d,%d,%d,%d", &ty.band[0], &ty.band[1], &ty.band[2], &ty.band[3])
	cmds, err2 := parse(flag.Args())
	err = errors.Join(err, err2)
	if err == nil {
		err = openDisplay()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "firstframe:", err)
		os.Exit(2)
	}
	for r := 0; r < *runs; r++ {
		for _, c := range cmds {
			ty := ty
			if b, ok := bands[c.name]; ok {
				ty.band = b
			}
			ms, rss, keyMs, idle, err := run(c.argv, *timeout, *rssAfter, *keys, *open, ty, id, *rssLater)
			if err != nil {
				fmt.Fprintf(os.Stderr, "firstframe: %s: %v\n", c.name, err)
				os.Exit(1)
			}
			c.ms, c.rss, c.later, c.keys, c.idle = append(c.ms, ms), append(c.rss, rss[0]), append(c.later, rss[1]), append(c.keys, keyMs...), append(c.idle, idle)
			fmt.Printf("run %d  %-10s first pixels %6.0f ms", r+1, c.name, ms)
			if *rssAfter > 0 {
				fmt.Printf("  resident %5.0f MB", rss[0])
			}
			if *rssAfter > 0 && *rssLater > 0 {
				fmt.Printf("  %s later %5.0f MB", *rssLater, rss[1])
			}
			if ty.n > 0 {
				fmt.Printf("  key to pixels median %5.1f ms  p90 %5.1f ms", median(keyMs), percentile(keyMs, 90))
			}
			if id.over > 0 {
				fmt.Printf("  idle CPU %5.2f %% of a core over %s", idle, id.over)
			}
			fmt.Println()
			if *stamps && ty.n > 0 {
				const f = "15:04:05.000000"
				fmt.Printf("stamps run %d  %-10s typing %s - %s\n", r+1, c.name, pressed[0].Format(f), typedTo.Format(f))
				for i, at := range pressed {
					fmt.Printf("stamps key %d  %-10s %d %s %.1f\n", r+1, c.name, i+1, at.Format(f), keyMs[i])
				}
			}
		}
	}
	for _, c := range cmds {
		fmt.Printf("median of %d  %-10s first pixels %6.0f ms", *runs, c.name, median(c.ms))
		if *rssAfter > 0 {
			fmt.Printf("  resident %5.0f MB", median(c.rss))
		}
		if *rssAfter > 0 && *rssLater > 0 {
			fmt.Printf("  %s later %5.0f MB", *rssLater, median(c.later))
		}
		if ty.n > 0 {
			fmt.Printf("  key to pixels median %5.1f ms  p90 %5.1f ms  (%d keys)", median(c.keys), percentile(c.keys, 90), len(c.keys))
		}
		if id.over > 0 {
			fmt.Printf("  idle CPU %5.2f %% of a core", median(c.idle))
		}
		fmt.Println()
	}
}

// parse reads "NAME=CMD ARGS... ;; NAME=CMD ARGS...".
func parse(args []string) ([]*command, error) {
	var out []*command
	for len(args) > 0 {
		end := len(args)
		for i, a := range args {
			if a == ";;" {
				end = i
				break
			}
		}
		name, cmd, ok := strings.Cut(args[0], "=")
		if !ok || cmd == "" {
			return nil, fmt.Errorf("want NAME=COMMAND, got %q", args[0])
		}
		out = append(out, &command{name: name, argv: append([]string{cmd}, args[1:end]...)})
		args = args[min(end+1, len(args)):]
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no command given")
	}
	return out, nil
}

// samples are points inside a 1024×540 window placed at the top left
// (Xvfb has no window manager to place it elsewhere).
var samples = [][2]int{{20, 20}, {512, 20}, {1000, 20}, {20, 270}, {512, 270}, {1000, 270}, {20, 520}, {512, 520}, {1000, 520}}

// idling is what -idle asks for.
type idling struct {
	over, after time.Duration
}

func run(argv []string, timeout, rssAfter time.Duration, keys string, open int, ty typing, id idling, rssLater time.Duration) (ms float64, rssMB [2]float64, keyMs []float64, idle float64, err error) {
	base := make([]uint64, len(samples))
	for i, p := range samples {
		base[i] = pixel(p[0], p[1])
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = nil, nil
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, [2]float64{}, nil, 0, err
	}
	defer func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
		time.Sleep(200 * time.Millisecond) // the window is gone before the next run
	}()
	for {
		if changed(base) {
			ms = float64(time.Since(start).Microseconds()) / 1000
			break
		}
		if time.Since(start) > timeout {
			return 0, [2]float64{}, nil, 0, fmt.Errorf("no pixels after %s", timeout)
		}
		time.Sleep(500 * time.Microsecond)
	}
	if ty.n > 0 {
		if err := quiet(ty.band, 500*time.Millisecond, timeout); err != nil {
			return 0, [2]float64{}, nil, 0, err
		}
		if keys != "" {
			exec.Command("xdotool", append([]string{"key", "--delay", "100"}, strings.Fields(keys)...)...).Run()
		}
		time.Sleep(ty.settle)
		keyMs, err = typeKeys(ty, timeout)
		return ms, [2]float64{}, keyMs, 0, err
	}
	if id.over > 0 {
		if keys != "" {
			time.Sleep(time.Second)
			exec.Command("xdotool", append([]string{"key", "--delay", "100"}, strings.Fields(keys)...)...).Run()
		}
		time.Sleep(id.after)
		idle, err = idleCPU(cmd.Process.Pid, id.over)
		return ms, [2]float64{}, nil, idle, err
	}
	if rssAfter > 0 {
		if keys != "" {
			time.Sleep(rssAfter / 2)
			exec.Command("xdotool", append([]string{"key", "--delay", "100"}, strings.Fields(keys)...)...).Run()
		}
		if open > 0 {
			time.Sleep(rssAfter / 2)
			exec.Command("xdotool", openRows(open)...).Run()
		}
		time.Sleep(rssAfter)
		rssMB[0], err = resident(cmd.Process.Pid)
		if err == nil && rssLater > 0 {
			time.Sleep(rssLater)
			rssMB[1], err = resident(cmd.Process.Pid)
		}
	}
	return ms, rssMB, nil, 0, err
}

// idleCPU is the share of one core (percent) the process used over d.
func idleCPU(pid int, d time.Duration) (float64, error) {
	before, err := cpuTicks(pid)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	time.Sleep(d)
	after, err := cpuTicks(pid)
	if err != nil {
		return 0, err
	}
	const ticksPerSecond = 100 // USER_HZ, which /proc counts in on Linux
	return float64(after-before) / ticksPerSecond / time.Since(start).Seconds() * 100, nil
}

// cpuTicks is the process's user and system CPU time in clock ticks
// (/proc/PID/stat's fields 14 and 15, counted after the command's name).
func cpuTicks(pid int) (uint64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	s := string(data)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:]) // the name may hold spaces
	if len(fields) < 13 {
		return 0, fmt.Errorf("short /proc/%d/stat", pid)
	}
	utime, err1 := strconv.ParseUint(fields[11], 10, 64)
	stime, err2 := strconv.ParseUint(fields[12], 10, 64)
	return utime + stime, errors.Join(err1, err2)
}

// openRows is the xdotool command line that opens n citizens from the
// caseload at 1024×540: a click on each of the nine rows in view (the
// first at y 177, 40 px apart), Escape back, then the wheel scrolls on.
func openRows(n int) []string {
	var args []string
	for i := 0; i < n; i++ {
		if i > 0 && i%9 == 0 {
			args = append(args, "mousemove", "500", "350")
			for w := 0; w < 10; w++ {
				args = append(args, "click", "5")
			}
			args = append(args, "sleep", "0.5")
		}
		y := strconv.Itoa(177 + 40*(i%9))
		args = append(args, "mousemove", "100", y, "click", "1", "sleep", "1", "key", "Escape", "sleep", "0.8")
	}
	return args
}

// pressed are when the last run's keys were pressed; typedTo when its
// last key's pixels came.
var (
	pressed []time.Time
	typedTo time.Time
)

// typeKeys types ty.n keys, each once the band has been still for 150 ms,
// and returns the milliseconds from each key press to the band's change.
func typeKeys(ty typing, timeout time.Duration) ([]float64, error) {
	var out []float64
	pressed = pressed[:0]
	defer func() { typedTo = time.Now() }()
	for i := 0; i < ty.n; i++ {
		name := "BackSpace"
		if k := i % (2 * len(ty.text)); k < len(ty.text) {
			name = ty.text[k : k+1]
		}
		if err := quiet(ty.band, 150*time.Millisecond, timeout); err != nil {
			return nil, err
		}
		span(ty.band, true)
		start := time.Now()
		pressed = append(pressed, start)
		if err := key(name); err != nil {
			return nil, err
		}
		for span(ty.band, false) <= caret {
			if time.Since(start) > timeout {
				return nil, fmt.Errorf("key %d (%s): no change on screen after %s", i+1, name, timeout)
			}
			time.Sleep(500 * time.Microsecond)
		}
		out = append(out, float64(time.Since(start).Microseconds())/1000)
	}
	return out, nil
}

// quiet waits until the band has not changed, but for the caret, for d.
func quiet(band [4]int, d, timeout time.Duration) error {
	start, still := time.Now(), time.Now()
	for span(band, true); time.Since(still) < d; time.Sleep(2 * time.Millisecond) {
		if span(band, false) > caret {
			span(band, true)
			still = time.Now()
		}
		if time.Since(start) > timeout {
			return fmt.Errorf("the screen did not settle in %s", timeout)
		}
	}
	return nil
}

// changed: some sample differs from before the start and is not black
// (the X server's own window background).
func changed(base []uint64) bool {
	for i, p := range samples {
		if v := pixel(p[0], p[1]); v != base[i] && v&0xffffff != 0 {
			return true
		}
	}
	return false
}

// resident is the process's resident memory in MB (VmRSS).
func resident(pid int) (float64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return float64(kb) / 1024, err
		}
	}
	return 0, fmt.Errorf("no VmRSS for %d", pid)
}

// percentile is the nearest-rank p-th percentile.
func percentile(xs []float64, p int) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	return s[max(0, (len(s)*p+99)/100-1)]
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
